/**
 * The reports, aggregated in SQL from the durable facts: the touchpoint audit (checks sent,
 * responses, mean score, verdict, the chain's weakest link) and the carrier scorecard (with the carrier's
 * exceptions by normalized reason), over every chain or the chains of one delivery mode (with a pickup point's
 * own figures).
 */
import { EXCEPTION_REASONS, type ExceptionReason } from '../workflows/events';
import { type DeliveryMode, TOUCHPOINTS } from '../workflows/touchpoints';
import type { Queryable } from './queryable';

/** The chains a report covers: those of one delivery mode, or all of them. */
export type ReportMode = DeliveryMode | 'all';

export interface ReportFilter {
  shop: string;
  /** ISO instants: checks sent, and chains started, in [from, to). */
  from: string;
  to: string;
  carrier?: string;
  /** All chains when unset. */
  mode?: ReportMode;
}

/** Mean scores (out of 5; a 0–10 question counts half) from which a touchpoint is Wow, or OK; below is Bad. */
export interface Thresholds {
  wow: number;
  ok: number;
}

export type Verdict = 'Wow' | 'OK' | 'Bad';

export interface TouchpointLine {
  touchpoint: string;
  checksSent: number;
  responses: number;
  responseRate: number;
  /** On the check's own scale (1–5, or 0–10 for the closing question); null without answers. */
  meanScore: number | null;
  scale: number;
  verdict: Verdict | null;
}

export interface TouchpointReport {
  touchpoints: TouchpointLine[];
  /** The answered touchpoint of the chain (not the follow-up) with the lowest mean on a common scale, or null. */
  weakestLink: string | null;
}

export interface CarrierLine {
  carrier: string;
  orders: number;
  delivered: number;
  /** Delivered by the first promised date, out of those delivered; null before any delivery. */
  onTimeRate: number | null;
  /** Days of delay the carrier caused (its own ETAs, and guards that fired while it held the parcel), per order. */
  meanDelayDays: number;
  deliveredWithoutCall: number;
  courierCallRating: number | null;
  handoverRating: number | null;
  /** The exceptions the carrier reported on the line's orders. */
  exceptions: ExceptionFigures;
  /** The mode the line covers, when one was asked for (a line over all chains has none, as before modes). */
  mode?: DeliveryMode;
  /** A pickup-point line's figures at the points. */
  pickup?: PickupFigures;
}

/** The exceptions a carrier reported on a line's orders, by normalized reason. */
export interface ExceptionFigures {
  /** Exceptions reported (an order can have several). */
  total: number;
  /** Orders with at least one. */
  orders: number;
  /** Those orders, out of the line's orders. */
  orderRate: number;
  /** Every normalized reason, each with its count (0 when none). */
  byReason: Record<ExceptionReason, number>;
}

/** What happened to the carrier's parcels at their pickup points. */
export interface PickupFigures {
  /** Parcels that became ready at their point. */
  ready: number;
  collected: number;
  expired: number;
  /**
   * Collected within 24 hours of becoming ready, out of the parcels ready and then collected or expired (still
   * waiting: not counted yet); null before one.
   */
  collectedFirstDayRate: number | null;
  /** Expired, out of those collected or expired; null before either. */
  expiredRate: number | null;
  /** Mean hours from ready to collected; null before a collection after a ready. */
  meanHoursToCollect: number | null;
}

const ORDER = Object.keys(TOUCHPOINTS);
const round = (n: number) => Math.round(n * 1000) / 1000;
const share = (part: number, whole: number) => (whole ? round(part / whole) : null);
/** The mode a query narrows to: null for all chains. */
const modeParam = (mode: ReportMode | undefined) => (mode === undefined || mode === 'all' ? null : mode);

interface CarrierRow {
  carrier: string;
  orders: number;
  delivered: number;
  on_time: number;
  delay_days: number;
  without_call: number;
  ready: number;
  collected: number;
  expired: number;
  first_day: number;
  settled_ready: number;
  mean_hours: number | null;
  exceptions: number;
  excepted: number;
}

/**
 * Per carrier, chains started in the period: delivered, on time, carrier-caused delay days, conflicts of a
 * courier who did not call, the pickup steps (first day: collected within 24 hours of ready), and the carrier's
 * exceptions with the chains that had one.
 */
const CARRIER_SQL = (inRange: string) =>
  `select f.carrier, count(*)::int as orders, count(f.delivered_at)::int as delivered, (count(*) filter (where f.on_time))::int as on_time,
     avg(coalesce(d.days, 0))::float8 as delay_days, coalesce(sum(c.n), 0)::int as without_call,
     count(f.ready_at)::int as ready, count(f.collected_at)::int as collected, count(f.expired_at)::int as expired,
     (count(*) filter (where f.collected_at - f.ready_at <= interval '24 hours'))::int as first_day,
     (count(*) filter (where f.ready_at is not null and (f.collected_at is not null or f.expired_at is not null)))::int as settled_ready,
     (avg(extract(epoch from f.collected_at - f.ready_at)) / 3600)::float8 as mean_hours,
     coalesce(sum(x.n), 0)::int as exceptions, count(x.chain_id)::int as excepted
   from chain_facts f
   left join (select chain_id, sum(days) as days from chain_delays where carrier_caused group by chain_id) d on d.chain_id = f.chain_id
   left join (select chain_id, count(*) as n from chain_conflicts where type = 'delivered_without_call' group by chain_id) c on c.chain_id = f.chain_id
   left join (select chain_id, count(*) as n from chain_exceptions group by chain_id) x on x.chain_id = f.chain_id
   where ${inRange} group by f.carrier order by f.carrier`;

