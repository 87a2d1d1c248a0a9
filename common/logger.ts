/**
 * The process logger, and masking so logs never carry a full phone number or email address: code
 * masks what it logs on purpose (`mask`), and every finished line is scrubbed once more on its way
 * out, so an address inside a provider's error message or a stack trace is masked too.
 */
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { logLevel } from './config/observability';

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

/**
 * A logger writing JSON lines at `level` to `destination` (stdout unless given); each finished line is
 * scrubbed, whatever put an address in it (a field, a child's binding, a message, an error).
 */
export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
  const options = {
    level,
    base: undefined,
    // "level":"info" and an ISO time, as log stores (Loki, Elasticsearch) and people read them.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: stdTimeFunctions.isoTime,
    hooks: { streamWrite: scrubText },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
