/**
 * A staff member's test of a draft wording (the console's "Send me a test"): one activity, tried once, whose
 * outcome the console shows; the API never sends by itself, the worker does.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, TemplateTestInput, TemplateTestResult } from '../activities';

// One try: a refusal is shown to the staff member at once, who may simply click again.
const { sendTemplateTest } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 1 },
});

/** Sends the draft of one slot, rendered with sample facts, to the staff member's own address. */
export async function templateTestWorkflow(input: TemplateTestInput): Promise<TemplateTestResult> {
  return sendTemplateTest(input);
}

/** The test's workflow id: one per shop, staff member and form (a double click sends once). */
export const templateTestWorkflowId = (shop: string, username: string, nonce: string) =>
  `template-test-${shop}-${username}-${nonce}`;