const pickupFigures = (r: CarrierRow): PickupFigures => ({
  ready: r.ready,
  collected: r.collected,
  expired: r.expired,
  collectedFirstDayRate: share(r.first_day, r.settled_ready),
  expiredRate: share(r.expired, r.collected + r.expired),
  meanHoursToCollect: r.mean_hours === null ? null : round(r.mean_hours),
});
interface ReasonRow {
  carrier: string;
  reason: ExceptionReason;
  n: number;
}

/** A line's exceptions: the totals from its carrier's row, each reason's count from the carriers' `reasons`. */
function exceptionFigures(r: CarrierRow, reasons: ReasonRow[]): ExceptionFigures {
  const byReason = Object.fromEntries(EXCEPTION_REASONS.map((reason) => [reason, 0])) as Record<
    ExceptionReason,
    number
  >;
  for (const x of reasons) if (x.carrier === r.carrier) byReason[x.reason] = x.n;
  return { total: r.exceptions, orders: r.excepted, orderRate: round(r.excepted / r.orders), byReason };
}

/** A mean on the five-point scale the thresholds use. */
const onFive = (line: TouchpointLine) => (line.meanScore! * 5) / line.scale;

export class Reports {
  constructor(private readonly sql: Queryable) {}

  async touchpoints(f: ReportFilter, thresholds: Thresholds): Promise<TouchpointReport> {
    const rows = await this.sql.query<{
      touchpoint: string;
      sent: number;
      responses: number;
      mean: number | null;
      scale: number;
    }>(
      // A check of a chain whose start is not recorded yet counts as home, as chains before modes.
      `select k.touchpoint_id as touchpoint, count(*)::int as sent, count(k.score)::int as responses, avg(k.score)::float8 as mean, max(k.scale)::int as scale
       from checks k left join chain_facts f on f.chain_id = k.chain_id
       where k.shop = $1 and k.sent_at >= $2 and k.sent_at < $3 and ($4::text is null or k.carrier = $4)
         and ($5::text is null or coalesce(f.mode, 'home') = $5)
       group by k.touchpoint_id`,
      [f.shop, f.from, f.to, f.carrier ?? null, modeParam(f.mode)],
    );
    const touchpoints = rows
      .map((r): TouchpointLine => {
        const line = {
          touchpoint: r.touchpoint,
          checksSent: r.sent,
          responses: r.responses,
          responseRate: round(r.responses / r.sent),
          meanScore: r.mean === null ? null : round(r.mean),
          scale: r.scale,
          verdict: null,
        };
        if (line.meanScore === null) return line;
        const score = onFive(line);
        return { ...line, verdict: score >= thresholds.wow ? 'Wow' : score >= thresholds.ok ? 'OK' : 'Bad' };
      })
      .sort((a, b) => ORDER.indexOf(a.touchpoint) - ORDER.indexOf(b.touchpoint));
    // A follow-up only goes to unhappy customers: it would always look weakest, and is no link of the chain.
    const answered = touchpoints.filter((t) => t.meanScore !== null && t.touchpoint !== 'follow-up');
    const weakest = answered.reduce<TouchpointLine | undefined>(
      (low, t) => (!low || onFive(t) < onFive(low) ? t : low),
      undefined,
    );
    return { touchpoints, weakestLink: weakest?.touchpoint ?? null };
  }

  async carriers(f: ReportFilter): Promise<CarrierLine[]> {
    const mode = modeParam(f.mode);
    const params = [f.shop, f.from, f.to, f.carrier ?? null, mode];
    const inRange = `f.shop = $1 and f.started_at >= $2 and f.started_at < $3 and ($4::text is null or f.carrier = $4)
      and ($5::text is null or f.mode = $5)`;
    const rows = await this.sql.query<CarrierRow>(CARRIER_SQL(inRange), params);
    const ratings = await this.sql.query<{ carrier: string; touchpoint: string; mean: number }>(
      `select f.carrier, k.touchpoint_id as touchpoint, avg(k.score)::float8 as mean
       from checks k join chain_facts f on f.chain_id = k.chain_id
       where ${inRange} and k.score is not null and k.touchpoint_id in ('courier-call', 'handover')
       group by f.carrier, k.touchpoint_id`,
      params,
    );
    const reasons = await this.sql.query<ReasonRow>(
      `select f.carrier, x.reason, count(*)::int as n from chain_exceptions x join chain_facts f on f.chain_id = x.chain_id
       where ${inRange} group by f.carrier, x.reason`,
      params,
    );
    const rating = (carrier: string, touchpoint: string) => {
      const found = ratings.find((r) => r.carrier === carrier && r.touchpoint === touchpoint);
      return found ? round(found.mean) : null;
    };
    return rows.map((r) => ({
      carrier: r.carrier,
      orders: r.orders,
      delivered: r.delivered,
      onTimeRate: r.delivered ? round(r.on_time / r.delivered) : null,
      meanDelayDays: round(r.delay_days),
      deliveredWithoutCall: r.without_call,
      courierCallRating: rating(r.carrier, 'courier-call'),
      handoverRating: rating(r.carrier, 'handover'),
      exceptions: exceptionFigures(r, reasons),
      ...(mode && { mode }),
      ...(mode === 'pickup_point' && { pickup: pickupFigures(r) }),
    }));
  }
}
