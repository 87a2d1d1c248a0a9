/** The activities of a worker, closed over what the worker wired (see ActivityDeps). */
import { pollCarrierActivity } from './carrier-poll';
import type { ActivityDeps } from './deps';
import { recordFactActivity } from './facts';
import { purgeExpiredActivity } from './retention';
import { sendTemplateTestActivity } from './notice/template-test';
import { sendNoticeActivity } from './send-notice';
import { alertSupportActivity } from './support-alert';

export type { ActivityDeps, RetentionSettings } from './deps';
export type { CarrierPollSettings, PollBatch, PollBatchInput } from './carrier-poll';
export type { ChainFact } from './facts';
export type { SendNoticeInput, SendOutcome } from './send-notice';
export type { TemplateTestInput, TemplateTestResult } from './notice/template-test';
export type { AlertKind } from './support-alert';
export type { PurgeInput, PurgeReport } from './retention';

/** Every activity the chain workflows, the retention job and the console's template test call. */
export function createActivities(deps: ActivityDeps) {
  return {
    sendNotice: sendNoticeActivity(deps),
    recordFact: recordFactActivity(deps),
    alertSupport: alertSupportActivity(deps),
    purgeExpired: purgeExpiredActivity(deps),
    sendTemplateTest: sendTemplateTestActivity(deps),
    pollCarrier: pollCarrierActivity(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
