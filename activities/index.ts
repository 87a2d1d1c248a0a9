/** The activities of a worker, closed over what the worker wired (see ActivityDeps). */
import type { ActivityDeps } from './deps';
import { sendNoticeActivity } from './send-notice';

export type { ActivityDeps } from './deps';
export type { SendNoticeInput, SendOutcome } from './send-notice';

/** Every activity the chain workflows call. */
export function createActivities(deps: ActivityDeps) {
  return { sendNotice: sendNoticeActivity(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
