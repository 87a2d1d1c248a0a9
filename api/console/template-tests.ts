/**
 * The template editor's "Send me a test": where the staff member's test goes (their own address on the slot's
 * channel, from the channel table), how often they may send one, and what the page says of its outcome.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { TemplateTestResult } from '../../activities';
import type { TemplateChannel } from '../../activities/templates/validate';
import { addressFor, CHANNEL_ADDRESS, CHANNELS, type ChannelName } from '../../workflows/channels';
import { MINUTE_MS } from '../../workflows/durations';
import type { Staff } from './session';
import { CHANNEL_NAMES } from './views/templates-page';

/** How long the page waits for the worker's answer (an SMTP or Twilio round trip takes well under it). */
export const TEST_WAIT_MS = 8_000;
/** Tests one staff member may send in ten minutes (per API process): a test goes to their own inbox or phone. */
export const TESTS_PER_TEN_MINUTES = 10;

/** What the page says of a test: sent, or not (and why). */
export interface TestOutcome {
  ok: boolean;
  message: string;
}

const isChannel = (c: TemplateChannel): c is ChannelName => (CHANNELS as readonly string[]).includes(c);

/** Where a test of `channel` reaches the staff member, or why it cannot (and how to fix that). */
export function testAddress(
  staff: Staff,
  channel: TemplateChannel,
): { to: string; channel: ChannelName } | { note: string } {
  if (!isChannel(channel)) return { note: `${CHANNEL_NAMES[channel]} has no sender yet, so no test can be sent.` };
  const to = addressFor(staff, channel);
  if (to) return { to, channel };
  const { field, missing } = CHANNEL_ADDRESS[channel];
  return {
    note:
      `A test goes to your own address, and your staff entry has ${missing}: ` +
      `ask an admin to set "${field}" on your entry in the staff configuration.`,
  };
}

/** The form's nonce when it is one the page made, else a fresh one (then a repeat is not recognised). */
export const nonceOf = (given: unknown) =>
  typeof given === 'string' && /^[A-Za-z0-9-]{16,64}$/.test(given) ? given : randomUUID();

/** What the page says of the worker's answer (none yet: the test is still on its way). */
export function testOutcome(result: TemplateTestResult | undefined): TestOutcome {
  if (!result) return { ok: true, message: 'The test is on its way: the worker has not confirmed it yet.' };
  if ('sent' in result) return { ok: true, message: `Sent to ${result.sent.to}.` };
  return { ok: false, message: `The test was not sent: ${result.failed}.` };
}

/** Counts each staff member's tests (posts with intent "test"); past the limit, `refuse` answers. */
export function testLimit(refuse: RequestHandler): RequestHandler {
  return rateLimit({
    windowMs: 10 * MINUTE_MS,
    limit: TESTS_PER_TEN_MINUTES,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.body?.intent !== 'test',
    keyGenerator: (_req, res) => (res.locals.staff as Staff).username,
    handler: refuse,
  });
}
