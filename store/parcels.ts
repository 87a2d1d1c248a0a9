/**
 * The parcel index: which chain a carrier's tracking number belongs to, so that a carrier's event
 * finds its chain by (carrier, tracking number) without scanning, and when a pull connector polls
 * each parcel next. Carriers are kept in lower case (orders and connectors spell them as they like).
 */
import type { Queryable } from './queryable';

export interface ParcelRef {
  shop: string;
  carrier: string;
  trackingNumber: string;
  chainId: string;
  orderId: string;
}

/** A parcel a pull connector is to poll now, with what the last poll saw. */
export interface DueParcel extends ParcelRef {
  polls: number;
  lastStatus?: string;
  lastSeenAt?: string;
}

interface ParcelRow {
  shop: string;
  carrier: string;
  tracking_number: string;
  chain_id: string;
  order_id: string;
  polls: number;
  last_status: string | null;
  last_seen_at: Date | string | null;
}

const key = (carrier: string) => carrier.trim().toLowerCase();
const iso = (d: Date | string | null) => (d === null ? undefined : new Date(d).toISOString());
const parcelOf = (r: ParcelRow): DueParcel => ({
  shop: r.shop,
  carrier: r.carrier,
  trackingNumber: r.tracking_number,
  chainId: r.chain_id,
  orderId: r.order_id,
  polls: r.polls,
  lastStatus: r.last_status ?? undefined,
  lastSeenAt: iso(r.last_seen_at),
});

export class Parcels {
  constructor(private readonly sql: Queryable) {}

  /** Files a parcel under its chain (again: the same chain keeps its row, a new chain takes the number over). */
  async link(p: ParcelRef): Promise<void> {
    await this.sql.query(
      `insert into parcels (shop, carrier, tracking_number, chain_id, order_id) values ($1, $2, $3, $4, $5)
       on conflict (shop, carrier, tracking_number) do update set chain_id = excluded.chain_id, order_id = excluded.order_id,
         final = false, next_poll_at = now()
       where parcels.chain_id <> excluded.chain_id`,
      [p.shop, key(p.carrier), p.trackingNumber, p.chainId, p.orderId],
    );
  }

  /** The chains a carrier's number belongs to: one shop's when `shop` is given, else every shop's. */
  async find(carrier: string, trackingNumber: string, shop?: string): Promise<ParcelRef[]> {
    const rows = await this.sql.query<ParcelRow>(
      `select * from parcels where carrier = $1 and tracking_number = $2 and ($3::text is null or shop = $3)`,
      [key(carrier), trackingNumber, shop ?? null],
    );
    return rows.map(parcelOf);
  }

  /** Up to `limit` of a carrier's open parcels whose poll is due at `now`, the longest waiting first. */
  async due(carrier: string, now: Date, limit: number): Promise<DueParcel[]> {
    const rows = await this.sql.query<ParcelRow>(
      `select * from parcels where carrier = $1 and not final and next_poll_at <= $2 order by next_poll_at limit $3`,
      [key(carrier), now.toISOString(), limit],
    );
    return rows.map(parcelOf);
  }

  /** When the carrier's next open parcel is due, if it has any. */
  async nextDue(carrier: string): Promise<Date | undefined> {
    const [row] = await this.sql.query<{ next: Date | string | null }>(
      `select min(next_poll_at) as next from parcels where carrier = $1 and not final`,
      [key(carrier)],
    );
    return row?.next ? new Date(row.next) : undefined;
  }

  /**
   * A poll of one parcel is over: the next one is due at `next`, or never once `final` (the carrier's
   * last status, or a chain that has finished; a parcel closed meanwhile stays closed). `status` is what the carrier said, when it answered.
   */
  async polled(
    p: Pick<ParcelRef, 'shop' | 'carrier' | 'trackingNumber'>,
    outcome: { next: Date; final?: boolean; status?: string },
  ): Promise<void> {
    await this.sql.query(
      `update parcels set next_poll_at = $4, final = final or $5, polls = polls + 1,
         last_status = coalesce($6, last_status), last_seen_at = case when $6::text is null then last_seen_at else now() end
       where shop = $1 and carrier = $2 and tracking_number = $3`,
      [
        p.shop,
        key(p.carrier),
        p.trackingNumber,
        outcome.next.toISOString(),
        outcome.final ?? false,
        outcome.status ?? null,
      ],
    );
  }

  /** A chain has finished: its parcels are no longer polled. */
  async closeChain(chainId: string): Promise<void> {
    await this.sql.query(`update parcels set final = true where chain_id = $1`, [chainId]);
  }
}
