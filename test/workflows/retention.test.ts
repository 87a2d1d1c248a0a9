/**
 * The retention job on the real dev server: the schedule a worker creates at start, a run
 * triggered from it, and what that run deletes and keeps in the store and the outbox; an order
 * whose chain Temporal has forgotten is refused a new start.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChainError, Chains } from '../../api/chains';
import type { PurgeReport } from '../../activities';
import { ensureRetentionSchedule, retentionScheduleId } from '../../common/temporal';
import { addressKeyer } from '../../store/address-key';
import { chainWorkflowId } from '../../workflows/definitions';
import { DAY_MS } from '../../workflows/durations';
import { startChain, waitForState } from '../helpers/chains';
import { order, shop } from '../helpers/fixtures';
import { devServer, outbox, testConfig, type DevServer } from '../helpers/temporal';

let env: DevServer;
beforeAll(async () => {
  env = await devServer(testConfig());
});
afterAll(() => env?.close());

const sentConfirmation = (s: { touchpoints: { notices: { status: string }[] }[] }) =>
  s.touchpoints[0].notices[0]?.status === 'sent';

it('a worker start creates the daily retention schedule once, and a run it triggers deletes what is old of closed chains only', () =>
  env.withWorker(async () => {
    const { client, config, store } = env;
    await ensureRetentionSchedule(client, config.taskQueue);
    await ensureRetentionSchedule(client, config.taskQueue);
    const schedule = client.schedule.getHandle(retentionScheduleId(config.taskQueue));
    const described = await schedule.describe();
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      taskQueue: config.taskQueue,
    });
    expect(described.spec.calendars).toMatchObject([
      { hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 17, end: 17, step: 1 }] },
    ]);
    expect(described.policies.overlap).toBe('SKIP');

    const [closed, open, forgotten] = [order(), order(), order()];
    const s = shop();
    for (const o of [closed, open]) await waitForState(await startChain(env, o, s), sentConfirmation);
    const closedHandle = client.workflow.getHandle(chainWorkflowId(s.id, closed.orderId));
    await closedHandle.terminate('a closed chain, for the test');
    const ids = [closed, open].map((o) => chainWorkflowId(s.id, o.orderId));
    // Both chains' rows are 500 days old; only the closed one can never run again.
    const longAgo = new Date(Date.now() - 500 * DAY_MS);
    await store.sql.query(`update sends set updated_at = $2 where chain_id = any($1)`, [ids, longAgo]);
    await store.sql.query(`update checks set sent_at = $2 where chain_id = any($1)`, [ids, longAgo]);
    // A chain Temporal no longer knows (gone past its namespace retention), whose ledger row is as old.
    const forgottenId = chainWorkflowId(s.id, forgotten.orderId);
    await store.sql.query(
      `insert into sends (key, chain_id, workflow_id, shop, touchpoint, channel, revision,
         address_key, customer_key, urgent, local_day, locale, status, updated_at)
       values ($1, $2, $2, $3, 'confirmation', 'email', 1, 'a', 'c', true, '2025-01-01', 'en', 'sent', $4)`,
      [`${forgottenId}:confirmation:email:1`, forgottenId, s.id, longAgo],
    );
    appendFileSync(
      config.outboxFile,
      `${JSON.stringify({ id: 'outbox-old', channel: 'email', at: longAgo.toISOString(), to: 'old@example.com', idempotencyKey: 'old:1' })}\n`,
    );

    await schedule.trigger();
    let report: PurgeReport | undefined;
    for (let i = 0; i < 100 && !report; i++) {
      const [action] = (await schedule.describe()).info.recentActions;
      if (action)
        report = await client.workflow
          .getHandle(action.action.workflow.workflowId, action.action.workflow.firstExecutionRunId)
          .result();
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(report!.tombstoned).toBeGreaterThanOrEqual(2);
    expect(report!.purged).toMatchObject({ sends: 2, checks: 1 });
    expect(report!.outboxLines).toBe(1);
    const rows = await store.sql.query<{ chain_id: string }>(`select chain_id from sends where chain_id = any($1)`, [
      ids,
    ]);
    expect(rows.map((r) => r.chain_id)).toEqual([ids[1]]);
    expect(outbox(config).map((m) => m.idempotencyKey.split(':')[0])).toEqual(ids);
    const { tombstones } = store;
    expect(await tombstones.find(ids[0])).toMatchObject({ reason: 'finished' });
    expect(await tombstones.find(ids[1])).toBeUndefined();

    // The order Temporal forgot never starts again; the closed one it still holds answers as a repeat.
    expect(await tombstones.find(forgottenId)).toMatchObject({ reason: 'finished' });
    const chains = new Chains(client, config.taskQueue, addressKeyer(config.secret), undefined, tombstones);
    const restart = chains.start({ order: forgotten, shop: s, trackingUrl: 'http://localhost/t/x' });
    await expect(restart).rejects.toBeInstanceOf(ChainError);
    await expect(restart).rejects.toMatchObject({
      status: 410,
      message: `order ${forgotten.orderId} has finished: its chain cannot start again`,
    });
    await expect(client.workflow.getHandle(forgottenId).describe()).rejects.toThrow(/not found/i);
    expect(await chains.start({ order: closed, shop: s, trackingUrl: 'http://localhost/t/x' })).toEqual({
      created: false,
      stage: 'accepted',
    });
    await client.workflow.getHandle(ids[1]).terminate('test over');
    await schedule.delete();
  }));
