/**
 * The chaos harness end to end on a tiny schedule (`--smoke`): a worker killed, one killed as the
 * provider takes a message, the dev server crashed and restarted, the providers down, slow and
 * resetting, webhooks thrice, the attacks, schemathesis and the log scan. Every chain survives, no
 * SMS goes twice, every attack is refused; the figures of record come from `npm run chaos`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ChaosResult } from '../../scripts/chaos/result';

it('breaks the stack on a tiny schedule and accounts for every chain, notice, attack and request', () => {
  const root = mkdtempSync(join(tmpdir(), 'doorstep-chaos-smoke-'));
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/chaos.ts', '--smoke', '--seed', '5', '--root', root],
    { encoding: 'utf8', timeout: 480_000 },
  );
  expect(run.signal, run.stderr.slice(-3000)).toBeNull();

  const dir = join(root, 'docs', 'reliability');
  const result = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')) as ChaosResult;
  expect(result.scenarios.map((s) => s.name)).toEqual([
    'worker-kills',
    'crash-after-accept',
    'server-restart',
    'provider-outage',
  ]);
  for (const { name, accounting: a } of result.scenarios) {
    expect({ name, lost: a.lost, stuck: a.stuck, missing: a.missing, completed: a.completed }).toEqual({
      name,
      lost: [],
      stuck: [],
      missing: [],
      completed: a.orders,
    });
    expect(a.sent).toBeGreaterThan(a.orders * 4);
    // An SMS whose worker died is found in Twilio's Messages list, never sent again.
    expect(a.notices.sms.notices).toBeGreaterThan(0);
    expect(a.notices.sms.duplicates).toBe(0);
  }
  const crash = result.scenarios.find((s) => s.name === 'crash-after-accept')!;
  expect(
    Number(crash.figures['crashes after an email was taken']) + Number(crash.figures['crashes after an SMS was taken']),
  ).toBe(2);
  expect(result.scenarios.find((s) => s.name === 'server-restart')!.accounting.notices.email.duplicates).toBe(0);

  expect(result.webhooks).toMatchObject({
    orders: 3,
    duplicateTransitions: 0,
    eventsMissing: 0,
    duplicateFallbacks: 0,
    fallbacksMissing: 0,
  });
  expect(Object.keys(result.webhooks!.answers).filter((s) => Number(s) >= 500 || s === '0')).toEqual([]);
  expect(result.attacks!.length).toBeGreaterThan(10);
  expect(result.attacks!.filter((a) => !a.refused)).toEqual([]);
  expect(result.schemathesis!.requests).toBeGreaterThan(50);
  expect(result.schemathesis).toMatchObject({ serverErrors: 0, failures: [] });
  expect(result.logs!.lines).toBeGreaterThan(50);
  expect(result.logs!.unmasked).toBe(0);

  const report = readFileSync(join(root, 'docs', 'quick', 'reliability.md'), 'utf8');
  for (const section of ['## Goals', '## Faults', '## Webhooks', '## API fuzzing', '## Attacks', '## Logs'])
    expect(report).toContain(section);
  expect(report).toContain(`--seed 5`);
}, 500_000);
