/**
 * The process logger, and masking so logs never carry a full phone number or email address: code
 * masks what it logs on purpose (`mask`), and every line is scrubbed once more on its way out, so
 * an address inside a provider's error message or a stack trace is masked too.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

/** "+48600123456" → "+48******456"; "anna@example.com" → "a***@example.com". */
export function mask(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return address.length > 6 ? `${address.slice(0, 3)}${'*'.repeat(address.length - 6)}${address.slice(-3)}` : '***';
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// E.164 as stored and as providers write it back, groups perhaps spaced (dates and ids carry no "+").
const PHONE = /\+\d(?:[ -]?\d){7,14}/g;

/** Masks every email address and phone number in a text. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, mask).replace(PHONE, (m) => mask(m.replace(/[ -]/g, '')));
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack && scrubText(value.stack) };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/** A logger writing JSON lines to `destination` (stdout unless given), every field and message scrubbed. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: undefined,
    formatters: { log: (object: Record<string, unknown>) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)));
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
