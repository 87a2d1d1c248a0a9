/** What the model of a chain (./chain-model.ts) works out: each notice it queues, and where the chain stands. */
import type { NoticeFacts } from '../workflows/notice-facts';
import type { ChainOrder, ChannelName, Stage } from '../workflows/contract';
import type { TemplateId } from '../workflows/touchpoints';

/**
 * The chain's notice queues: urgent ones, the rest one after another, and the return's own (it runs as a
 * child chain).
 */
export type Lane = 'urgent' | 'calm' | 'return';

export interface QueuedNotice {
  /** Touchpoint key (`delay-2`). */
  key: string;
  revision: number;
  template: TemplateId;
  facts: NoticeFacts;
  channels: ChannelName[];
  urgent: boolean;
  lane: Lane;
  /** When the chain queued it (epoch ms). */
  queuedAt: number;
  /** Queued once the return's notices are all out (the closing notice after a return). */
  afterReturn?: boolean;
}

/** Where the chain stands from `at` on. */
export interface Snapshot {
  at: number;
  stage: Stage;
  courierCalled: boolean;
  /** The pickup deadline then (ISO), while the parcel waits at its point or after. */
  pickupUntil?: string;
}

export interface ChainModel {
  order: ChainOrder;
  notices: QueuedNotice[];
  snapshots: Snapshot[];
}
