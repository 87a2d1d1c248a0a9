/**
 * Claiming a ledger key before a send, shared by every activity that sends: a key already sent is
 * handed back, one claimed moments ago by another attempt is waited for (a retryable failure), a
 * stale claim (its attempt died) is taken over, saying since when it was in flight so that the
 * caller can ask the provider whether that attempt's message went out after all.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Ledger, LedgerRow, SendClaim } from '../store/ledger';

/**
 * How long a claimed send may be in flight (above any send activity's start-to-close timeout) before a retry
 * takes it over.
 */
export const IN_FLIGHT_MS = 90_000;

/**
 * This attempt sends (`staleSince`: an earlier attempt died after claiming at that time), or the send already
 * ended (`ended`: sent or failed).
 */
export interface Claim {
  ended?: LedgerRow;
  staleSince?: Date;
}

/**
 * Claims `claim.key` for this activity attempt. A claim of an earlier attempt of the same activity
 * is over (Temporal retries only once an attempt failed or timed out, a dead worker's within the
 * heartbeat timeout); any other is waited for until it is IN_FLIGHT_MS old.
 */
export async function claimToSend(ledger: Ledger, claim: SendClaim, now: Date): Promise<Claim> {
  const { workflowExecution, activityId, attempt } = Context.current().info;
  const mine = { ...claim, claimedBy: `${workflowExecution?.runId}/${activityId}`, claimedAttempt: attempt };
  const prior = await ledger.claim(mine);
  if (!prior) return {};
  if (prior.status !== 'sending') return { ended: prior };
  const earlierAttempt = prior.claimedBy === mine.claimedBy && prior.claimedAttempt < attempt;
  if (!earlierAttempt && now.getTime() - prior.claimedAt.getTime() < IN_FLIGHT_MS) {
    throw ApplicationFailure.retryable(`${claim.channel}: an earlier attempt is still sending`, 'SendInProgress');
  }
  await ledger.retake(mine);
  return { staleSince: prior.claimedAt };
}
