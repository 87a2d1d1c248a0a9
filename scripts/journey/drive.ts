/**
 * Walking a chain through a scenario's steps (the simulator's plan) on the time-skipping server's
 * clock, and letting it run to its end.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { localTimeOf, RETURN_WINDOW_DAYS, stepsOf, type Plan } from '../../simulator/index';
import { DAY_MS } from '../../workflows/durations';
import {
  chainStateQuery,
  customerReplyUpdate,
  supportActionUpdate,
  trackingEventUpdate,
} from '../../workflows/definitions';

/** Skips the server's clock to `target` (epoch ms), or not at all when it is already there; returns the time. */
export async function sleepUntil(env: TestWorkflowEnvironment, target: number): Promise<number> {
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
  return Math.max(target, now);
}

/** Runs the scenario's steps in order, each once the chain took the one before (an update returns when it did). */
export async function drive(env: TestWorkflowEnvironment, handle: WorkflowHandle, plan: Plan): Promise<void> {
  for (const step of stepsOf(plan)) {
    const when = new Date(await sleepUntil(env, step.at)).toISOString();
    if ('reply' in step) {
      // The customer answers the latest courier-call notice, the one with Doorstep's question.
      const state = await handle.query(chainStateQuery);
      const touchpoint = state.touchpoints.findLast((t) => t.name === 'courier-call')!.key;
      await handle.executeUpdate(customerReplyUpdate, {
        args: [{ touchpoint, digit: step.reply, channel: 'sms', at: when }],
      });
      continue;
    }
    if ('switchTo' in step) {
      // As the tracking page sends the customer's choice.
      const action = { action: 'switch-to-point' as const, point: step.switchTo };
      const requestId = randomUUID();
      await handle.executeUpdate(supportActionUpdate, {
        args: [{ action, actor: 'customer (tracking page)', at: when, requestId }],
      });
      continue;
    }
    await handle.executeUpdate(trackingEventUpdate, { args: [step.event(when)] });
  }
}

/**
 * Lets the chain run to its end (return window, closing notice, feedback window) on the server's
 * clock, at most a day past when it should have ended; a chain still running then is terminated.
 * Returns why the chain did not complete, if it did not.
 */
export async function finish(
  env: TestWorkflowEnvironment,
  handle: WorkflowHandle,
  plan: Plan,
): Promise<string | undefined> {
  const last = Math.max(...stepsOf(plan).map((s) => s.at));
  // Not handle.result(): it lets the server skip freely, and past the chain's end it skips years ahead.
  const end = last + (RETURN_WINDOW_DAYS + plan.shop.feedbackWindowDays + 1) * DAY_MS;
  await sleepUntil(env, end);
  const { status } = await handle.describe();
  if (status.name === 'COMPLETED') return undefined;
  if (status.name === 'RUNNING') await handle.terminate('the journey is over');
  return `The chain did not complete by ${localTimeOf(end, plan.day0.zoneName!)} (${status.name.toLowerCase()}).`;
}
