/**
 * The checks a shop's own wording passes before it is kept (activities/templates/validate.ts): they never
 * refuse what the built-in catalogs ship, in any language or channel, and they refuse what a call cannot say.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../activities/templates/catalog';
import { LONGEST_ORDER_ID, sampleInput } from '../../activities/templates/sample-input';
import { builtInWording, wordingErrors } from '../../activities/templates/validate';
import { createTokens, DEFAULT_TOKEN_KEYS, parseTokenKeys } from '../../common/tokens';
import { TEMPLATE_IDS } from '../../workflows/touchpoints';
import { shop } from '../helpers/fixtures';

const tokens = createTokens(parseTokenKeys(DEFAULT_TOKEN_KEYS, 'template-wording-test-secret'));
const BASE = 'https://notify.example-shop.com';
/** Links as the API signs them for the longest order id (the tracking link counts in an SMS). */
const links = {
  trackingUrl: `${BASE}/t/${tokens.sign({ kind: 'track', shop: 'acme', order: LONGEST_ORDER_ID })}`,
  ratingUrl: `${BASE}/r/sample`,
  unsubscribeUrl: `${BASE}/u/sample`,
};
const longest = (template: (typeof TEMPLATE_IDS)[number], language: string) =>
  sampleInput(template, language, shop(), links, { longest: true });

describe('wording checks', () => {
  it.each(Object.keys(CATALOGS))('pass every built-in message of %s on every channel', (language) => {
    const refused = TEMPLATE_IDS.flatMap((template) =>
      (['email', 'sms', 'whatsapp', 'voice'] as const).flatMap((channel) =>
        wordingErrors(channel, builtInWording(template, language, channel), longest(template, language)).map(
          (e) => `${template} ${channel} ${e.path}: ${e.message}`,
        ),
      ),
    );
    expect(refused).toEqual([]);
  });

  it('refuse a link in what a call says, and a subject anywhere but email', () => {
    const input = longest('tracking', 'en');
    expect(wordingErrors('voice', { text: 'Order {orderId} left. <track>Here</track>' }, input)).toEqual([
      { path: 'text', message: 'tag(s) not allowed here: <track>' },
    ]);
    expect(wordingErrors('sms', { subject: 'Hi', text: 'Order {orderId}: <track>here</track>' }, input)).toEqual([
      { path: 'subject', message: 'only email has a subject, not sms' },
    ]);
  });

  it('names where an ICU message breaks', () => {
    const [error] = wordingErrors(
      'email',
      { text: 'Order {orderId}\n{days, plural, one {# day}' },
      longest('delay', 'en'),
    );
    expect(error).toEqual({
      path: 'text',
      message: expect.stringMatching(/^not a valid ICU message: \w+ at line 2, column \d+$/),
    });
  });

  it('refuse a pickup notice without the code or the deadline, and take one that keeps both with its map link', () => {
    const input = longest('ready-for-pickup', 'pl');
    const code = '{hasCode, select, yes {kod {pickupCode}} other {kod od {carrier}}}';
    expect(wordingErrors('sms', { text: '{shop}: paczka {orderId} czeka do {pickupUntil}.' }, input)).toEqual([
      { path: 'text', message: 'missing required placeholder(s) {hasCode}, {pickupCode}' },
    ]);
    expect(wordingErrors('email', { subject: 'Paczka {orderId}', text: `Paczka {orderId}, ${code}.` }, input)).toEqual([
      { path: 'text', message: 'missing required placeholder(s) {pickupUntil}' },
    ]);
    // Without the select, a parcel whose carrier sends its own code would read "kod ," with the code blank.
    expect(wordingErrors('sms', { text: '{orderId}: kod {pickupCode}, do {pickupUntil}.' }, input)).toEqual([
      { path: 'text', message: 'missing required placeholder(s) {hasCode}' },
    ]);
    const own = `{orderId}: ${code}, do {pickupUntil}, {pointName}. <map>Mapa</map>`;
    expect(wordingErrors('sms', { text: own }, input)).toEqual([]);
    // A call cannot show a link, and says the code sign by sign: its own wording must too.
    expect(wordingErrors('voice', { text: own }, input)).toEqual([
      { path: 'text', message: 'tag(s) not allowed here: <map>' },
      { path: 'text', message: 'missing required placeholder(s) {spokenCode}' },
    ]);
  });
});
