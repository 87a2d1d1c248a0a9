/**
 * The pickup points' figures on the reports page, per carrier: the share collected on the first day (within 24
 * hours of becoming ready), the share expired, and the mean hours from ready to collected.
 */
import type { CarrierLine } from '../../../store/reports';
import { BarChart, num, pct } from './charts';
import { Table } from './parts';

/** The pickup-point lines' figures as charts and a table; a sentence when the period had none. */
export function PickupFigures({ lines }: { lines: CarrierLine[] }) {
  const rows = lines.flatMap((l) => (l.pickup ? [{ carrier: l.carrier, ...l.pickup }] : []));
  return (
    <section class="card" id="pickup-points">
      <h1>Pickup points</h1>
      {rows.length === 0 ? (
        <p>No pickup-point orders in this period.</p>
      ) : (
        <>
          <BarChart
            title="Collected on the first day (within 24 hours of ready)"
            max={1}
            bars={rows.map((r) => ({
              label: r.carrier,
              value: r.collectedFirstDayRate,
              text: pct(r.collectedFirstDayRate),
            }))}
          />
          <BarChart
            title="Expired (of the parcels collected or expired)"
            max={1}
            bars={rows.map((r) => ({ label: r.carrier, value: r.expiredRate, text: pct(r.expiredRate), tone: 'Bad' }))}
          />
          <BarChart
            title="Mean hours from ready to collected"
            max={Math.max(24, ...rows.map((r) => r.meanHoursToCollect ?? 0))}
            bars={rows.map((r) => ({
              label: r.carrier,
              value: r.meanHoursToCollect,
              text: `${num(r.meanHoursToCollect)} h`,
            }))}
          />
          <Table head={['Carrier', 'Ready', 'Collected', 'Expired', 'First day', 'Expired share', 'Mean hours']}>
            {rows.map((r) => (
              <tr data-carrier={r.carrier}>
                <td>{r.carrier}</td>
                <td>{r.ready}</td>
                <td>{r.collected}</td>
                <td>{r.expired}</td>
                <td>{pct(r.collectedFirstDayRate)}</td>
                <td>{pct(r.expiredRate)}</td>
                <td>{num(r.meanHoursToCollect)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
