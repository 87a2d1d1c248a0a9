/** The time-skipping test server (from PyPI, see setup.sh), with a client that encrypts payloads as Doorstep's workers do. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PayloadKey } from '../common/payload-codec';
import { dataConverterOf } from '../common/temporal';
import { temporalTestServer } from '../common/tools';

/** Starts a time-skipping server of its own; day-long timers pass in moments. */
export function timeSkippingEnv(keys: { payloadKeys: PayloadKey[] }): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServer() } },
    client: { dataConverter: dataConverterOf(keys) },
  });
}
