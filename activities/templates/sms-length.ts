/**
 * SMS length: segments counted the way carriers count them (GSM-7 or UCS-2, by
 * sms-segments-calculator), and a body fitted into the three segments the README promises by
 * shortening its free-text parts, never the order id, a date, a time or a link.
 */
import { SegmentedMessage } from 'sms-segments-calculator';

/** An SMS (and so a WhatsApp message, which shares its body) takes at most this many segments. */
export const MAX_SMS_SEGMENTS = 3;

/**
 * A body this short fits the three segments in any encoding, uncounted (counting costs a third of a
 * millisecond): three UCS-2 parts hold 67 UTF-16 units each, 66 where a surrogate pair would straddle
 * a boundary, and three GSM-7 parts hold 459 septets, two per extension character.
 */
const SURELY_FITS = MAX_SMS_SEGMENTS * 66;

/** An SMS body's encoding and the segments it takes: GSM-7 (160 characters, or 153 per part) or UCS-2 (70, or 67 per part). */
export function smsLength(text: string): { segments: number; encoding: 'GSM-7' | 'UCS-2' } {
  const message = new SegmentedMessage(text);
  return { segments: message.segmentsCount, encoding: message.encodingName };
}

/** How many segments an SMS body takes. */
export const smsSegments = (text: string): number => smsLength(text).segments;

/**
 * Typographic characters outside the GSM alphabet with their plain forms: any one of them would halve every
 * segment.
 */
const PLAIN: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
};

/** Plain spaces, dashes, quotes and dots for the typographic ones ICU and the catalogs use. */
function smsText(text: string): string {
  return text.replace(/[\u00a0\u202f\u2013\u2014\u2026\u2018\u2019\u201c\u201d\u201e]/g, (c) => PLAIN[c]);
}

/** A text and its segments, counted once. */
interface Counted {
  text: string;
  segments: number;
}

/**
 * The message with its Latin letters outside GSM-7 written plain ("zażółć" → "zazolc", as Polish SMS
 * often are), when that makes the whole text GSM-7 (three times the room); otherwise undefined.
 */
function plainLatin(message: SegmentedMessage): Counted | undefined {
  if (message.encodingName === 'GSM-7') return undefined;
  const outside = new Set(message.getNonGsmCharacters());
  const text = message.graphemes
    .map((g) => (outside.has(g) ? g.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L') : g))
    .join('');
  const plain = new SegmentedMessage(text);
  return plain.encodingName === 'GSM-7' ? { text, segments: plain.segmentsCount } : undefined;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `cap` characters with an ellipsis, at the end of a word when one ends near the cut. */
export function cut(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const chars = Array.from(graphemes.segment(text), (s) => s.segment);
  if (chars.length <= cap) return text;
  const head = chars.slice(0, Math.max(cap - 1, 0)).join('');
  const words = head.replace(/\s+\S*$/, '');
  return `${words.length >= head.length * 0.6 ? words : head.trimEnd()}…`;
}

/** Free-text parts are not cut shorter than this while dropping the rating hint could make room instead. */
const READABLE_CAP = 16;

/**
 * The text within three segments: whole or written plain, else with its parts cut to the largest
 * cap (not below `floor`) bisection finds; undefined if none fits.
 */
function fullestFitting(build: (cap: number) => string, floor = 1): string | undefined {
  const whole = build(Infinity);
  const fitting = (cap: number): string | undefined => {
    const text = smsText(cap === Infinity ? whole : build(cap));
    if (text.length <= SURELY_FITS) return text;
    const message = new SegmentedMessage(text);
    if (message.segmentsCount <= MAX_SMS_SEGMENTS) return text;
    const plain = plainLatin(message);
    return plain && plain.segments <= MAX_SMS_SEGMENTS ? plain.text : undefined;
  };
  const fits = fitting(Infinity);
  if (fits !== undefined) return fits;
  // No part is longer than the whole text, so its length is a cap that cuts nothing.
  let [lo, hi] = [floor - 1, whole.length];
  let best: string | undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const text = fitting(mid);
    if (text === undefined) hi = mid;
    else [lo, best] = [mid, text];
  }
  // The bisection kept the fullest text that fit (none: nothing fits at `floor` or above).
  return best;
}

/**
 * The fullest form of an SMS within three segments. `body(cap)` and `hint(cap)` (the rating hint)
 * render with every free-text part cut to at most `cap` characters (Infinity: whole). Only when
 * the order id, dates and links leave too little room for readable parts does the hint go, then
 * the parts are cut further; if nothing fits, the shortest body goes in more segments (a notice is
 * never dropped for its length).
 */
export function fitSms(body: (cap: number) => string, hint?: (cap: number) => string): string {
  const withHint = hint && ((cap: number) => `${body(cap)} ${hint(cap)}`);
  return (
    (withHint && fullestFitting(withHint, READABLE_CAP)) ??
    fullestFitting(body, READABLE_CAP) ??
    fullestFitting(body) ??
    smsText(body(1))
  );
}
