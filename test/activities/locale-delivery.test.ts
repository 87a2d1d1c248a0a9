/**
 * A customer whose locale is uk-UA or de-DE gets notices in that language end to end: the email over a real
 * SMTP peer and the call's TwiML through the real twilio SDK, each in the words and voice of its locale file.
 */
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../store';
import type { ChannelName } from '../../workflows/contract';
import { workerActivities } from '../../worker/worker';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { testConfig } from '../helpers/temporal';
import { TWILIO_SID, twilioEndpoint, twilioEnv, type TwilioEndpoint } from '../helpers/twilio-endpoint';
import { inActivityContext, noticeInput, noticeOf } from './notice-input';

let sink: SmtpSink;
let twilio: TwilioEndpoint;
let store: Store;
let sendNotice: ReturnType<typeof inActivityContext>;

beforeAll(async () => {
  sink = await smtpSink();
  twilio = await twilioEndpoint();
  const config = testConfig({ ...twilioEnv(twilio), SMTP_URL: sink.url, MAIL_FROM: 'Acme <orders@acme.example>' });
  store = await createStore(config);
  sendNotice = inActivityContext(workerActivities(config, { store, registry: new Registry() }).sendNotice);
});
afterAll(async () => {
  await sink.close();
  await twilio.close();
  await store.close();
});

/** Sends `template` to a customer in `locale` over `channel`, for order `orderId`. */
async function send(channel: ChannelName, orderId: string, locale: string, customer: object = {}) {
  const base = noticeInput([channel]);
  return noticeOf(
    await sendNotice({
      ...base,
      touchpoint: 'confirmation',
      template: 'confirmation',
      facts: { promisedDate: '2026-12-03' },
      order: {
        ...base.order,
        orderId,
        customer: { ...base.order.customer, locale, timezone: 'Europe/Warsaw', ...customer },
      },
    }),
  );
}

const mailTo = (orderId: string) =>
  sink.received.filter((r) => r.mail.messageId?.includes(`order-acme-${orderId}.`)).map((r) => r.mail);

describe('a notice in the customer locale', () => {
  it.each([
    {
      locale: 'uk-UA',
      customer: { name: 'Оксана Коваленко', givenName: 'Оксана' },
      subject: 'Acme: замовлення L-UK прийнято',
      text: 'Добрий день, Оксана! Ми прийняли ваше замовлення L-UK: 1 × Kettle. Доставимо його 3 грудня 2026.',
      rating: 'Як усе пройшло? Оцініть цей етап від 1 до 5:',
      lang: 'uk',
      surname: 'Коваленко',
    },
    {
      locale: 'de-DE',
      customer: { name: 'Lena Schmidt', givenName: 'Lena' },
      subject: 'Acme: Bestellung L-DE ist eingegangen',
      text: 'Hallo Lena, wir haben Ihre Bestellung L-DE erhalten: 1 × Kettle. Wir liefern sie am 3. Dezember 2026.',
      rating: 'Wie waren wir? Bewerten Sie diesen Schritt von 1 bis 5:',
      lang: 'de',
      surname: 'Schmidt',
    },
  ])('$locale: the email speaks $lang', async ({ locale, customer, subject, text, rating, lang, surname }) => {
    const orderId = `L-${lang.toUpperCase()}`;
    const notice = await send('email', orderId, locale, customer);
    const [mail] = mailTo(orderId);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(text);
    expect(mail.text).toContain(rating);
    expect(String(mail.html)).toContain(`<html lang="${lang}"`);
    expect(String(mail.html)).toContain(text.split('!')[0].split(',')[0]);
    expect(`${mail.subject} ${mail.text} ${String(mail.html)}`).not.toContain(surname);
    expect(notice).toMatchObject({ channel: 'email', status: 'sent', subject });
  });

  it.each([
    // Only Google voices speak Ukrainian on Twilio, so the call names one; German keeps the account's voice.
    {
      locale: 'uk-UA',
      say: '<Say language="uk-UA" voice="Google.uk-UA-Wavenet-A">',
      words: 'Acme: замовлення L-UK-V прийнято. Доставка 3 грудня 2026.',
    },
    {
      locale: 'de-DE',
      say: '<Say language="de-DE">',
      words: 'Acme: Bestellung L-DE-V ist eingegangen. Lieferung am 3. Dezember 2026.',
    },
  ])('$locale: a call reads it in the language with its voice', async ({ locale, say, words }) => {
    twilio.reset();
    const orderId = `L-${locale.slice(0, 2).toUpperCase()}-V`;
    await send('voice', orderId, locale);
    const [call] = twilio.requests;
    expect(call.path).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Calls.json`);
    expect(call.form.Twiml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response>${say}${words}</Say></Response>`);
  });
});
