/**
 * The carriers' exceptions on the reports page: the share of each carrier's orders that had one, the period's
 * exceptions by normalized reason, and a table of each carrier's by reason.
 */
import type { CarrierLine } from '../../../store/reports';
import { EXCEPTION_REASONS, type ExceptionReason } from '../../../workflows/events';
import { BarChart, pct } from './charts';
import { Table } from './parts';

/** Each normalized reason as staff read it. */
const REASON_TEXT: Record<ExceptionReason, string> = {
  consignee_not_home: 'Nobody home',
  address_problem: 'Address problem',
  damaged: 'Damaged',
  customs: 'Customs',
  weather: 'Weather',
  capacity: 'Capacity',
  lost: 'Lost',
  other: 'Other',
};

/** The scorecard lines' exceptions as charts and a table; a sentence when the carriers reported none. */
export function CarrierExceptions({ lines }: { lines: CarrierLine[] }) {
  const total = (reason: ExceptionReason) => lines.reduce((n, l) => n + l.exceptions.byReason[reason], 0);
  return (
    <section class="card" id="carrier-exceptions">
      <h1>Carrier exceptions</h1>
      {lines.every((l) => l.exceptions.total === 0) ? (
        <p>No carrier reported an exception on this period's orders.</p>
      ) : (
        <>
          <BarChart
            title="Orders with an exception"
            max={1}
            bars={lines.map((l) => ({
              label: l.carrier,
              value: l.exceptions.orderRate,
              text: `${pct(l.exceptions.orderRate)} of ${l.orders}`,
              tone: 'Bad',
            }))}
          />
          <BarChart
            title="Exceptions by reason, all carriers"
            max={Math.max(1, ...EXCEPTION_REASONS.map(total))}
            bars={EXCEPTION_REASONS.map((reason) => ({
              label: REASON_TEXT[reason],
              value: total(reason),
              text: String(total(reason)),
            }))}
          />
          <Table head={['Carrier', 'Exceptions', 'Orders with one', ...EXCEPTION_REASONS.map((r) => REASON_TEXT[r])]}>
            {lines.map((l) => (
              <tr data-carrier={l.carrier}>
                <td>{l.carrier}</td>
                <td>{l.exceptions.total}</td>
                <td>
                  {l.exceptions.orders} ({pct(l.exceptions.orderRate)})
                </td>
                {EXCEPTION_REASONS.map((reason) => (
                  <td data-reason={reason}>{l.exceptions.byReason[reason]}</td>
                ))}
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
