/**
 * Renders a notice in the customer's language: the email subject, text and HTML parts (with the pickup
 * code's QR image where the notice gives the code), the short SMS/WhatsApp body and what a voice call says;
 * dates and times in the customer's zone and locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, languageOf } from './catalog';
import type { Catalog, TemplateMessages } from './catalog-shape';
import { pickupQr, type InlineImage } from './email/qr';
import { emailHtml, type BodyPart, type EmailHtmlInput } from './html';
import { LOCALES, type LanguageCode } from './locales/index';
import type { RenderInput } from './render-input';
import { fitSms } from './sms-length';
import { scoreRange, type TemplateId } from '../../workflows/touchpoints';
import { valuesOf, type Values } from './values';

export interface Rendered {
  language: string;
  subject: string;
  /** The email's text part. */
  text: string;
  html: string;
  /** SMS body, and WhatsApp's unless the shop wrote WhatsApp its own: at most three SMS segments. */
  short: string;
  /** The shop's own WhatsApp body, fitted the same way; unset, WhatsApp says `short`. */
  whatsapp?: string;
  /** What a voice call says. */
  spoken: string;
  /** Images the HTML part shows by `cid:` (the pickup code's QR): sent with the email, never stored. */
  inline?: InlineImage[];
  /** The customer's name for the email's To header, as a mail client writes a person's address. */
  recipient?: string;
}

type Tag = (chunks: BodyPart[]) => BodyPart;

const formatters = new Map<string, IntlMessageFormat>();

/** Plain spaces for the no-break ones ICU puts into times and dates (speech engines prefer them). */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** Formats one ICU message into its pieces, caching the compiled form per language. */
function formatParts(language: string, message: string, values: Record<string, string | number | Tag>): BodyPart[] {
  const id = `${language}\u0000${message}`;
  let formatter = formatters.get(id);
  if (!formatter) formatters.set(id, (formatter = new IntlMessageFormat(message, language)));
  const parts = formatter.format<BodyPart>(values);
  return Array.isArray(parts) ? parts : [parts];
}

/** The notices whose email shows the pickup code as a QR image under its text. */
const WITH_QR: ReadonlySet<TemplateId> = new Set(['ready-for-pickup', 'pickup-reminder']);

/**
 * Formats one ICU message whose `<track>` words, if any, are followed by the tracking link and whose `<map>`
 * words by the pickup point's map link (plain text); the map's words go with it where the values drop it.
 */
function formatText(language: string, message: string, values: Values, links: { track: string; map?: string }) {
  const track: Tag = (chunks) => `${chunks.join('')}: ${links.track}`;
  const map: Tag = (chunks) => (values.hasMap === 'yes' ? `${chunks.join('')}: ${links.map}` : '');
  return formatParts(language, message, { ...values, track, map }).join('');
}

/** The words of a notice on every channel, without the email's HTML part and its images. */
export type NoticeTexts = Omit<Rendered, 'html' | 'inline' | 'recipient'>;

/** What every form of one notice is worded from. */
interface Wording {
  input: RenderInput;
  language: string;
  catalog: Catalog;
  messages: TemplateMessages;
  /** Formats a message for the text forms: `<track>` words followed by the tracking link. */
  f: (message: string, values: Values) => string;
  /** The values at an SMS cap (Infinity: whole). */
  valuesWithin: (cap: number) => Values;
  values: Values;
  support: string;
  /**
   * A courier-window question asks only that; the closing is itself the satisfaction question and
   * carries its own answer line. Every other notice ends with the touchpoint's rating prompt.
   */
  asksWindow: boolean;
}

/** The notice's language, catalog entry and values. */
function wordingOf(input: RenderInput): Wording {
  const language = languageOf(input.order.customer.locale, input.shop.defaultLocale);
  const catalog = CATALOGS[language];
  const links = { track: input.trackingUrl, map: input.facts.point?.mapUrl };
  const f = (message: string, values: Values) => formatText(language, message, values, links);
  // The SMS is fitted by rendering it at several caps: each cap's values are formatted once.
  const byCap = new Map<number, Values>();
  const valuesWithin = (cap: number) =>
    byCap.get(cap) ?? byCap.set(cap, valuesOf(input, catalog, language, f, cap)).get(cap)!;
  const values = valuesWithin(Infinity);
  return {
    input,
    language,
    catalog,
    messages: { ...catalog.templates[input.template], ...input.override },
    f,
    valuesWithin,
    values,
    support: f(catalog.common.support, values),
    asksWindow: (input.facts.options?.length ?? 0) > 0,
  };
}

