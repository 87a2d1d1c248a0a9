/**
 * Claiming a ledger key before a send, shared by every activity that sends: a key already sent is
 * handed back, one claimed moments ago by another attempt is waited for (a retryable failure), a
 * stale claim (its attempt died) is taken over.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Ledger, LedgerRow, SendClaim } from '../store/ledger';

/** How long a claimed send may be in flight (above any send activity's start-to-close timeout) before a retry takes it over. */
export const IN_FLIGHT_MS = 90_000;

/** Claims `claim.key`: undefined when this attempt sends, else the row of a send that already ended (sent or failed). */
export async function claimToSend(ledger: Ledger, claim: SendClaim, now: Date): Promise<LedgerRow | undefined> {
  const prior = await ledger.claim(claim);
  if (!prior || prior.status !== 'sending') return prior;
  if (now.getTime() - prior.claimedAt.getTime() < IN_FLIGHT_MS) {
    throw ApplicationFailure.retryable(`${claim.channel}: an earlier attempt is still sending`, 'SendInProgress');
  }
  await ledger.retake(claim.key);
  return undefined;
}
