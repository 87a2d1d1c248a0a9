/** The activities of a worker, closed over what the worker wired (see ActivityDeps). */
import type { ActivityDeps } from './deps';
import { recordFactActivity } from './facts';
import { sendNoticeActivity } from './send-notice';
import { alertSupportActivity } from './support-alert';

export type { ActivityDeps } from './deps';
export type { ChainFact } from './facts';
export type { SendNoticeInput, SendOutcome } from './send-notice';
export type { AlertKind } from './support-alert';

/** Every activity the chain workflows call. */
export function createActivities(deps: ActivityDeps) {
  return { sendNotice: sendNoticeActivity(deps), recordFact: recordFactActivity(deps), alertSupport: alertSupportActivity(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
