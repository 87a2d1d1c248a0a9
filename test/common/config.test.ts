/** Staff accounts in the configuration: validated with field paths, passwords kept only as scrypt hashes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../common/config';
import { hashPassword, verifyPassword } from '../../common/passwords';

const dir = () => mkdtempSync(join(tmpdir(), 'doorstep-config-'));

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
  const error = (() => {
    try {
      loadConfig({ DOORSTEP_CONFIG: file, DOORSTEP_DATA_DIR: dir() });
    } catch (err) {
      return (err as Error).message;
    }
  })();
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
