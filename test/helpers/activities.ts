/** The real activities wired as the worker wires them, with this test's store and metrics registry. */
import { Registry } from 'prom-client';
import { createActivities } from '../../activities';
import { noticeMetrics } from '../../activities/metrics';
import type { AppConfig } from '../../common/config';
import { logger } from '../../common/logger';
import { createTokens } from '../../common/tokens';
import { addressKeyer } from '../../store/address-key';
import type { Store } from '../../store';
import { buildChannels } from '../../worker/transports';

export function activitiesFor(config: AppConfig, store: Store, registry = new Registry()) {
  return createActivities({
    channels: buildChannels(config),
    tokens: createTokens(config.secret),
    store,
    addressKey: addressKeyer(config.secret),
    publicBaseUrl: config.publicBaseUrl,
    log: logger,
    metrics: noticeMetrics(registry),
  });
}
