/**
 * "Send me a test" in the console's template editor, in Debian's Chromium with a real worker: an editor's draft
 * of the confirmation email reaches the real SMTP sink at their own address, from the shop's own sender, marked
 * as a test and rendered with the sample facts, and nothing is saved; a double post of one form sends once; an
 * SMS draft goes through the real twilio SDK to the local endpoint at the editor's phone; an editor without a
 * phone is told how to get one and nothing is sent; a refusal is shown with its reason; more than ten tests in ten
 * minutes are refused; an invalid draft gets its field error and sends nothing; agents get no button and a forged
 * post is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../common/passwords';
import { configWith } from '../helpers/api';
import { useBrowserBed } from '../helpers/browser';
import { signedIn } from '../helpers/console-sign-in';
import { shopConfig } from '../helpers/fixtures';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';

const PASSWORDS = {
  eda: 'editor password 1',
  ed2: 'editor password 2',
  ed3: 'editor password 3',
  ada: 'agent password 1',
};
/** The shop's own senders, which a test goes from. */
const VOICE = { email: { from: 'Acme Store <orders@acme-shop.example>' }, twilio: { from: '+48500111222' } };
const EDA = { email: 'eda.editor@example.com', phone: '+48600700800' };
const staff = (username: keyof typeof PASSWORDS, role: string, addresses: object = {}) => ({
  username,
  role,
  shop: 'acme',
  passwordHash: hashPassword(PASSWORDS[username]),
  ...addresses,
});

const peers = {} as { sink: SmtpSink; twilio: TwilioEndpoint };
beforeAll(async () => {
  [peers.sink, peers.twilio] = await Promise.all([smtpSink(), twilioEndpoint()]);
});
afterAll(() => Promise.all([peers.sink?.close(), peers.twilio?.close()]));
const bed = useBrowserBed(() =>
  configWith(
    {
      shops: [shopConfig({ name: 'Acme Store', ...VOICE })],
      staff: [
        staff('eda', 'editor', EDA),
        staff('ed2', 'editor', { email: 'ed2@example.com' }),
        staff('ed3', 'editor'),
        staff('ada', 'agent', { email: 'ada@example.com' }),
      ],
    },
    { SMTP_URL: peers.sink.url, MAIL_FROM: 'Doorstep <doorstep@global.example>', ...twilioEnv(peers.twilio) },
  ),
);

const EMAIL = '/console/templates/confirmation/en/email';
const SMS = '/console/templates/confirmation/en/sms';
const history = (channel: string) =>
  bed.env.store.templates.history('acme', { template: 'confirmation', locale: 'en', channel });
const mailsTo = (address: string) => peers.sink.received.filter((r) => r.envelopeTo.includes(address));
const smsTo = (phone: string) =>
  peers.twilio.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && r.form.To === phone);

const signIn = (username: keyof typeof PASSWORDS, path: string) => signedIn(bed, username, PASSWORDS[username], path);

/** Clicks "Send me a test" and answers what the page then says of it. */
async function sendTest(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send me a test' }).click();
  await page.locator('#test-result').waitFor();
  return page.locator('#test-result').innerText();
}

it("sends an editor's email draft to their own address from the shop's sender, marked as a test, and saves nothing", () =>
  bed.env.withWorker(async () => {
    const page = await signIn('eda', EMAIL);
    await page.getByLabel('Subject').fill('{shop}: we have your order {orderId}');
    await page.getByLabel('Text (ICU message)').fill('Thank you! Order {orderId} ({items}) comes {promise}.');
    expect(await sendTest(page)).toBe('Sent to e***@example.com.');

    const [mail] = mailsTo(EDA.email).map((r) => r.mail);
    expect(mailsTo(EDA.email)).toHaveLength(1);
    expect(mail.from?.text).toBe('"Acme Store" <orders@acme-shop.example>');
    expect(mail.subject).toBe('[Test] Acme Store: we have your order A-1042');
    // The sample facts: the sample order, its item and its promised dates.
    expect(mail.text).toContain('Thank you! Order A-1042 (1 × Kettle) comes between');
    expect(mail.html).toContain('Thank you! Order A-1042');
    // The draft stays in the form, and the stored wording is unchanged.
    expect(await page.getByLabel('Subject').inputValue()).toBe('{shop}: we have your order {orderId}');
    expect(await page.locator('main').innerText()).toContain('In effect: built-in');
    expect(await history('email')).toHaveLength(0);
  }));

