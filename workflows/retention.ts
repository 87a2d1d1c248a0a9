/**
 * The retention job: one activity that deletes what is past its age (see activities/retention.ts),
 * started daily by the schedule the worker creates at start (common/temporal.ts).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, PurgeReport } from '../activities';

// A store or Temporal outage is waited out for a few hours; the next day's run catches up anyway.
const { purgeExpired } = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 6 },
});

/** Deletes the store rows and outbox lines past their age, counting back from the workflow's start. */
export async function retentionWorkflow(): Promise<PurgeReport> {
  return purgeExpired({ now: new Date().toISOString() });
}
