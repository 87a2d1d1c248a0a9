/**
 * The durable send ledger: one row per `order-{shop}-{orderId}:{touchpoint}:{channel}:{revision}`.
 * A send claims its key first and records the provider's answer right after acceptance, so a
 * retried activity finds the recorded notice instead of sending again.
 */
import type { ChannelName, Decision, Notice } from '../workflows/contract';
import { checkParams, insertCheckSql, type CheckSent } from './facts';
import type { Queryable } from './queryable';

export interface SendClaim {
  key: string;
  chainId: string;
  workflowId: string;
  shop: string;
  touchpoint: string;
  channel: ChannelName;
  revision: number;
  addressKey: string;
  customerKey: string;
  urgent: boolean;
  /** Customer-local date of the send, for the daily cap. */
  localDay: string;
  locale: string;
  /** The activity attempt claiming (its run and activity id, and attempt number). */
  claimedBy?: string;
  claimedAttempt?: number;
}

export interface LedgerRow extends Pick<
  SendClaim,
  'key' | 'chainId' | 'workflowId' | 'shop' | 'touchpoint' | 'channel' | 'revision' | 'locale'
> {
  status: 'sending' | 'sent' | 'failed';
  providerId?: string;
  notice?: Notice;
  decision?: Decision;
  attempts: number;
  /** When the row was last claimed (a retry taking over a stale claim renews it), and by which activity attempt. */
  claimedAt: Date;
  claimedBy?: string;
  claimedAttempt: number;
}

const COLUMNS = `key, chain_id as "chainId", workflow_id as "workflowId", shop, touchpoint, channel, revision, locale, status,
  provider_id as "providerId", notice, decision, attempts, claimed_at as "claimedAt", claimed_by as "claimedBy", claimed_attempt as "claimedAttempt"`;

/** Ledger key of one notice on one channel. */
export function ledgerKey(chainId: string, touchpoint: string, channel: ChannelName, revision: number): string {
  return `${chainId}:${touchpoint}:${channel}:${revision}`;
}

const clean = (row: LedgerRow | undefined) =>
  row && (Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as LedgerRow);

export class Ledger {
  constructor(private readonly sql: Queryable) {}

  /**
   * Claims a key before sending. Undefined means the key is new and this attempt sends; otherwise
   * the earlier row says what happened (sent: reuse it; failed: skip the channel; sending: another
   * attempt is in flight, or died before the provider answered when its claim is old).
   */
  async claim(c: SendClaim): Promise<LedgerRow | undefined> {
    const inserted = await this.sql.query(
      `insert into sends (key, chain_id, workflow_id, shop, touchpoint, channel, revision, address_key, customer_key, urgent, local_day, locale, status, claimed_by, claimed_attempt)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'sending', $13, $14) on conflict (key) do nothing returning key`,
      [
        c.key,
        c.chainId,
        c.workflowId,
        c.shop,
        c.touchpoint,
        c.channel,
        c.revision,
        c.addressKey,
        c.customerKey,
        c.urgent,
        c.localDay,
        c.locale,
        c.claimedBy ?? null,
        c.claimedAttempt ?? 1,
      ],
    );
    if (inserted.length) return undefined;
    const [row] = await this.sql.query<LedgerRow>(
      `update sends set attempts = attempts + 1 where key = $1 returning ${COLUMNS}`,
      [c.key],
    );
    return clean(row);
  }

  /** Takes over a stale claim: this attempt sends now. */
  async retake(c: Pick<SendClaim, 'key' | 'claimedBy' | 'claimedAttempt'>): Promise<void> {
    await this.sql.query(
      `update sends set claimed_at = now(), claimed_by = $2, claimed_attempt = $3 where key = $1 and status = 'sending'`,
      [c.key, c.claimedBy ?? null, c.claimedAttempt ?? 1],
    );
  }

  /**
   * The provider accepted: what was sent, kept for a retried attempt to return; with `check`, the
   * touchpoint's satisfaction check is recorded as sent in the same statement (one round trip).
   */
  async sent(key: string, providerId: string, notice: Notice, check?: CheckSent): Promise<void> {
    // A row erased while its send was under way keeps only that it went, not what it said.
    const update = `update sends set status = 'sent', provider_id = $2, notice = case when address_key = 'erased' then null else $3::jsonb end, updated_at = now() where key = $1`;
    const params = [key, providerId, JSON.stringify(notice)];
    if (!check) await this.sql.query(update, params);
    else await this.sql.query(`with sent as (${update}) ${insertCheckSql(4)}`, [...params, ...checkParams(check)]);
  }

  /** Forgets what a chain's notices said and to whom (an erasure): the rows stay, so nothing is sent twice. */
  async scrub(chainId: string): Promise<number> {
    const rows = await this.sql.query(
      `update sends set notice = null, decision = null, address_key = 'erased', customer_key = 'erased', updated_at = now()
       where chain_id = $1 and address_key <> 'erased' returning key`,
      [chainId],
    );
    return rows.length;
  }

  /** The provider refused for good: the channel is skipped on every later attempt. */
  async failed(key: string, decision: Decision): Promise<void> {
    await this.sql.query(`update sends set status = 'failed', decision = $2, updated_at = now() where key = $1`, [
      key,
      JSON.stringify(decision),
    ]);
  }

  /** A transient failure: nothing went out, the next attempt claims the key afresh. */
  async release(key: string): Promise<void> {
    await this.sql.query(`delete from sends where key = $1 and status = 'sending'`, [key]);
  }

  /** The row of a provider's message or call id (delivery receipts, voice answers). */
  async byProviderId(providerId: string): Promise<LedgerRow | undefined> {
    const [row] = await this.sql.query<LedgerRow>(`select ${COLUMNS} from sends where provider_id = $1`, [providerId]);
    return clean(row);
  }

  /** The latest notice sent to an address on these channels (an SMS reply answers it). */
  async latestTo(addressKey: string, channels: ChannelName[]): Promise<LedgerRow | undefined> {
    const [row] = await this.sql.query<LedgerRow>(
      `select ${COLUMNS} from sends where address_key = $1 and channel = any($2) and status = 'sent' order by seq desc limit 1`,
      [addressKey, channels],
    );
    return clean(row);
  }

  /** Records a delivery receipt; false when the provider id is unknown. */
  async delivery(providerId: string, status: string): Promise<boolean> {
    const rows = await this.sql.query(
      `update sends set delivery = $2, updated_at = now() where provider_id = $1 returning key`,
      [providerId, status],
    );
    return rows.length > 0;
  }

  /**
   * Non-urgent notices a customer got on a customer-local day (a notice counts once, whatever its
   * channels), leaving out `self`, the notice asking.
   */
  async sentOnDay(
    shop: string,
    customerKey: string,
    localDay: string,
    self?: { chainId: string; touchpoint: string; revision: number },
  ): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `select count(distinct (chain_id, touchpoint, revision))::int as n from sends
       where shop = $1 and customer_key = $2 and local_day = $3 and urgent = false and status = 'sent'
         and not (chain_id = $4 and touchpoint = $5 and revision = $6)`,
      [shop, customerKey, localDay, self?.chainId ?? '', self?.touchpoint ?? '', self?.revision ?? 0],
    );
    return row.n;
  }
}
