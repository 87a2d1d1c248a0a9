/**
 * The demo shop Doorstep runs when no DOORSTEP_CONFIG is given: its API key and console editor generated once
 * and kept in the data dir.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../passwords';
import { FileConfig, SCOPES } from './config-file';
import { persisted } from './data-dir';

/** A random string fit for a key or a password. */
export const randomSecret = () => randomBytes(24).toString('base64url');

/** The demo configuration, with the generated key of the demo shop and its console editor's password. */
export function demoConfig(dataDir: string): {
  file: FileConfig;
  devKey: string;
  devStaff: { username: string; password: string };
} {
  const devKey = persisted(dataDir, 'dev-api-key', () => `dev_${randomSecret()}`);
  const devStaff = { username: 'support', password: persisted(dataDir, 'dev-staff-password', randomSecret) };
  const file = FileConfig.parse({
    // A demo walks a whole chain in minutes: more notices a day than a real shop would send.
    // Its tracking pages offer two pickup points, so a demo order can be sent to one.
    shops: [
      {
        id: 'demo',
        name: 'Demo Shop',
        supportEmail: 'support@demo.example',
        maxNoticesPerDay: 20,
        pickupPoints: [
          {
            id: 'DEMO-LOCKER-1',
            kind: 'locker',
            name: 'Demo parcel locker',
            address: '1 Station Road',
            openingHours: '24/7',
          },
          {
            id: 'DEMO-SHOP-1',
            kind: 'shop',
            name: 'Demo Shop counter',
            address: '5 Market Street',
            openingHours: 'Mon–Sat 9:00–19:00',
          },
        ],
      },
    ],
    apiKeys: [{ key: devKey, shop: 'demo', scopes: [...SCOPES], name: 'development key' }],
    staff: [
      {
        username: devStaff.username,
        name: 'Support (development)',
        shop: 'demo',
        // An editor with an address: the template editor's "Send me a test" lands in the outbox.
        role: 'editor',
        email: 'support.staff@demo.example',
        passwordHash: hashPassword(devStaff.password),
      },
    ],
  });
  return { file, devKey, devStaff };
}
