/** The skeleton's API process: the same two routes the benchmark drives, with express, and no checks. */
import { Client, Connection } from '@temporalio/client';
import express from 'express';
import { skeletonEventUpdate, skeletonWorkflow } from './workflow';

const { TEMPORAL_ADDRESS, SKELETON_TASK_QUEUE, PORT } = process.env;
const client = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }) });
const app = express();
app.use(express.json());
app.post('/v1/orders', async (req, res) => {
  const { orderId } = req.body as { orderId: string };
  await client.workflow.start(skeletonWorkflow, {
    taskQueue: SKELETON_TASK_QUEUE!,
    workflowId: `skeleton-${orderId}`,
    args: [{ orderId }],
  });
  res.status(201).json({ orderId, stage: 'accepted' });
});
app.post('/v1/orders/:orderId/events', async (req, res) => {
  const result = await client.workflow
    .getHandle(`skeleton-${req.params.orderId}`)
    .executeUpdate(skeletonEventUpdate, { args: [req.body] });
  res.status(202).json(result);
});
app.listen(Number(PORT), '127.0.0.1', () => console.log('skeleton api listening'));