it('posting the same form twice (a double click) sends one test', () =>
  bed.env.withWorker(async () => {
    const page = await signIn('ed2', EMAIL);
    const form = {
      _csrf: await page.locator('input[name="_csrf"]').first().inputValue(),
      nonce: await page.locator('input[name="nonce"]').inputValue(),
      intent: 'test',
      subject: '{shop}: order {orderId} accepted twice?',
      text: 'We have your order {orderId}: {items}. It comes {promise}.',
    };
    const [first, second] = await Promise.all([
      page.request.post(`${bed.base}${EMAIL}`, { form }),
      page.request.post(`${bed.base}${EMAIL}`, { form }),
    ]);
    expect([first.status(), second.status()]).toEqual([200, 200]);
    expect(await second.text()).toContain('Sent to e***@example.com.');
    expect(mailsTo('ed2@example.com').map((r) => r.mail.subject)).toEqual([
      '[Test] Acme Store: order A-1042 accepted twice?',
    ]);
  }));

it("sends an SMS draft through the twilio SDK to the editor's phone from the shop's number", () =>
  bed.env.withWorker(async () => {
    const page = await signIn('eda', SMS);
    await page.getByLabel('Text (ICU message)').fill('{shop}: we have order {orderId}. It comes {promise}.');
    expect(await sendTest(page)).toBe('Sent to +48******800.');
    const [sms] = smsTo(EDA.phone);
    expect(smsTo(EDA.phone)).toHaveLength(1);
    expect(sms.form.From).toBe('+48500111222');
    expect(sms.form.Body).toMatch(/^\[Test\] Acme Store: we have order A-1042\. It comes /);
    expect(await history('sms')).toHaveLength(0);
  }));

it('an editor without a phone is told how to get one on an SMS slot, and a forced test sends nothing', () =>
  bed.env.withWorker(async () => {
    const page = await signIn('ed2', SMS);
    expect(await page.getByRole('button', { name: 'Send me a test' }).count()).toBe(0);
    expect(await page.locator('#test-note').innerText()).toBe(
      'A test goes to your own address, and your staff entry has no phone number: ask an admin to set "phone" on your entry in the staff configuration.',
    );
    const before = peers.twilio.requests.length;
    const res = await page.request.post(`${bed.base}${SMS}`, {
      form: {
        _csrf: await page.locator('input[name="_csrf"]').first().inputValue(),
        intent: 'test',
        text: '{shop}: order {orderId} accepted. Delivery {promise}.',
      },
    });
    expect(res.status()).toBe(409);
    expect(await res.text()).toContain('has no phone number');
    expect(peers.twilio.requests.length).toBe(before);
  }));

it("shows the mail server's refusal when the test is not accepted", () =>
  bed.env.withWorker(async () => {
    const page = await signIn('eda', EMAIL);
    const before = mailsTo(EDA.email).length;
    peers.sink.refusals.push({ code: 550, text: '5.1.1 mailbox unavailable' });
    expect(await sendTest(page)).toBe('The test was not sent: SMTP 550 5.1.1 mailbox unavailable.');
    expect(await page.locator('#test-result').getAttribute('role')).toBe('alert');
    expect(mailsTo(EDA.email)).toHaveLength(before);
  }));

it('refuses more than ten tests in ten minutes from one staff member', async () => {
  const page = await signIn('ed3', EMAIL);
  const form = {
    _csrf: await page.locator('input[name="_csrf"]').first().inputValue(),
    intent: 'test',
    subject: '{shop}: order {orderId} accepted',
    text: 'We have your order {orderId}: {items}. It comes {promise}.',
  };
  const statuses = [];
  for (let i = 0; i < 11; i++) statuses.push((await page.request.post(`${bed.base}${EMAIL}`, { form })).status());
  // Ten asked (each told that ed3 has no email address), the eleventh refused.
  expect(statuses).toEqual([...Array(10).fill(409), 429]);
});

it('an invalid draft shows its field error and sends nothing', () =>
  bed.env.withWorker(async () => {
    const page = await signIn('eda', EMAIL);
    const before = mailsTo(EDA.email).length;
    await page.getByLabel('Text (ICU message)').fill('Order {orderId is late');
    await page.getByRole('button', { name: 'Send me a test' }).click();
    await expect.poll(() => page.locator('#errors li[data-path="text"]').innerText()).toContain('not a valid ICU');
    expect(await page.locator('#test-result').count()).toBe(0);
    expect(mailsTo(EDA.email)).toHaveLength(before);
  }));

it('an agent gets no test button, and a forged test is refused', async () => {
  const page = await signIn('ada', EMAIL);
  expect(await page.getByRole('button', { name: 'Send me a test' }).count()).toBe(0);
  const res = await page.request.post(`${bed.base}${EMAIL}`, {
    form: {
      _csrf: await page.locator('input[name="_csrf"]').first().inputValue(),
      intent: 'test',
      subject: '{shop}: order {orderId} accepted',
      text: 'We have your order {orderId}: {items}. It comes {promise}.',
    },
  });
  expect(res.status()).toBe(403);
  expect(mailsTo('ada@example.com')).toHaveLength(0);
});
