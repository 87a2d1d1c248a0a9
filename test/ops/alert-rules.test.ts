/**
 * The alert rules as Prometheus loads them, checked by its own promtool (Debian's "prometheus"
 * package): the rules parse, their unit tests pass, each alert has a test that fires it, and the
 * example configuration loads them.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { catalogue, metricsIn } from './dashboard-queries';

const PROMTOOL = '/usr/bin/promtool';
const DIR = fileURLToPath(new URL('../../ops/prometheus/', import.meta.url));
const README = readFileSync(fileURLToPath(new URL('../../ops/README.md', import.meta.url)), 'utf8');
const RULES = readFileSync(join(DIR, 'alerts.yml'), 'utf8');
const ALERT_LINE = /^(\s*- alert: )(\w+)$/gm;
const ALERTS = [...RULES.matchAll(ALERT_LINE)].map((m) => m[2]);

/** Runs promtool in ops/prometheus; a non-zero exit is an answer here, not an error. */
async function promtool(args: string[], cwd = DIR): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, args, { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const { code, stdout = '', stderr = '' } = err as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof code !== 'number') throw err;
    return { code, output: stdout + stderr };
  }
}

/** The text of each alert's rule, from its `- alert:` line to the next. */
function ruleOf(alert: string): string {
  const start = RULES.indexOf(`- alert: ${alert}\n`);
  const next = RULES.indexOf('- alert: ', start + 1);
  return RULES.slice(start, next === -1 ? undefined : next);
}

describe('the Prometheus alert rules', () => {
  it('are valid rules, one per alert, each alert named once', async () => {
    const { code, output } = await promtool(['check', 'rules', 'alerts.yml']);
    expect(output).toContain(`SUCCESS: ${ALERTS.length} rules found`);
    expect(code).toBe(0);
    expect(new Set(ALERTS).size).toBe(ALERTS.length);
    expect(ALERTS.length).toBeGreaterThanOrEqual(9);
  });

  it('pass their unit tests', async () => {
    const { code, output } = await promtool(['test', 'rules', 'alerts.test.yml']);
    expect(output).toMatch(/Unit Testing: +alerts\.test\.yml\n +SUCCESS\n/);
    expect(output).not.toContain('FAILED');
    expect(code).toBe(0);
  });

  // With every alert renamed, exactly the tests that expect an alert to fire fail, and promtool names
  // each alert they expected; tests that expect silence still pass.
  it('each have a unit test that fires them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-alerts-'));
    writeFileSync(join(dir, 'alerts.yml'), RULES.replace(ALERT_LINE, '$1$2Renamed'));
    copyFileSync(join(DIR, 'alerts.test.yml'), join(dir, 'alerts.test.yml'));
    const { code, output } = await promtool(['test', 'rules', 'alerts.test.yml'], dir);
    expect(code).toBe(1);
    const fired = new Set([...output.matchAll(/^\s*alertname: (\w+), time: /gm)].map((m) => m[1]));
    expect([...fired].sort()).toEqual([...ALERTS].sort());
  });

  it('each wait before firing, say how bad they are and link their runbook section', () => {
    for (const alert of ALERTS) {
      const rule = ruleOf(alert);
      expect(rule, alert).toMatch(/\n\s+for: \d+m\n/);
      expect(rule, alert).toMatch(/\n\s+severity: (critical|warning)\n/);
      expect(rule, alert).toMatch(/\n\s+summary: \S/);
      expect(rule, alert).toMatch(/\n\s+description: \S/);
      expect(rule, alert).toContain(`runbook: ops/README.md#${alert.toLowerCase()}\n`);
      expect(README, alert).toContain(`\n### ${alert}\n`);
    }
  });

  it('show the measured value, humanized, wherever it means something', () => {
    // absent() and `== 0` alerts have no measurement to show.
    const measured = ALERTS.filter((a) => !/expr: (absent\(|.*== 0\n)/.test(ruleOf(a)));
    expect(measured.length).toBeGreaterThan(0);
    for (const alert of measured)
      expect(ruleOf(alert), alert).toMatch(/\{\{ \$value \| humanize(Percentage|Duration)? \}\}/);
  });

  it('query only metrics of the ops/README.md catalogue', () => {
    const known = catalogue();
    expect(metricsIn(RULES, known).filter((m) => !known.has(m))).toEqual([]);
  });
});

describe('the example Prometheus configuration', () => {
  it('is valid and loads the alert rules', async () => {
    const { code, output } = await promtool(['check', 'config', 'prometheus.yml']);
    expect(output).toContain('SUCCESS: 1 rule files found');
    expect(output).toContain('SUCCESS: prometheus.yml is valid prometheus config file syntax');
    expect(output).toContain(`SUCCESS: ${ALERTS.length} rules found`);
    expect(code).toBe(0);
  });

  it('scrapes the API, the worker and the worker’s Temporal SDK metrics', () => {
    const config = readFileSync(join(DIR, 'prometheus.yml'), 'utf8');
    expect(
      [...config.matchAll(/job_name: ([\w-]+)\n[\s\S]*?targets: \['[\w.-]+:(\d+)'\]/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['doorstep-api', '8080'],
      ['doorstep-worker', '9464'],
      ['temporal-sdk', '9465'],
    ]);
  });
});
