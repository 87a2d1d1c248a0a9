/**
 * The satisfaction checks of a chain: each touchpoint's notice asks how it went; the first answer
 * is recorded, a change is allowed while the check is open, and a low score is repaired at once —
 * support is alerted and the customer gets a personal follow-up with the support contact.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import { now } from './clock';
import { DAY_MS } from './durations';
import { FAILURE } from './failures';
import type { ChainInput, ChainState, Touchpoint } from './contract';
import { addTouchpoint } from './chain-state';
import type { CustomerReply, RatingInput, RatingResult } from './definitions';
import type { Notifier } from './notifier';
import type { ChainRecords } from './records';
import { isLow, scoreRangeOf, specOf, touchpointIdOf } from './touchpoints';

export class Checks {
  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
    private readonly records: ChainRecords,
    private readonly notifier: Notifier,
  ) {}

  /** Why this rating cannot be taken (unknown or unsent check, score off the scale, check closed), or undefined. */
  refusal({ touchpoint, score }: Pick<RatingInput, 'touchpoint' | 'score'>): string | undefined {
    const sent = this.state.touchpoints.find((t) => t.key === touchpoint)?.notices.filter((n) => n.providerId) ?? [];
    if (!sent.length) return `no satisfaction check was sent for ${touchpoint}`;
    const { min, max } = scoreRangeOf(touchpoint);
    if (!Number.isInteger(score) || score < min || score > max) return `the score must be ${min}–${max}`;
    // The check stays open as long as its latest link does (a resend opens it anew).
    const closes = Math.max(...sent.map((n) => Date.parse(n.at))) + this.input.shop.ratingWindowDays * DAY_MS;
    if (now() > closes) return `the check of ${touchpoint} closed on ${new Date(closes).toISOString().slice(0, 10)}`;
    return undefined;
  }

  /** Update validator: a refused rating is an ApplicationFailure (HTTP 409) and changes nothing. */
  validate(rating: RatingInput): void {
    const why = this.refusal(rating);
    if (why) throw ApplicationFailure.create({ type: FAILURE.ratingRefused, message: why, nonRetryable: true });
  }

  /** Records a (validated) rating: the first answer, or a change of it while the check is open. */
  rate({ touchpoint, score, comment, at }: RatingInput): RatingResult {
    const tp = this.state.touchpoints.find((t) => t.key === touchpoint)!;
    const before = tp.rating;
    tp.rating = before
      ? { ...before, score, comment: comment ?? before.comment, changedAt: at }
      : { score, comment, at };
    this.records.fact({ kind: 'rating', touchpoint, touchpointId: touchpointIdOf(touchpoint) ?? touchpoint, score });
    // Service recovery once per touchpoint, however often the customer changes their mind.
    if (isLow(touchpoint, score) && !tp.rating.recovered) {
      tp.rating.recovered = true;
      this.recover(tp, score, comment);
    }
    return { touchpoint, score, changed: before !== undefined };
  }

  /** A digit texted back as a rating; one the check would refuse is ignored (false). */
  answer({ touchpoint, digit, at }: CustomerReply): boolean {
    if (this.refusal({ touchpoint, score: digit })) return false;
    this.rate({ touchpoint, score: digit, at });
    return true;
  }

  /** Service recovery: support hears of it now, and the customer hears from us with the support contact. */
  private recover(tp: Touchpoint, score: number, comment?: string): void {
    this.records.flag(`low rating ${score} on ${tp.key}${comment ? `: "${comment}"` : ''}`, 'low_rating');
    if (!specOf(tp.key)?.noFollowUp) this.notifier.send(addTouchpoint(this.state, 'follow-up'));
  }
}
