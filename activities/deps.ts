/** What the worker wires into the activities: they never read the environment themselves. */
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { ShopVoice } from '../common/config';
import type { Tokens } from '../common/tokens';
import type { AddressKeyer } from '../store/address-key';
import type { Store } from '../store';
import type { Channels } from './channels/channel';
import type { CarrierPollSettings } from './carrier-poll';
import type { WorkerMetrics } from './metrics';

export interface ActivityDeps {
  channels: Channels;
  tokens: Tokens;
  store: Pick<
    Store,
    'ledger' | 'optOuts' | 'facts' | 'sql' | 'tombstones' | 'retention' | 'templates' | 'whatsappSessions' | 'parcels'
  >;
  addressKey: AddressKeyer;
  /** Base of every link in a notice. */
  publicBaseUrl: string;
  /** Each shop's brand and senders by shop id (config.voices); a shop without one speaks in the global voice. */
  voices: ReadonlyMap<string, ShopVoice>;
  log: Logger;
  metrics: WorkerMetrics;
  /** Signs support-alert webhooks (Standard Webhooks); needed when a shop has an alertWebhookUrl. */
  alertWebhookSecret?: string;
  clock?: () => Date;
  /** What the retention job needs (a worker built without it cannot run the job). */
  retention?: RetentionSettings;
  /** What the pull connectors need (a worker built without it polls no carrier). */
  carrierPolls?: CarrierPollSettings;
}

/** What the retention job keeps, and where it asks which chains still run. */
export interface RetentionSettings {
  client: Client;
  /** The chains' task queue: only this deployment's chains are looked at (a namespace may hold others). */
  taskQueue: string;
  /** Days after which rows and outbox lines of closed chains go. */
  storeDays: number;
  /** Days a finished or erased order id stays refused. */
  tombstoneDays: number;
  outboxFile: string;
}
