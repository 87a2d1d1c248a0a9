/** The skeleton's worker process: its workflow and no-op activities on their own task queue. */
import { NativeConnection, Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { skeletonActivities } from './activities';

const require = createRequire(import.meta.url);
const { TEMPORAL_ADDRESS, SKELETON_TASK_QUEUE, HARNESS_URL } = process.env;
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  taskQueue: SKELETON_TASK_QUEUE!,
  workflowsPath: require.resolve('./workflow.ts'),
  activities: skeletonActivities(HARNESS_URL!),
});
console.log('skeleton worker started');
await worker.run();
await connection.close();
