/**
 * Running chains follow their shop's current settings. A chain holds its shop's settings in its
 * own state; when a shop's configuration changed since its running chains were last told, one
 * Temporal batch operation signals every running chain of the changed shops. The signal is recorded
 * in each chain's history, so a replay makes the same decisions the chain made.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { encodeToPayloads } from '@temporalio/common/lib/internal-non-workflow/codec-helpers.js';
import { logger } from '../common/logger';
import type { Store } from '../store';
import type { Shop } from '../workflows/contract';
import { shopSettingsSignal } from '../workflows/definitions';
import { SHOP } from '../workflows/search-attributes';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Tells the running chains of every shop whose settings changed; answers the ids of those shops.
 * A cluster that refuses the batch is logged and asked again at the next start.
 */
export async function syncShopSettings(
  client: Client,
  store: Pick<Store, 'shopSettings'>,
  shops: Shop[],
): Promise<string[]> {
  const told = await store.shopSettings.told();
  const changed = shops.filter((s) => told.get(s.id) !== hashOf(s));
  if (!changed.length) return [];
  const ids = changed.map((s) => s.id);
  const payloads = await encodeToPayloads(client.workflow.options.loadedDataConverter, { shops: changed });
  const quoted = ids.map((id) => `'${id}'`).join(', ');
  try {
    await client.workflowService.startBatchOperation({
      namespace: client.options.namespace,
      // A job of its own every time: a job id Temporal still remembers would be taken as done (a
      // change rolled back and made again). Workers starting together may both tell: a chain takes
      // the same settings twice.
      jobId: `doorstep-shop-settings-${randomUUID()}`,
      reason: `the settings of ${ids.join(', ')} changed`,
      visibilityQuery: `WorkflowType = 'chainWorkflow' AND ExecutionStatus = 'Running' AND ${SHOP.name} IN (${quoted})`,
      signalOperation: { signal: shopSettingsSignal.name, input: { payloads } },
    });
  } catch (err) {
    logger.warn(
      { shops: ids, err: (err as Error).message },
      "could not tell running chains of their shop's new settings; trying again at the next start",
    );
    return [];
  }
  await store.shopSettings.tell(changed.map((s) => ({ shop: s.id, hash: hashOf(s) })));
  logger.info({ shops: ids }, "running chains told of their shop's new settings");
  return ids;
}
