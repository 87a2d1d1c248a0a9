/** Email notices over SMTP to a real SMTP server on loopback: headers, both parts, languages, bounces. */
import jsQR from 'jsqr';
import { Registry } from 'prom-client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../store';
import { workerActivities } from '../../worker/worker';
import { LOCKER } from '../helpers/fixtures';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { outbox, testConfig } from '../helpers/temporal';
import { noticeInput, noticeOf, inActivityContext } from './notice-input';
import { pngPixels } from './png-pixels';

let sink: SmtpSink;
let store: Store;
let config: ReturnType<typeof testConfig>;
let acts: ReturnType<typeof workerActivities>;
let sendNotice: ReturnType<typeof inActivityContext>;

beforeAll(async () => {
  sink = await smtpSink();
  config = testConfig({ SMTP_URL: sink.url, MAIL_FROM: 'Acme <orders@acme.example>' });
  store = await createStore(config);
  acts = workerActivities(config, { store, registry: new Registry() });
  sendNotice = inActivityContext(acts.sendNotice);
});
afterAll(async () => {
  await sink.close();
  await store.close();
});

const mailTo = (orderId: string) =>
  sink.received.filter((r) => r.mail.messageId?.includes(`order-acme-${orderId}.`)).map((r) => r.mail);

describe('email notices', () => {
  it('carry From, Subject, a Message-ID stable per ledger key, one-click unsubscribe and both parts', async () => {
    const input = noticeInput(['email'], { order: { ...noticeInput(['email']).order, orderId: 'E-1' } });
    const notice = noticeOf(await sendNotice(input));
    const [mail] = mailTo('E-1');
    expect(mail.from?.text).toBe('"Acme" <orders@acme.example>');
    // Addressed to the customer by name, as a person's mail is.
    expect(mail.to).toMatchObject({ text: '"Anna Nowak" <anna@example.com>' });
    expect(mail.subject).toBe('Acme: order E-1 is on its way');
    expect(mail.messageId).toBe('<order-acme-E-1.tracking.email.1@acme.example>');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    const unsubscribe = { url: /<(.+)>/.exec(header('list-unsubscribe') ?? '')?.[1] ?? '' };
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:8080\/u\/[\w-]+(\.[\w-]+)+>$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Your order E-1 has been handed to dpd. Follow it here: http://localhost:8080/t/abc');
    expect(mail.text).toMatch(/How did we do\? Rate it from 1 to 5: http:\/\/localhost:8080\/r\/\S+/);
    expect(mail.text).toContain('Questions? help@acme.example, +48221234567');
    expect(mail.text).toContain(`Unsubscribe from non-essential emails: ${unsubscribe.url}`);
    const html = String(mail.html);
    expect(html).toContain('<html lang="en" dir="ltr"');
    // In the HTML part the tracking link is words and a button, never the address printed.
    expect(html).toContain(
      'has been handed to dpd. <a class="ds-inline" href="http://localhost:8080/t/abc" style="color:#1f6feb;text-decoration:underline">Follow it here</a>',
    );
    expect(html).toMatch(/>\s*Track your parcel\s*<\/a>/);
    expect(html).not.toMatch(/>\s*https?:/);
    for (const score of [1, 2, 3, 4, 5])
      expect(html).toMatch(new RegExp(`href="http://localhost:8080/r/[^"?]+\\?s=${score}"`));
    expect(html).toContain(`href="${unsubscribe.url}"`);
    expect(notice).toMatchObject({
      channel: 'email',
      status: 'sent',
      revision: 1,
      providerId: mail.messageId,
      subject: mail.subject,
      text: mail.text?.trim(),
    });
    expect(notice.decisions).toMatchObject([{ outcome: 'sent', channel: 'email', reason: 'sent by email' }]);
  });

  it('sends a ledger key once: a repeat returns the recorded notice; a new revision is a new message', async () => {
    const base = noticeInput(['email']);
    const input = { ...base, order: { ...base.order, orderId: 'E-2' } };
    const first = noticeOf(await sendNotice(input));
    const again = noticeOf(await sendNotice(input));
    expect(again).toEqual(first);
    expect(mailTo('E-2')).toHaveLength(1);
    const resent = noticeOf(await sendNotice({ ...input, revision: 2 }));
    expect(mailTo('E-2').map((m) => m.messageId)).toEqual([
      '<order-acme-E-2.tracking.email.1@acme.example>',
      '<order-acme-E-2.tracking.email.2@acme.example>',
    ]);
    expect(resent.providerId).toBe('<order-acme-E-2.tracking.email.2@acme.example>');
  });

  it('keeps Cyrillic and Polish text intact in subject, text and HTML, with dates in the customer locale', async () => {
    const base = noticeInput(['email']);
    const customers = {
      'E-RU': { locale: 'ru-RU', name: 'Анна Смирнова', givenName: 'Анна' },
      'E-PL': { locale: 'pl', name: 'Łucja Żak', givenName: 'Łucja' },
    };
    for (const [orderId, customer] of Object.entries(customers))
      noticeOf(
        await sendNotice({
          ...base,
          touchpoint: 'confirmation',
          template: 'confirmation',
          facts: { promisedDate: '2026-12-03' },
          order: { ...base.order, orderId, customer: { ...base.order.customer, ...customer } },
        }),
      );
    const [ru] = mailTo('E-RU');
    expect(ru.subject).toBe('Acme: заказ E-RU принят');
    expect(ru.text).toMatch(
      /Здравствуйте, Анна! Мы приняли ваш заказ E-RU: 1 × Kettle. Доставим его 3 декабря 2026\.(\s|$)/,
    );
    expect(ru.text).toContain('Как всё прошло? Оцените этот этап от 1 до 5:');
    expect(String(ru.html)).toContain('Здравствуйте, Анна!');
    expect(String(ru.html)).toContain('<html lang="ru" dir="ltr"');
    const [pl] = mailTo('E-PL');
    expect(pl.subject).toBe('Acme: zamówienie E-PL przyjęte');
    // Polish would need the vocative ("Łucjo"): it greets without a name rather than in the nominative.
    expect(pl.text).toContain(
      'Dzień dobry! Przyjęliśmy Twoje zamówienie E-PL: 1 × Kettle. Dostarczymy je 3 grudnia 2026.',
    );
    expect(String(pl.html)).toContain('Dzień dobry! Przyjęliśmy Twoje zamówienie E-PL');
    expect(String(pl.html)).toContain('Wypisz się z dodatkowych powiadomień e-mail');
    for (const mail of [ru, pl])
      expect(`${mail.subject} ${mail.text} ${String(mail.html)}`).not.toMatch(/Смирнова|Żak/);
  });

  it('a permanent SMTP refusal (550) falls back to the next channel and says why; a transient one (451) is retried', async () => {
    const base = noticeInput(['email', 'sms']);
    const gone = {
      ...base,
      order: { ...base.order, orderId: 'E-3', customer: { ...base.order.customer, email: 'gone@example.com' } },
    };
    const notice = noticeOf(await sendNotice(gone));
    expect(notice.channel).toBe('sms');
    expect(notice.decisions.map((d) => [d.outcome, d.channel, d.reason])).toEqual([
      ['failed', 'email', expect.stringMatching(/^SMTP 550 .*mailbox unavailable/)],
      ['sent', 'sms', expect.stringMatching(/^fell back to sms: SMTP 550/)],
    ]);
    expect(outbox(config).filter((m) => m.idempotencyKey === 'order-acme-E-3:tracking:sms:1')).toHaveLength(1);

    const busy = {
      ...base,
      order: { ...base.order, orderId: 'E-4', customer: { ...base.order.customer, email: 'busy@example.com' } },
    };
    const failure = await sendNotice(busy).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      nonRetryable: false,
      type: 'TransientDeliveryFailure',
      message: expect.stringContaining('SMTP 451'),
    });
    expect(outbox(config).filter((m) => m.idempotencyKey.startsWith('order-acme-E-4:'))).toEqual([]);
  });

  it('a ready-for-pickup email carries the code as an inline QR image that decodes to it; the ledger keeps only words', async () => {
    const base = noticeInput(['email']);
    const notice = noticeOf(
      await sendNotice({
        ...base,
        touchpoint: 'ready-for-pickup',
        template: 'ready-for-pickup',
        facts: { point: LOCKER, pickupCode: 'KRA-493021-77', pickupUntil: '2026-12-05T17:00:00Z' },
        order: { ...base.order, orderId: 'E-QR' },
      }),
    );
    const [mail] = mailTo('E-QR');
    expect(mail.text).toContain('Your pickup code is KRA-493021-77.');
    expect(mail.attachments).toHaveLength(1);
    const [image] = mail.attachments;
    expect(image).toMatchObject({
      contentType: 'image/png',
      contentDisposition: 'inline',
      cid: 'pickup-code@doorstep',
    });
    expect(image.related).toBe(true);
    const { width, height, data } = pngPixels(image.content);
    expect([width, height]).toEqual([200, 200]);
    expect(jsQR(data, width, height)?.data).toBe('KRA-493021-77');
    // The quiet zone is white: the code scans on a dark page too.
    expect([...data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(String(mail.html)).toMatch(/<img[^>]+alt="QR code of your pickup code"/);
    // What the ledger (and the workflow) gets back is the notice's words, never the image.
    expect(Object.keys(notice)).not.toContain('inline');
    expect(JSON.stringify(notice)).not.toMatch(/iVBORw0KGgo|"type":"Buffer"/);
  });

  it('a ready-for-pickup email without a code (the carrier sends its own) names the carrier, no blank code, no QR', async () => {
    const base = noticeInput(['email']);
    noticeOf(
      await sendNotice({
        ...base,
        touchpoint: 'ready-for-pickup',
        template: 'ready-for-pickup',
        facts: { point: LOCKER, pickupUntil: '2026-12-05T17:00:00Z' },
        order: { ...base.order, orderId: 'E-NOCODE', carrier: 'InPost' },
      }),
    );
    const [mail] = mailTo('E-NOCODE');
    expect(mail.text).toContain(
      'Opening hours: 24/7. Use the code InPost sent you. Please collect the parcel by December 5, 2026',
    );
    expect(mail.text).not.toMatch(/code is\s*\./);
    expect(String(mail.html)).toContain('Use the code InPost sent you.');
    expect(String(mail.html)).not.toContain('alt="QR code of your pickup code"');
    expect(mail.attachments).toEqual([]);
  });

  it('an email without a pickup code carries no attachment', async () => {
    const base = noticeInput(['email']);
    noticeOf(await sendNotice({ ...base, order: { ...base.order, orderId: 'E-NOQR' } }));
    expect(mailTo('E-NOQR')[0].attachments).toEqual([]);
  });
});
