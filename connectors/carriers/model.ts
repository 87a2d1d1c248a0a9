/**
 * The canonical tracking model: whatever a carrier calls a status, a connector reads it as one
 * `CarrierUpdate` (the parcel, the carrier's own code and text, and what it means for the chain: one
 * Doorstep event, an exception with its normalized reason, or unmapped). Push connectors (the carrier
 * posts) and pull connectors (Doorstep polls) both produce it; `toTrackingEvent` hands it to the chain.
 */
import type { z } from 'zod';
import type { CarrierStatus, EventType, ExceptionReason, TrackingEvent } from '../../workflows/contract';

/** What one carrier status means for the chain: a Doorstep event, an exception, or nothing known (unmapped). */
export type StatusMeaning =
  | { event: Exclude<EventType, 'exception' | 'carrier_status'> }
  | { event: 'exception'; reason: ExceptionReason }
  | { event: 'carrier_status' };

/** One carrier's statuses and what each means: data, one row per status, each row tested. */
export type StatusTable = Readonly<Record<string, StatusMeaning>>;

/** The meaning of `code` in `table`; a status no row names is unmapped (kept on the chain and counted). */
export function meaningOf(table: StatusTable, code: string): StatusMeaning {
  return Object.hasOwn(table, code) ? table[code]! : { event: 'carrier_status' };
}

/** One carrier status of one parcel, as every connector reads it. */
export interface CarrierUpdate {
  /** The carrier as the carrier or aggregator names it (the parcel index compares without case). */
  carrier: string;
  trackingNumber: string;
  /** Stable for this status of this parcel: a retried delivery or a poll that sees it again changes nothing. */
  eventId: string;
  /** When the carrier saw it (ISO with offset). */
  at: string;
  /** The carrier's own code and text, and its ETA: kept on the chain's event for support. */
  status: CarrierStatus;
  meaning: StatusMeaning;
  /** Data the event carries beyond the meaning (a pickup code and deadline, a point, a proof). */
  data?: Record<string, unknown>;
}

/** The chain event an update becomes (the meaning's event, the carrier's status on it). */
export function toTrackingEvent(update: CarrierUpdate): TrackingEvent {
  const { meaning, status } = update;
  const data =
    meaning.event === 'exception'
      ? { reason: meaning.reason, code: status.code, text: status.text }
      : { ...update.data };
  return { eventId: update.eventId, type: meaning.event, at: update.at, data, carrierStatus: status } as TrackingEvent;
}

/** A push delivery as the route hands it to a format: the exact bytes, the headers, the URL's query and the caller. */
export interface PushRequest {
  body: Buffer;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The caller's address (for a source allow-list). */
  ip: string;
}

/** What every push endpoint has, whatever its format (`carrierWebhooks[]`'s base fields). */
export interface PushEndpoint {
  id: string;
  shop: string;
  /** The carrier its parcels are filed under; an aggregator's endpoint may name it per update instead. */
  carrier?: string;
  /** Source addresses or CIDR ranges a delivery must come from, when set. */
  allowFrom?: string[];
}

/**
 * A carrier's push format: checks a delivery with the carrier's own scheme, then reads its updates.
 * `E` is the endpoint's configuration (its secrets and any format options), validated by `config`,
 * a zod object whose fields join the endpoint's base fields (a field it names, e.g. `carrier`, wins).
 */
export interface PushFormat<E = unknown> {
  id: string;
  /** The endpoint's format-specific configuration, validated at start with field paths. */
  config: z.ZodObject & z.ZodType<E>;
  /** Why a delivery is refused (forged, from elsewhere), or undefined when it is the carrier's. */
  verify(request: PushRequest, endpoint: E & PushEndpoint): string | undefined;
  /**
   * The delivery's own id when the carrier sends one (its event id): a replay of it acts once. Without
   * it the route takes a hash of the body, since these schemes carry no timestamp to bound a replay.
   */
  deliveryId?(body: unknown): string | undefined;
  /**
   * The updates in a verified body (JSON already parsed); throws (or rejects with) a `FormatError` for a
   * body it cannot read. May be async (an expression library that evaluates asynchronously).
   */
  parse(body: unknown, endpoint: E & PushEndpoint): CarrierUpdate[] | Promise<CarrierUpdate[]>;
}

/** A body a format cannot read: the route answers 400 with the message. */
export class FormatError extends Error {}
