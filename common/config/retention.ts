/** How long what Doorstep keeps stays: closed chains' histories in Temporal, store rows, tombstones of order ids. */
import { z } from 'zod';
import { envError } from './errors';

/**
 * Retention of closed chains' histories when DOORSTEP_RETENTION_DAYS is unset and Doorstep runs the dev
 * server itself.
 */
export const DEV_SERVER_RETENTION_DAYS = 30;

export const RetentionEnv = z.object({
  DOORSTEP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  DOORSTEP_STORE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(400),
  DOORSTEP_TOMBSTONE_DAYS: z.coerce.number().int().min(2).max(36500).default(3650),
});

export interface Retention {
  /** Days Temporal keeps a closed chain's history (the namespace's retention), when Doorstep should set it. */
  namespaceDays?: number;
  /** Days after which the retention job deletes store rows and outbox lines of closed chains. */
  storeDays: number;
  /** Days a finished or erased order id stays refused (longer than Temporal remembers the chain). */
  tombstoneDays: number;
}

/** The retention the environment sets; a tombstone that would outlive nothing is refused. */
export function readRetention(env: z.infer<typeof RetentionEnv>): Retention {
  const retention = {
    namespaceDays: env.DOORSTEP_RETENTION_DAYS,
    storeDays: env.DOORSTEP_STORE_RETENTION_DAYS,
    tombstoneDays: env.DOORSTEP_TOMBSTONE_DAYS,
  };
  // An order id must stay refused for as long as anything remembers its chain.
  if (retention.tombstoneDays <= Math.max(retention.namespaceDays ?? DEV_SERVER_RETENTION_DAYS, retention.storeDays)) {
    throw envError(
      'DOORSTEP_TOMBSTONE_DAYS',
      'must be more than DOORSTEP_RETENTION_DAYS and DOORSTEP_STORE_RETENTION_DAYS',
    );
  }
  return retention;
}
