/** The store behaves the same embedded (PGlite) and on a real PostgreSQL server: same SQL, same migrations. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore, type Store } from '../../store';
import { ledgerKey, type SendClaim } from '../../store/ledger';
import { SCHEMA_VERSION } from '../../store/migrations';
import { EVERY_SHOP } from '../../store/opt-outs';
import type { Notice } from '../../workflows/contract';
import { DAY_MS } from '../../workflows/durations';

const freshDir = () => mkdtempSync(join(tmpdir(), 'doorstep-store-'));
const backends: [string, (dataDir?: string) => Promise<Store>][] = [
  ['embedded (PGlite)', (dataDir = freshDir()) => createStore({ dataDir })],
  ['PostgreSQL', () => createStore({ databaseUrl: inject('databaseUrl'), dataDir: freshDir() })],
];

describe.each(backends)('the store, %s', (_name, open) => {
  let store: Store;
  // Each run has its own chain ids: the PostgreSQL database is shared by the run.
  const run = Math.random().toString(36).slice(2, 8);
  const chainId = `order-s-${run}`;
  const claim = (touchpoint: string, overrides: Partial<SendClaim> = {}): SendClaim => ({
    key: ledgerKey(chainId, touchpoint, overrides.channel ?? 'email', 1),
    chainId,
    workflowId: chainId,
    shop: 's',
    touchpoint,
    channel: 'email',
    revision: 1,
    addressKey: `addr-${run}`,
    customerKey: `cust-${run}`,
    urgent: false,
    localDay: '2026-11-24',
    locale: 'en',
    ...overrides,
  });
  const notice = (providerId: string): Notice => ({
    revision: 1,
    channel: 'email',
    status: 'sent',
    at: '2026-11-24T10:00:00.000Z',
    providerId,
    decisions: [],
  });

  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  it('migrates once, however often it is opened', async () => {
    const dir = freshDir();
    await (await open(dir)).close();
    const again = await open(dir);
    const rows = await again.sql.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    await again.close();
  });

  it('lets exactly one of concurrent attempts claim a ledger key, and hands the others the recorded send', async () => {
    const c = claim('confirmation');
    const results = await Promise.all([1, 2, 3, 4].map(() => store.ledger.claim(c)));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r?.status === 'sending')).toHaveLength(3);
    await store.ledger.sent(c.key, `msg-${run}-1`, notice(`msg-${run}-1`));
    expect(await store.ledger.claim(c)).toMatchObject({ status: 'sent', attempts: 5, notice: notice(`msg-${run}-1`) });
    expect(await store.ledger.byProviderId(`msg-${run}-1`)).toMatchObject({
      key: c.key,
      chainId,
      touchpoint: 'confirmation',
      locale: 'en',
    });
  });

  it('a send that ends after its chain was erased records that it went, not what it said', async () => {
    const erased = `order-s-${run}-erased`;
    const c = {
      ...claim('confirmation'),
      chainId: erased,
      workflowId: erased,
      key: ledgerKey(erased, 'confirmation', 'email', 1),
    };
    await store.ledger.claim(c);
    expect(await store.ledger.scrub(erased)).toBe(1);
    await store.ledger.sent(c.key, `msg-${run}-late`, { ...notice(`msg-${run}-late`), text: 'Hello Anna' });
    const row = await store.ledger.claim(c);
    expect(row).toMatchObject({ status: 'sent', providerId: `msg-${run}-late` });
    expect(row?.notice).toBeUndefined();
  });

  it('records the send and its touchpoint check in one statement, the check once', async () => {
    const c = claim('arrival-check');
    await store.ledger.claim(c);
    const check = {
      chainId,
      touchpoint: 'arrival-check',
      touchpointId: 'arrival',
      shop: 's',
      carrier: 'dpd',
      scale: 3,
      sentAt: '2026-11-24T10:00:00.000Z',
    };
    await store.ledger.sent(c.key, `msg-${run}-check`, notice(`msg-${run}-check`), check);
    expect(await store.ledger.claim(c)).toMatchObject({ status: 'sent', providerId: `msg-${run}-check` });
    const rows = await store.sql.query<{ n: number }>(
      `select count(*)::int as n from checks where chain_id = $1 and touchpoint = 'arrival-check'`,
      [chainId],
    );
    expect(rows[0].n).toBe(1);
    expect(await store.facts.checkSent(check)).toBe(false);
  });

  it('forgets a transient failure, remembers a permanent one', async () => {
    const transient = claim('tracking');
    await store.ledger.claim(transient);
    await store.ledger.release(transient.key);
    expect(await store.ledger.claim(transient)).toBeUndefined();
    const permanent = claim('arrival');
    await store.ledger.claim(permanent);
    const decision = {
      at: '2026-11-24T10:00:00.000Z',
      outcome: 'failed' as const,
      channel: 'email' as const,
      reason: 'SMTP 550 no such user',
    };
    await store.ledger.failed(permanent.key, decision);
    expect(await store.ledger.claim(permanent)).toMatchObject({ status: 'failed', decision });
  });

  it("counts a customer's non-urgent notices per local day, each notice once", async () => {
    const sends = [
      ['handover', 'email', false, true],
      ['handover', 'sms', false, true],
      ['closing', 'email', false, false],
      ['delay', 'email', true, true],
    ] as const;
    for (const [touchpoint, channel, urgent, accepted] of sends) {
      const c = claim(touchpoint, { localDay: '2026-11-30', channel, urgent });
      await store.ledger.claim(c);
      if (accepted) await store.ledger.sent(c.key, `${c.key}-id`, notice(`${c.key}-id`));
    }
    expect(await store.ledger.sentOnDay('s', `cust-${run}`, '2026-11-30')).toBe(1);
    expect(await store.ledger.sentOnDay('s', `cust-${run}`, '2026-12-01')).toBe(0);
  });

  it('finds the latest notice texted to an address, and records delivery receipts', async () => {
    const first = claim('return-accepted', { channel: 'sms', addressKey: `phone-${run}` });
    const second = claim('return-received', { channel: 'sms', addressKey: `phone-${run}` });
    for (const c of [first, second]) {
      await store.ledger.claim(c);
      await store.ledger.sent(c.key, `${c.key}-sid`, notice(`${c.key}-sid`));
    }
    expect(await store.ledger.latestTo(`phone-${run}`, ['sms'])).toMatchObject({ touchpoint: 'return-received' });
    expect(await store.ledger.latestTo(`phone-${run}`, ['whatsapp'])).toBeUndefined();
    expect(await store.ledger.delivery(`${first.key}-sid`, 'delivered')).toBe(true);
    expect(await store.ledger.delivery('no-such-sid', 'delivered')).toBe(false);
  });

  it('keeps opt-outs per shop, or for every shop, until the customer opts back in', async () => {
    await store.optOuts.optOut('s', 'email', `addr-${run}`, 'unsubscribe link');
    await store.optOuts.optOut(EVERY_SHOP, 'sms', `phone-${run}`, 'STOP by sms');
    expect(await store.optOuts.find('s', 'email', `addr-${run}`)).toMatchObject({ source: 'unsubscribe link' });
    expect(await store.optOuts.find('other', 'email', `addr-${run}`)).toBeUndefined();
    expect(await store.optOuts.find('other', 'sms', `phone-${run}`)).toMatchObject({ source: 'STOP by sms' });
    await store.optOuts.optIn(EVERY_SHOP, 'sms', `phone-${run}`);
    expect(await store.optOuts.find('s', 'sms', `phone-${run}`)).toBeUndefined();
  });

  it("keeps each stage's count of chains current as chains move forward, never back", async () => {
    // Stage names of this run only: the PostgreSQL database is shared with other test files' chains.
    const [a, b, c] = ['a', 'b', 'c'].map((s) => `${s}-${run}`);
    const counts = async () => {
      const all = await store.facts.stageCounts();
      return [a, b, c].map((s) => all.get(s) ?? 0);
    };
    expect(await store.facts.moveStage(`${chainId}-1`, a, 0)).toBe(true);
    expect(await store.facts.moveStage(`${chainId}-2`, a, 0)).toBe(true);
    expect(await store.facts.moveStage(`${chainId}-1`, c, 2)).toBe(true);
    expect(await counts()).toEqual([1, 0, 1]);
    expect(await store.facts.moveStage(`${chainId}-1`, b, 1)).toBe(false);
    expect(await store.facts.moveStage(`${chainId}-1`, c, 2)).toBe(false);
    const moves = await Promise.all([1, 2, 3, 4].map(() => store.facts.moveStage(`${chainId}-2`, b, 1)));
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await counts()).toEqual([0, 1, 1]);
    // Two moves of one chain at once: whichever way they land, it is counted once, in the furthest stage.
    await store.facts.moveStage(`${chainId}-3`, a, 0);
    await Promise.all([store.facts.moveStage(`${chainId}-3`, b, 1), store.facts.moveStage(`${chainId}-3`, c, 2)]);
    expect(await counts()).toEqual([0, 1, 2]);
  });

  it('the retention purge deletes exactly the old rows of chains that never run again, and keeps opt-outs, what is young and what may still run', async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY_MS);
    const cutoff = ago(100);
    const [old, young, open, ancient] = ['old', 'young', 'open', 'ancient'].map((c) => `${chainId}-purge-${c}`);
    const stage = `purged-${run}`;
    for (const chain of [old, young, open]) {
      const c = {
        ...claim('confirmation'),
        key: ledgerKey(chain, 'confirmation', 'email', 1),
        chainId: chain,
        workflowId: chain,
      };
      await store.ledger.claim(c);
      await store.ledger.sent(c.key, `${c.key}-id`, notice(`${c.key}-id`), {
        chainId: chain,
        touchpoint: 'confirmation',
        touchpointId: 'confirmation',
        shop: 's',
        carrier: 'dpd',
        scale: 5,
        sentAt: ago(chain === young ? 10 : 200).toISOString(),
      });
      await store.facts.started({
        chainId: chain,
        shop: 's',
        carrier: 'dpd',
        startedAt: ago(chain === young ? 10 : 200).toISOString(),
        firstPromise: '2026-01-01',
      });
      await store.facts.delay({
        chainId: chain,
        n: 1,
        days: 2,
        at: ago(chain === young ? 9 : 199).toISOString(),
        source: 'carrier',
        carrierCaused: true,
      });
      await store.facts.conflict(chain, 1, 'delivered_without_call', ago(chain === young ? 9 : 199).toISOString());
      await store.facts.moveStage(chain, stage, 0);
    }
    await store.sql.query(`update sends set updated_at = $2 where chain_id = any($1)`, [[old, open], ago(200)]);
    const { tombstones } = store;
    expect(
      await tombstones.bury(
        [
          { chainId: old, at: ago(150) },
          { chainId: young, at: ago(5) },
          { chainId: ancient, at: ago(4000) },
        ],
        'finished',
      ),
    ).toBe(3);
    expect(await tombstones.bury([{ chainId: old }], 'erased')).toBe(0);
    await store.optOuts.optOut('s', 'email', `purge-${run}`, 'unsubscribe link');
    await store.sql.query(`update opt_outs set at = $2 where address_key = $1`, [`purge-${run}`, ago(3000)]);
    for (const [id, at] of [
      [`wh-old-${run}`, ago(200)],
      [`wh-young-${run}`, ago(1)],
    ] as const) {
      await store.webhooks.firstTime(id);
      await store.sql.query(`update webhook_receipts set at = $2 where id = $1`, [id, at]);
    }
    // WhatsApp sessions: one whose window closed two days ago, one the customer opened an hour ago.
    await store.whatsappSessions.heard('+48111222444', `wa-closed-${run}`, ago(2));
    await store.whatsappSessions.heard('+48111222444', `wa-open-${run}`, ago(1 / 24));
    const { retention } = store;
    expect(await retention.unsettled(cutoff, 1000)).toContain(open);
    expect(await retention.unsettled(cutoff, 1000)).not.toContain(old);

    const purged = await retention.purge(cutoff, ago(3650), ago(1));
    expect(purged).toMatchObject({
      sends: 1,
      checks: 1,
      chain_delays: 1,
      chain_conflicts: 1,
      chain_facts: 1,
      chain_stages: 1,
    });
    expect(purged.tombstones).toBeGreaterThanOrEqual(1);
    expect(purged.webhook_receipts).toBeGreaterThanOrEqual(1);
    const chainsIn = async (table: string) =>
      (
        await store.sql.query<{ chain_id: string }>(
          `select chain_id from ${table} where chain_id = any($1) order by chain_id`,
          [[old, young, open]],
        )
      ).map((r) => r.chain_id);
    for (const table of ['sends', 'checks', 'chain_delays', 'chain_conflicts', 'chain_facts', 'chain_stages'])
      expect(await chainsIn(table), table).toEqual([open, young].sort());
    expect((await store.facts.stageCounts()).get(stage)).toBe(2);
    expect(await tombstones.find(old)).toMatchObject({ reason: 'erased' });
    expect(await tombstones.find(ancient)).toBeUndefined();
    expect(await store.optOuts.find('s', 'email', `purge-${run}`)).toMatchObject({ source: 'unsubscribe link' });
    expect(await store.webhooks.firstTime(`wh-young-${run}`)).toBe(false);
    expect(await store.webhooks.firstTime(`wh-old-${run}`)).toBe(true);
    expect(purged.whatsapp_sessions).toBeGreaterThanOrEqual(1);
    expect(await store.whatsappSessions.lastInbound('+48111222444', `wa-closed-${run}`)).toBeUndefined();
    expect(await store.whatsappSessions.lastInbound('+48111222444', `wa-open-${run}`)).toBeInstanceOf(Date);
    await store.sql.compact(['sends', 'tombstones']);
    expect(await chainsIn('sends')).toEqual([open, young].sort());
  });

  it('tells a webhook delivery from its replay', async () => {
    expect(await store.webhooks.firstTime(`wh-${run}`)).toBe(true);
    expect(await store.webhooks.firstTime(`wh-${run}`)).toBe(false);
  });
});

it('the embedded store refuses a second process, naming what to do instead', async () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'store.lock'), '1');
  await expect(createStore({ dataDir: dir })).rejects.toThrow(/in use by process 1 .*npm start.*DATABASE_URL/s);
});
