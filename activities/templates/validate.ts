/**
 * A shop's own wording for one template, language and channel, checked before it is kept: ICU syntax
 * (with where it breaks), placeholders the template receives, the placeholders a customer needs that the
 * built-in message carries (order id, dates, the courier's choices, the tracking link), and for SMS and
 * WhatsApp the three segments with the longest values the contract allows.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { TemplateId } from '../../workflows/touchpoints';
import { CATALOGS } from './catalog';
import { renderTexts, shortFor } from './render';
import type { RenderInput, TemplateOverride } from './render-input';
import { MAX_SMS_SEGMENTS, smsSegments } from './sms-length';
import { valuesOf } from './values';

/** The channels a shop writes its own wording for (telegram is kept for when it has a sender). */
export const TEMPLATE_CHANNELS = ['email', 'sms', 'whatsapp', 'voice', 'telegram'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** The wording of one channel: email has a subject, every channel its text. */
export interface Wording {
  subject?: string;
  text: string;
}

/** One refused part of a wording, by its field path (`text`, `subject`). */
export interface WordingError {
  path: 'text' | 'subject';
  message: string;
}

/**
 * What the customer acts on, kept wherever the built-in message has it: the order, its dates, the choices offered,
 * the code that opens a parcel locker (or the line naming the carrier that sends it) and the deadline to use it by.
 */
const REQUIRED = new Set([
  'orderId',
  'promise',
  'newDate',
  'window',
  'day',
  'options',
  'spokenOptions',
  'windows',
  'pin',
  // The pickup code's select: without it a parcel whose carrier sends its own code reads "code: ." with none.
  'hasCode',
  'pickupCode',
  'spokenCode',
  'pickupUntil',
]);

/** The tag that marks the words leading to the tracking page; `map` marks those leading to the pickup point's map. */
const TRACK = 'track';
const TAGS = new Set([TRACK, 'map']);
const LINKED = /\s*<(track|map)>.*?<\/\1>/g;

/** The built-in wording a channel's own stands in for: email's subject and text, the SMS body, the call's words. */
export function builtInWording(template: TemplateId, language: string, channel: TemplateChannel): Wording {
  const messages = CATALOGS[language].templates[template];
  if (channel === 'email') return { subject: messages.subject, text: messages.text };
  // A call says the SMS body without the words that lead to a link (render.ts drops them the same way).
  return { text: channel === 'voice' ? (messages.voice ?? messages.sms.replace(LINKED, '')) : messages.sms };
}

/** A channel's wording as the renderer takes it over the catalog. */
export function overrideOf(channel: TemplateChannel, { subject, text }: Wording): TemplateOverride {
  if (channel === 'email') return subject === undefined ? { text } : { subject, text };
  if (channel === 'sms' || channel === 'whatsapp' || channel === 'voice') return { [channel]: text };
  return {};
}

/** The placeholder and tag names a message uses, at any depth of its selects and plurals. */
function namesIn(elements: MessageFormatElement[], found = { values: new Set<string>(), tags: new Set<string>() }) {
  for (const el of elements) {
    if (el.type === TYPE.tag) {
      found.tags.add(el.value);
      namesIn(el.children, found);
    } else if (el.type !== TYPE.literal && el.type !== TYPE.pound) {
      found.values.add(el.value);
      if (el.type === TYPE.select || el.type === TYPE.plural)
        for (const option of Object.values(el.options)) namesIn(option.value, found);
    }
  }
  return found;
}

/** The parsed message, or why it does not parse and where. */
function parsed(message: string): MessageFormatElement[] | string {
  try {
    return parse(message);
  } catch (err) {
    // The parser's message is its error kind (UNCLOSED_TAG, MISSING_OTHER_CLAUSE …); its location says where.
    const { location } = err as { location?: { start: { line: number; column: number } } };
    const where = location ? ` at line ${location.start.line}, column ${location.start.column}` : '';
    return `not a valid ICU message: ${(err as Error).message}${where}`;
  }
}

/** What is wrong with one part of a wording against the built-in `original` (none: an empty list). */
function partErrors(
  path: WordingError['path'],
  message: string,
  original: string,
  known: Set<string>,
  tagsAllowed: boolean,
): WordingError[] {
  const elements = parsed(message);
  if (typeof elements === 'string') return [{ path, message: elements }];
  const used = namesIn(elements);
  const needed = namesIn(parse(original));
  const unknown = [...used.values].filter((v) => !known.has(v)).map((v) => `{${v}}`);
  const tags = [...used.tags].filter((t) => !tagsAllowed || !TAGS.has(t)).map((t) => `<${t}>`);
  const missing = [...needed.values].filter((v) => REQUIRED.has(v) && !used.values.has(v)).map((v) => `{${v}}`);
  if (tagsAllowed && needed.tags.has(TRACK) && !used.tags.has(TRACK))
    missing.push(`<${TRACK}>…</${TRACK}> (the tracking link)`);
  return [
    ...(unknown.length ? [{ path, message: `unknown placeholder(s) ${unknown.join(', ')}` }] : []),
    ...(tags.length ? [{ path, message: `tag(s) not allowed here: ${tags.join(', ')}` }] : []),
    ...(missing.length ? [{ path, message: `missing required placeholder(s) ${missing.join(', ')}` }] : []),
  ];
}

/**
 * The wording's errors, by field path (none: it may be kept). `longest` is the template's render input with
 * the longest values (sample-input.ts): the wording must render with it, and an SMS fit three segments.
 */
export function wordingErrors(channel: TemplateChannel, wording: Wording, longest: RenderInput): WordingError[] {
  const language = longest.order.customer.locale;
  const original = builtInWording(longest.template, language, channel);
  const known = new Set(Object.keys(valuesOf(longest, CATALOGS[language], language, () => '')));
  const errors = partErrors('text', wording.text, original.text, known, channel !== 'voice');
  if (wording.subject !== undefined) {
    errors.push(
      ...(original.subject === undefined
        ? [{ path: 'subject' as const, message: `only email has a subject, not ${channel}` }]
        : partErrors('subject', wording.subject, original.subject, known, false)),
    );
  }
  return errors.length ? errors : renderErrors(channel, wording, longest);
}

/**
 * A wording that parses may still fail to format (a plural over a word) or, as an SMS, not fit: more than three
 * segments, or where even the built-in message cannot fit (a Cyrillic tracking SMS with a 64-character order id
 * and the link that repeats it), more than the built-in takes.
 */
function renderErrors(channel: TemplateChannel, wording: Wording, longest: RenderInput): WordingError[] {
  let short: string;
  try {
    short = shortFor(channel, renderTexts({ ...longest, override: overrideOf(channel, wording) }));
  } catch (err) {
    return [{ path: 'text', message: `does not format: ${(err as Error).message}` }];
  }
  if (channel !== 'sms' && channel !== 'whatsapp') return [];
  const segments = smsSegments(short);
  if (segments <= MAX_SMS_SEGMENTS) return [];
  const most = Math.max(MAX_SMS_SEGMENTS, smsSegments(renderTexts(longest).short));
  return segments > most
    ? [{ path: 'text', message: `takes ${segments} SMS segments with the longest values; at most ${most}` }]
    : [];
}
