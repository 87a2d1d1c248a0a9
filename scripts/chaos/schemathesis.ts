/**
 * schemathesis (from PyPI, in .tools/schemathesis) against the running API's /v1/openapi.json:
 * generated requests, then stateful sequences along the links it infers (an order created, then
 * read, its events posted, acted on). Counted from its NDJSON report: requests and answers by status,
 * 5xx answers, and each check that failed (a response outside the schema, an undocumented status…).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemathesisCli } from '../../common/tools';
import type { ChaosStack } from './stack';

export interface FuzzResult {
  seconds: number;
  seed: number;
  command: string;
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** Distinct failed checks: check name and code, operation, and how to reproduce one. */
  failures: FailedCheck[];
  /**
   * Requests valid by the schema that the API refused for a rule JSON Schema does not state (an
   * opaque token, a phone number's validity, a window's end after its start): failed
   * positive_data_acceptance checks, with the refusal's words.
   */
  stricter: FailedCheck[];
  exitCode: number | null;
}

interface FailedCheck {
  check: string;
  operation: string;
  example: string;
}

interface Event {
  ScenarioFinished?: {
    recorder: {
      cases?: Record<string, { value: { method: string; path: string } }>;
      interactions?: Record<
        string,
        {
          timestamp: number;
          request: { method: string; uri: string };
          response?: { status_code: number; content?: { $base64: string } };
        }
      >;
      checks?: Record<
        string,
        {
          name: string;
          status: string;
          failure_info?: { failure: { code: string; operation?: string; title?: string } };
        }[]
      >;
    };
  };
}

/** The checks left out, and why: schemathesis expects what this API deliberately does otherwise. */
const EXCLUDED = ['unsupported_method'];
/**
 * Refusals of an invalid request it does not count by default: 413 (a body over 1 MB) and 431 (a query longer
 * than Node reads).
 */
const CONFIG = `[checks.negative_data_rejection]
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "431", "5xx"]
`;

export async function schemathesis(stack: ChaosStack, seconds: number, seed: number): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-schemathesis-'));
  writeFileSync(join(dir, 'schemathesis.toml'), CONFIG);
  const args = [
    '--config-file',
    join(dir, 'schemathesis.toml'),
    'run',
    `${stack.apiUrl}/v1/openapi.json`,
    '--phases',
    'fuzzing,stateful',
    '--checks',
    'all',
    '--exclude-checks',
    EXCLUDED.join(','),
    '--max-time',
    String(seconds),
    '--seed',
    String(seed),
    '--generation-database',
    'none',
    '--report',
    'ndjson',
    '--report-dir',
    dir,
    '--no-color',
  ];
  const command = `schemathesis ${args.join(' ')} -H 'Authorization: Bearer …'`;
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(schemathesisCli(), [...args, '-H', `Authorization: ${stack.headers.authorization}`], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', resolve);
  });
  const result: FuzzResult = {
    seconds,
    seed,
    command,
    requests: 0,
    byStatus: {},
    serverErrors: 0,
    failures: [],
    stricter: [],
    exitCode,
  };
  const report = readdirSync(dir).find((f) => f.endsWith('.ndjson'));
  const seen = new Set<string>();
  const failed = new Set<string>();
  for (const line of report ? readFileSync(join(dir, report), 'utf8').split('\n').filter(Boolean) : []) {
    const finished = (JSON.parse(line) as Event).ScenarioFinished;
    if (!finished) continue;
    const { cases = {}, interactions = {}, checks = {} } = finished.recorder;
    for (const [id, interaction] of Object.entries(interactions)) {
      if (seen.has(`${id}@${interaction.timestamp}`) || !interaction.response) continue;
      seen.add(`${id}@${interaction.timestamp}`);
      const status = interaction.response.status_code;
      result.requests++;
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
      if (status >= 500) result.serverErrors++;
    }
    for (const [id, list] of Object.entries(checks)) {
      for (const c of list.filter((x) => x.status === 'failure' && x.failure_info)) {
        const { failure } = c.failure_info!;
        const operation = failure.operation ?? `${cases[id]?.value.method} ${cases[id]?.value.path}`;
        if (failed.has(`${c.name}|${operation}`)) continue;
        failed.add(`${c.name}|${operation}`);
        // What the API answered, as the example (the request itself may carry the key).
        const answer = interactions[id]?.response;
        const text = answer?.content ? Buffer.from(answer.content.$base64, 'base64').toString().slice(0, 300) : '';
        const found = {
          check: `${c.name} (${failure.code}${failure.title ? `: ${failure.title}` : ''})`,
          operation,
          example: answer ? `${answer.status_code} ${text}` : '',
        };
        (c.name === 'positive_data_acceptance' ? result.stricter : result.failures).push(found);
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}
