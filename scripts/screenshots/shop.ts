/**
 * The shop the screenshots show: its own brand (logo, primary and accent colours that pass the contrast
 * check), its email sender, its carrier's tracking link, an API key to place orders with and an editor on its staff.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../common/passwords';
import { shopConfig } from '../../test/helpers/fixtures';

export const SHOP_ID = 'lumen';
export const API_KEY = `lumen_${randomBytes(12).toString('hex')}`;
export const EDITOR = { username: 'eda', password: randomBytes(12).toString('hex') };
/** The shop's logo: the config accepts only https, so the browser is served it for this URL (see browser.ts). */
export const LOGO_URL = 'https://lumen-tea.example/logo.svg';

/** The logo, drawn here: a leaf in the accent colour and the shop's name in the primary colour. */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40">
<path d="M6 34 C6 14 20 4 36 4 C36 22 26 34 6 34 Z" fill="#c2410c"/>
<path d="M8 32 L30 10" stroke="#fff" stroke-width="2"/>
<text x="44" y="28" font-family="Georgia, serif" font-size="22" font-weight="bold" fill="#0f5c4d">Lumen Tea</text>
</svg>`;

/** The shop's voice, beside its entry in the config file. */
const VOICE = {
  brand: { logoUrl: LOGO_URL, primaryColor: '#0f5c4d', accentColor: '#c2410c' },
  email: { from: 'Lumen Tea <orders@lumen-tea.example>', replyTo: 'care@lumen-tea.example' },
  carrierLinks: { DPD: 'https://tracking.dpd.example/parcel/{trackingNumber}' },
};

/** The configuration file: one branded shop with its sender, its API key and its editor. */
export function screenshotConfigFile() {
  return {
    shops: [
      shopConfig({
        id: SHOP_ID,
        name: 'Lumen Tea',
        supportEmail: 'care@lumen-tea.example',
        supportPhone: '+48221234567',
        ...VOICE,
      }),
    ],
    apiKeys: [{ key: API_KEY, shop: SHOP_ID, scopes: ['orders:write', 'chains:read'] }],
    staff: [
      {
        username: EDITOR.username,
        name: 'Eda Editor',
        role: 'editor',
        shop: SHOP_ID,
        email: 'eda@lumen-tea.example',
        passwordHash: hashPassword(EDITOR.password),
      },
    ],
  };
}
