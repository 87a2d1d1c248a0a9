/** What the worker wires into the activities: they never read the environment themselves. */
import type { Logger } from 'pino';
import type { Tokens } from '../common/tokens';
import type { AddressKeyer } from '../store/address-key';
import type { Store } from '../store';
import type { Channels } from './channels/channel';
import type { RetentionSettings } from './retention';
import type { WorkerMetrics } from './metrics';

export interface ActivityDeps {
  channels: Channels;
  tokens: Tokens;
  store: Pick<Store, 'ledger' | 'optOuts' | 'facts' | 'sql' | 'tombstones' | 'retention'>;
  addressKey: AddressKeyer;
  /** Base of every link in a notice. */
  publicBaseUrl: string;
  log: Logger;
  metrics: WorkerMetrics;
  /** Signs support-alert webhooks (Standard Webhooks); needed when a shop has an alertWebhookUrl. */
  alertWebhookSecret?: string;
  clock?: () => Date;
  /** What the retention job needs (a worker built without it cannot run the job). */
  retention?: RetentionSettings;
}
