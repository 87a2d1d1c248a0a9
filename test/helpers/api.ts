/** The API app on the shared dev server, for test files with their own configuration (or configuration file). */
import request from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import { appFor } from '../../api/server';
import type { AppConfig } from '../../common/config';
import { hashPassword } from '../../common/passwords';
import { configFile } from './config-file';
import { orderBody } from './fixtures';
import { devServer, testConfig, type DevServer } from './temporal';

export interface ApiBed {
  env: DevServer;
  app: ReturnType<typeof appFor>;
}

/** A test configuration reading `file` (written by configFile) as DOORSTEP_CONFIG, with `env` on top. */
export function configWith(file: object, env: Record<string, string> = {}): AppConfig {
  return testConfig({ DOORSTEP_CONFIG: configFile(file), ...env });
}

/** A member of the acme shop's staff as a test names them: with the password they sign in with. */
export interface StaffLogin {
  username: string;
  name?: string;
  role: 'agent' | 'viewer';
  password: string;
}

/** The configuration file's entry for `login`: the password only as its hash. */
export function staffMember({ password, ...member }: StaffLogin) {
  return { ...member, shop: 'acme', passwordHash: hashPassword(password) };
}

/**
 * The app on the dev server with the configuration `config` makes, ready in the file's tests and closed after
 * them. `config` is called as the bed starts, after the file's earlier `beforeAll`s, so it may name a local
 * peer those started.
 */
export function appBed(config: () => AppConfig = testConfig): ApiBed {
  const bed = {} as ApiBed;
  beforeAll(async () => {
    bed.env = await devServer(config());
    bed.app = appFor(bed.env.config, bed.env.client, bed.env.store);
  });
  afterAll(() => bed.env?.close());
  return bed;
}

/** An appBed on the configuration file `file` (a function is called as the bed starts), with `env` on top. */
export function apiBed(file: object | (() => object), env: () => Record<string, string> = () => ({})): ApiBed {
  return appBed(() => configWith(typeof file === 'function' ? file() : file, env()));
}

/** Starts an order through the API with `key` (the body `orderBody(overrides)` makes); its order id. */
export async function postOrder(
  app: ApiBed['app'],
  key: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const body = orderBody(overrides);
  const res = await request(app)
    .post('/v1/orders')
    .set({ Authorization: `Bearer ${key}` })
    .send(body);
  expect(res.status).toBe(201);
  return body.orderId;
}
