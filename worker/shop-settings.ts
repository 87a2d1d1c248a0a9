/**
 * Running chains follow their shop's current settings. A chain holds its shop's settings in its
 * own state; when a shop's configuration changed since its running chains were last told, one
 * Temporal batch operation signals every running chain of the changed shops. The signal is recorded
 * in each chain's history, so a replay makes the same decisions the chain made.
 */
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow/codec-helpers.js';
import { logger } from '../common/logger';
import type { Store } from '../store';
import type { Shop } from '../workflows/contract';
import { shopSettingsSignal } from '../workflows/definitions';
import { SHOP } from '../workflows/search-attributes';

/** gRPC's ALREADY_EXISTS: another process started the same batch for the same settings. */
const ALREADY_EXISTS = 6;

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Tells the running chains of every shop whose settings changed; answers the ids of those shops.
 * A cluster that refuses the batch is logged and asked again at the next start.
 */
export async function syncShopSettings(client: Client, store: Pick<Store, 'shopSettings'>, shops: Shop[]): Promise<string[]> {
  const told = await store.shopSettings.told();
  const changed = shops.filter((s) => told.get(s.id) !== hashOf(s));
  if (!changed.length) return [];
  const ids = changed.map((s) => s.id);
  const payloads = await encodeToPayloads(client.workflow.options.loadedDataConverter, { shops: changed });
  const quoted = ids.map((id) => `'${id}'`).join(', ');
  try {
    await client.workflowService.startBatchOperation({
      namespace: client.options.namespace,
      // The same settings make the same job: workers starting together start it once.
      jobId: `doorstep-shop-settings-${hashOf(changed).slice(0, 32)}`,
      reason: `the settings of ${ids.join(', ')} changed`,
      visibilityQuery: `WorkflowType = 'chainWorkflow' AND ExecutionStatus = 'Running' AND ${SHOP.name} IN (${quoted})`,
      signalOperation: { signal: shopSettingsSignal.name, input: { payloads } },
    });
  } catch (err) {
    if ((err as { code?: number }).code !== ALREADY_EXISTS) {
      logger.warn({ shops: ids, err: (err as Error).message }, 'could not tell running chains of their shop\'s new settings; trying again at the next start');
      return [];
    }
  }
  await store.shopSettings.tell(changed.map((s) => ({ shop: s.id, hash: hashOf(s) })));
  logger.info({ shops: ids }, 'running chains told of their shop\'s new settings');
  return ids;
}
