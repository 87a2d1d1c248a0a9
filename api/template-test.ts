/**
 * The console's "Send me a test" on the API's side: the worker sends (the API never does), so the test is a
 * workflow the API starts and briefly waits for.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { TemplateTestInput, TemplateTestResult } from '../activities';
import { templateTestWorkflow } from '../workflows';

/**
 * Starts the test `id` (a repeat of the same id waits for the first one's outcome instead of sending again) and
 * waits up to `waitMs` for its outcome; undefined when the worker has not answered by then.
 */
export async function runTemplateTest(
  client: Client,
  taskQueue: string,
  id: string,
  input: TemplateTestInput,
  waitMs: number,
): Promise<TemplateTestResult | undefined> {
  try {
    await client.workflow.start(templateTestWorkflow, {
      taskQueue,
      workflowId: id,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      // A test nobody waits for any more is not worth sending later.
      workflowExecutionTimeout: '2 minutes',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const result = client.workflow.getHandle<typeof templateTestWorkflow>(id).result();
  const stop = new AbortController();
  // Aborted once the answer came (its rejection swallowed): no timer outlives the request.
  const late = sleep(waitMs, undefined, { signal: stop.signal }).catch(() => undefined);
  try {
    return await Promise.race([result, late]);
  } finally {
    stop.abort();
  }
}