/** The subject, the email's text part, the SMS and what a call says. */
function textsOf(w: Wording): NoticeTexts {
  const { input, language, catalog, messages, f, valuesWithin, values, asksWindow } = w;
  const answer = messages.answer;
  const hint = !asksWindow && !answer ? (cap: number) => f(catalog.common.rateSms, valuesWithin(cap)) : undefined;
  const fitted = (message: string) => fitSms((cap) => f(message, valuesWithin(cap)), hint);
  const short = fitted(messages.sms);
  const own = input.override?.whatsapp;
  const rateLine = answer ? answer.text : catalog.common.rateText;
  const text = [
    f(messages.text, values),
    ...(asksWindow ? [] : [f(rateLine, { ...values, url: input.ratingUrl })]),
    w.support,
    ...(input.unsubscribeUrl ? [f(catalog.common.unsubscribe, { ...values, url: input.unsubscribeUrl })] : []),
  ].join('\n\n');
  // A call cannot read out a link: the `<track>` words that introduce it go with it.
  const spoken = spaces(
    messages.voice
      ? f(messages.voice, values)
      : formatParts(language, messages.sms, { ...values, track: () => '', map: () => '' })
          .join('')
          .trim(),
  );
  return { language, subject: f(messages.subject, values), text, short, ...(own && { whatsapp: fitted(own) }), spoken };
}

/** The short body a channel sends: WhatsApp's own where the shop wrote one, else the SMS body. */
export function shortFor(channel: string, r: Pick<Rendered, 'short' | 'whatsapp'>): string {
  return (channel === 'whatsapp' && r.whatsapp) || r.short;
}

/** What the email's HTML part shows; `qr`: it shows the pickup code's QR image. */
function emailOf(w: Wording, subject: string, qr: boolean): EmailHtmlInput {
  const { input, language, catalog, messages, f, values, asksWindow } = w;
  const answer = messages.answer;
  const body = formatParts(language, messages.text, {
    ...values,
    track: (chunks) => ({ track: chunks.join('') }),
    map: (chunks) => (values.hasMap === 'yes' ? { map: chunks.join('') } : ''),
  });
  // One primary action: choosing a window on the tracking page, else tracking the parcel; the
  // closing's action is its answer row.
  const label = asksWindow ? catalog.common.chooseWindow : catalog.common.trackLink;
  const heading = f(answer ? answer.email : catalog.common.rateEmail, values);
  const { trackingUrl, ratingUrl, unsubscribeUrl } = input;
  return {
    language,
    title: subject,
    shop: input.shop.name,
    brand: input.brand,
    body,
    trackingUrl,
    mapUrl: input.facts.point?.mapUrl,
    ...(qr && { qrAlt: LOCALES[language as LanguageCode].pages.pickupQrAlt }),
    action: answer ? undefined : { url: trackingUrl, label },
    rating: asksWindow ? undefined : { heading, url: ratingUrl, range: scoreRange(input.scale) },
    support: w.support,
    unsubscribe: unsubscribeUrl ? { url: unsubscribeUrl, label: catalog.common.unsubscribeLink } : undefined,
  };
}

/** Every form of one notice but its HTML part (the console's preview shows only these). */
export function renderTexts(input: RenderInput): NoticeTexts {
  return textsOf(wordingOf(input));
}

/** Every form of one notice, ending with its satisfaction check and the shop's support contact. */
export async function render(input: RenderInput): Promise<Rendered> {
  const wording = wordingOf(input);
  const texts = textsOf(wording);
  // No code, no QR: the carrier sent its code to the customer itself.
  const code = WITH_QR.has(input.template) ? input.facts.pickupCode : undefined;
  const html = await emailHtml(emailOf(wording, texts.subject, Boolean(code)));
  const recipient = input.order.customer.name;
  return { ...texts, html, recipient, ...(code && { inline: [await pickupQr(code)] }) };
}

/** A short localized acknowledgement for an SMS reply. */
export function thanks(language: string): string {
  return (CATALOGS[language] ?? CATALOGS.en).common.thanks;
}
