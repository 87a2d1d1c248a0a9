/** The configuration file: staff accounts and carrier webhooks validated with field paths, passwords kept only as scrypt hashes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../common/config';
import { hashPassword, verifyPassword } from '../../common/passwords';

const dir = () => mkdtempSync(join(tmpdir(), 'doorstep-config-'));

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
  const file = join(dir(), 'doorstep.json');
  const hash = hashPassword('a long enough password');
  writeFileSync(
    file,
    JSON.stringify({
      shops: [{ id: 'acme', name: 'Acme', supportEmail: 'help@acme.example' }],
      staff: [
        { username: 'ola', shop: 'nowhere', role: 'agent', passwordHash: hash },
        { username: 'ola', shop: 'acme', role: 'viewer', passwordHash: 'hunter2' },
      ],
    }),
  );
  const error = refusal(file);
  expect(error).toMatch(/staff\[0\]\.shop/);
  expect(error).toMatch(/staff\[1\]\.passwordHash/);
  expect(error).toMatch(/used twice\s+→ at staff\[1\]\.username/);
  expect(error).not.toContain('hunter2');
});

it('without a configuration file, a demo agent signs in with the generated password kept in the data dir', async () => {
  const data = dir();
  const config = loadConfig({ DOORSTEP_DATA_DIR: data });
  expect(config.devStaff!.password).toBe(readFileSync(join(data, 'dev-staff-password'), 'utf8'));
  const [agent] = config.staff;
  expect(agent).toMatchObject({ username: 'support', shop: 'demo', role: 'agent' });
  expect(agent.passwordHash).not.toContain(config.devStaff!.password);
  expect(await verifyPassword(config.devStaff!.password, agent.passwordHash)).toBe(true);
  expect(await verifyPassword('guess', agent.passwordHash)).toBe(false);
  expect(await verifyPassword(config.devStaff!.password, 'scrypt$1$1$1$x$y')).toBe(false);
});

it("refuses a shop id that starts with another's and a dash (their chain ids could collide)", () => {
  const file = join(dir(), 'doorstep.json');
  const shop = (id: string) => ({ id, name: id, supportEmail: 'help@acme.example' });
  writeFileSync(file, JSON.stringify({ shops: [shop('acme'), shop('acme-eu')] }));
  expect(() => loadConfig({ DOORSTEP_CONFIG: file, DOORSTEP_DATA_DIR: dir() })).toThrow(/shops\[1\]\.id/);
});

it('names each bad carrier webhook field: an unknown shop, a secret that is not whsec_, an id used twice, and never echoes a secret', () => {
  const file = join(dir(), 'doorstep.json');
  const good = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
  writeFileSync(
    file,
    JSON.stringify({
      shops: [{ id: 'acme', name: 'Acme', supportEmail: 'help@acme.example' }],
      carrierWebhooks: [
        { id: 'acme-dpd', shop: 'nowhere', carrier: 'dpd', secrets: [good] },
        { id: 'acme-dpd', shop: 'acme', carrier: 'dpd', secrets: ['my-carrier-password'] },
      ],
    }),
  );
  const error = refusal(file);
  expect(error).toMatch(/carrierWebhooks\[0\]\.shop/);
  expect(error).toMatch(/carrierWebhooks\[1\]\.secrets\[0\]/);
  expect(error).toMatch(/used twice\s+→ at carrierWebhooks\[1\]\.id/);
  expect(error).not.toContain('my-carrier-password');
});
