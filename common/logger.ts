/** The process logger, and masking so logs never carry a full phone number or email address. */
import { pino } from 'pino';

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined });

/** "+48600123456" → "+48******456"; "anna@example.com" → "a***@example.com". */
export function mask(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return address.length > 6 ? `${address.slice(0, 3)}${'*'.repeat(address.length - 6)}${address.slice(-3)}` : '***';
}
