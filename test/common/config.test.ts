/**
 * The configuration file: staff accounts (their own email and phone included) and carrier webhooks validated with
 * field paths, passwords kept only as scrypt hashes.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../common/config';
import { hashPassword, verifyPassword } from '../../common/passwords';
import { configFile } from '../helpers/config-file';

const dir = () => mkdtempSync(join(tmpdir(), 'doorstep-config-'));
/** A shop with only the fields a shop must have. */
const ACME = { id: 'acme', name: 'Acme', supportEmail: 'help@acme.example' };

/** The error loading the configuration file throws. */
function refusal(file: string): string {
  try {
    loadConfig({ DOORSTEP_CONFIG: file, DOORSTEP_DATA_DIR: dir() });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

it('names each bad staff field: an unknown shop, a password that is not a hash, a username used twice', () => {
  const hash = hashPassword('a long enough password');
  const file = configFile({
    shops: [ACME],
    staff: [
      { username: 'ola', shop: 'nowhere', role: 'agent', passwordHash: hash },
      { username: 'ola', shop: 'acme', role: 'viewer', passwordHash: 'hunter2' },
    ],
  });
  const error = refusal(file);
  expect(error).toMatch(/staff\[0\]\.shop/);
  expect(error).toMatch(/staff\[1\]\.passwordHash/);
  expect(error).toMatch(/used twice\s+→ at staff\[1\]\.username/);
  expect(error).not.toContain('hunter2');
});

it("names a staff member's bad email and phone by their paths, and keeps good ones", () => {
  const hash = hashPassword('a long enough password');
  const member = (username: string, addresses: object) => ({
    username,
    shop: 'acme',
    role: 'editor',
    passwordHash: hash,
    ...addresses,
  });
  const bad = configFile({
    shops: [ACME],
    staff: [member('ola', { email: 'ola at acme' }), member('eda', { phone: '0048 600 100 200' })],
  });
  const error = refusal(bad);
  expect(error).toMatch(/→ at staff\[0\]\.email/);
  expect(error).toMatch(/→ at staff\[1\]\.phone/);
  expect(error).not.toMatch(/staff\[0\]\.phone|staff\[1\]\.email/);

  const good = configFile({
    shops: [ACME],
    staff: [member('eda', { email: 'eda@acme.example', phone: '+48600100200' })],
  });
  const [eda] = loadConfig({ DOORSTEP_CONFIG: good, DOORSTEP_DATA_DIR: dir() }).staff;
  expect([eda.email, eda.phone]).toEqual(['eda@acme.example', '+48600100200']);
});

it('without a configuration file, a demo editor signs in with the generated password kept in the data dir', async () => {
  const data = dir();
  const config = loadConfig({ DOORSTEP_DATA_DIR: data });
  expect(config.devStaff!.password).toBe(readFileSync(join(data, 'dev-staff-password'), 'utf8'));
  const [agent] = config.staff;
  // An editor with an email: the template editor's test of a draft goes to the outbox.
  expect(agent).toMatchObject({
    username: 'support',
    shop: 'demo',
    role: 'editor',
    email: 'support.staff@demo.example',
  });
  expect(agent.passwordHash).not.toContain(config.devStaff!.password);
  expect(await verifyPassword(config.devStaff!.password, agent.passwordHash)).toBe(true);
  expect(await verifyPassword('guess', agent.passwordHash)).toBe(false);
  expect(await verifyPassword(config.devStaff!.password, 'scrypt$1$1$1$x$y')).toBe(false);
});

it("refuses a shop id that starts with another's and a dash (their chain ids could collide)", () => {
  const shop = (id: string) => ({ id, name: id, supportEmail: 'help@acme.example' });
  const file = configFile({ shops: [shop('acme'), shop('acme-eu')] });
  expect(() => loadConfig({ DOORSTEP_CONFIG: file, DOORSTEP_DATA_DIR: dir() })).toThrow(/shops\[1\]\.id/);
});

it('names each bad carrier webhook field: an unknown shop, a secret that is not whsec_, an id used twice, and never echoes a secret', () => {
  const good = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
  const file = configFile({
    shops: [ACME],
    carrierWebhooks: [
      { id: 'acme-dpd', shop: 'nowhere', carrier: 'dpd', secrets: [good] },
      { id: 'acme-dpd', shop: 'acme', carrier: 'dpd', secrets: ['my-carrier-password'] },
    ],
  });
  const error = refusal(file);
  expect(error).toMatch(/carrierWebhooks\[0\]\.shop/);
  expect(error).toMatch(/carrierWebhooks\[1\]\.secrets\[0\]/);
  expect(error).toMatch(/used twice\s+→ at carrierWebhooks\[1\]\.id/);
  expect(error).not.toContain('my-carrier-password');
});

it("reads each carrier webhook's format with its own fields: doorstep by default, aftership without a carrier", () => {
  const good = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
  const file = configFile({
    shops: [ACME],
    carrierWebhooks: [
      { id: 'acme-dpd', shop: 'acme', carrier: 'dpd', secrets: [good] },
      {
        id: 'acme-aftership',
        shop: 'acme',
        format: 'aftership',
        secrets: ['an-aftership-webhook-secret'],
        carriers: { 'dhl-germany': 'dhl' },
        allowFrom: ['10.0.0.0/8', '2001:db8::1'],
      },
    ],
  });
  const { carrierWebhooks } = loadConfig({ DOORSTEP_CONFIG: file, DOORSTEP_DATA_DIR: dir() });
  expect(carrierWebhooks.map((w) => w.format)).toEqual(['doorstep', 'aftership']);
  expect(carrierWebhooks[1]).toMatchObject({
    carriers: { 'dhl-germany': 'dhl' },
    allowFrom: ['10.0.0.0/8', '2001:db8::1'],
  });
});

it("names a bad format's own fields with their paths: an unknown format, a short secret, a carrier AfterShip names itself, a bad range", () => {
  const file = configFile({
    shops: [ACME],
    carrierWebhooks: [
      { id: 'a', shop: 'acme', carrier: 'dpd', format: 'pigeon', secrets: ['x'] },
      { id: 'b', shop: 'acme', carrier: 'dhl', format: 'aftership', secrets: ['short'], allowFrom: ['10.0.0.0/99'] },
    ],
  });
  const error = refusal(file);
  expect(error).toMatch(/carrierWebhooks\[0\]\.format/);
  expect(error).toMatch(/carrierWebhooks\[1\]\.secrets\[0\]/);
  expect(error).toMatch(/slug[\s\S]*carrierWebhooks\[1\]\.carrier/);
  expect(error).toMatch(/carrierWebhooks\[1\]\.allowFrom\[0\]/);
  expect(error).not.toContain('short"');
});

/**
 * An environment where every part has its own home (secret, file, PostgreSQL, Temporal, both providers),
 * `extra` changed.
 */
function production(extra: Record<string, string | undefined> = {}) {
  const file = configFile({ shops: [ACME] });
  const dataDir = join(dir(), 'not', 'yet');
  const config = loadConfig({
    DOORSTEP_DATA_DIR: dataDir,
    DOORSTEP_CONFIG: file,
    DOORSTEP_SECRET: 'a-secret-from-the-environment-32b',
    DATABASE_URL: 'postgres://doorstep@db.example/doorstep',
    TEMPORAL_ADDRESS: 'temporal.example:7233',
    SMTP_URL: 'smtp://mail.example:587',
    TWILIO_ACCOUNT_SID: 'AC0123',
    TWILIO_AUTH_TOKEN: 'token',
    TWILIO_FROM: '+48600000000',
    ...extra,
  });
  return { config, dataDirMade: existsSync(dataDir) };
}

it('configures each provider from its own variables, and makes no data dir when nothing goes to the outbox', () => {
  const { config, dataDirMade } = production({ TWILIO_WHATSAPP_FROM: 'whatsapp:+48600000001' });
  expect(config.smtp).toEqual({ url: 'smtp://mail.example:587', from: 'Doorstep <doorstep@localhost>' });
  expect(config.twilio).toEqual({
    accountSid: 'AC0123',
    authToken: 'token',
    from: '+48600000000',
    whatsappFrom: 'whatsapp:+48600000001',
    baseUrl: undefined,
  });
  expect(dataDirMade).toBe(false);
});

it('leaves a provider without its token unconfigured, and makes the data dir its outbox lives in', () => {
  const { config, dataDirMade } = production({ TWILIO_AUTH_TOKEN: undefined });
  expect(config.twilio).toBeUndefined();
  expect(config.smtp).toBeDefined();
  expect(dataDirMade).toBe(true);
});

it('refuses tombstones that would be forgotten before the chain they guard', () => {
  expect(() => production({ DOORSTEP_RETENTION_DAYS: '90', DOORSTEP_TOMBSTONE_DAYS: '90' })).toThrow(
    /must be more than DOORSTEP_RETENTION_DAYS and DOORSTEP_STORE_RETENTION_DAYS\n {2}→ at DOORSTEP_TOMBSTONE_DAYS/,
  );
  expect(production({ DOORSTEP_RETENTION_DAYS: '90', DOORSTEP_TOMBSTONE_DAYS: '401' }).config.retention).toEqual({
    namespaceDays: 90,
    storeDays: 400,
    tombstoneDays: 401,
  });
});
