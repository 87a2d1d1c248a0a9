/**
 * The reports as charts: the touchpoint audit (Wow / OK / Bad, weakest link), the carrier scorecard, the
 * carriers' exceptions by normalized reason and the pickup points' figures, for all chains or one delivery mode's.
 */
import type { CarrierLine, ReportMode, TouchpointReport } from '../../../store/reports';
import type { Staff } from '../session';
import { BarChart, num, pct } from './charts';
import { Layout } from './layout';
import { Table } from './parts';
import { CarrierExceptions } from './reports-exceptions';
import { PickupFigures } from './reports-pickup';

/** The delivery modes a report covers, as the form offers them. */
const MODES: [ReportMode, string][] = [
  ['all', 'All deliveries'],
  ['home', 'Home delivery'],
  ['pickup_point', 'Pickup point'],
];

export interface ReportsPageProps {
  staff: Staff;
  /** The period's first and last days (ISO dates). */
  from: string;
  to: string;
  /** The chains the audit and the scorecard cover. */
  mode: ReportMode;
  audit: TouchpointReport;
  carriers: CarrierLine[];
  /** The pickup-point lines of the period (none when only home chains were asked for). */
  pickups: CarrierLine[];
}

/** The reports page of one period and delivery mode. */
export function ReportsPage({ staff, from, to, mode, audit, carriers, pickups }: ReportsPageProps) {
  const lines = audit.touchpoints;
  const of = mode === 'all' ? '' : ` · ${MODES.find(([m]) => m === mode)![1]}`;
  return (
    <Layout title="Reports" staff={staff}>
      <form method="get" class="card">
        <label style="display:inline">
          From <input type="date" name="from" value={from} />
        </label>{' '}
        <label style="display:inline">
          to <input type="date" name="to" value={to} />
        </label>{' '}
        <label style="display:inline">
          Delivery{' '}
          <select name="mode">
            {MODES.map(([value, text]) => (
              <option value={value} selected={value === mode}>
                {text}
              </option>
            ))}
          </select>
        </label>{' '}
        <button>Show</button>
      </form>
      <section class="card" id="touchpoint-audit">
        <h1>Touchpoint audit{of}</h1>
        <p>
          Weakest link: <strong class="weakest">{audit.weakestLink ?? 'none yet'}</strong>
        </p>
        <BarChart
          title="Mean rating (out of 5; the closing 0–10 question scaled to 5)"
          max={5}
          bars={lines.map((l) => ({
            label: l.touchpoint,
            value: l.meanScore === null ? null : (l.meanScore * 5) / l.scale,
            text: `${num(l.meanScore)} / ${l.scale} · ${l.verdict ?? ''}`,
            tone: l.verdict ?? undefined,
            marked: l.touchpoint === audit.weakestLink,
          }))}
        />
        <BarChart
          title="Response rate"
          max={1}
          bars={lines.map((l) => ({
            label: l.touchpoint,
            value: l.checksSent ? l.responseRate : null,
            text: `${pct(l.responseRate)} of ${l.checksSent}`,
          }))}
        />
        <Table head={['Touchpoint', 'Checks sent', 'Responses', 'Mean', 'Verdict']}>
          {lines.map((l) => (
            <tr data-touchpoint={l.touchpoint}>
              <td>{l.touchpoint}</td>
              <td>{l.checksSent}</td>
              <td>
                {l.responses} ({pct(l.responseRate)})
              </td>
              <td>
                {num(l.meanScore)} / {l.scale}
              </td>
              <td>{l.verdict && <span class={`badge ${l.verdict}`}>{l.verdict}</span>}</td>
            </tr>
          ))}
        </Table>
      </section>
      <section class="card" id="carrier-scorecard">
        <h1>Carrier scorecard{of}</h1>
        <BarChart
          title="On time (delivered by the first promise)"
          max={1}
          bars={carriers.map((c) => ({ label: c.carrier, value: c.onTimeRate, text: pct(c.onTimeRate) }))}
        />
        <BarChart
          title="Mean delay, days per order"
          max={Math.max(1, ...carriers.map((c) => c.meanDelayDays))}
          bars={carriers.map((c) => ({ label: c.carrier, value: c.meanDelayDays, text: num(c.meanDelayDays) }))}
        />
        <Table
          head={[
            'Carrier',
            'Orders',
            'Delivered',
            'On time',
            'Mean delay',
            'Without a call',
            'Courier call rating',
            'Handover rating',
          ]}
        >
          {carriers.map((c) => (
            <tr data-carrier={c.carrier}>
              <td>{c.carrier}</td>
              <td>{c.orders}</td>
              <td>{c.delivered}</td>
              <td>{pct(c.onTimeRate)}</td>
              <td>{num(c.meanDelayDays)}</td>
              <td>{c.deliveredWithoutCall}</td>
              <td>{num(c.courierCallRating)}</td>
              <td>{num(c.handoverRating)}</td>
            </tr>
          ))}
        </Table>
      </section>
      <CarrierExceptions lines={carriers} />
      {mode !== 'home' && <PickupFigures lines={pickups} />}
    </Layout>
  );
}
