/** The field schemas the shop, the order and the events share: ids, dates, zones, languages. */
import { z } from 'zod';

/** An order or shop id: it becomes part of workflow ids and URLs. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const slug = z.string().regex(ID_PATTERN, 'letters, digits, ".", "_" or "-", at most 64');
export const isoDate = z.iso.date();
export const at = z.iso.datetime({ offset: true });
export const timeZone = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Warsaw');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** A window between two instants, `from` before `to`. */
export const TimeWindow = z
  .object({ from: at, to: at })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { path: ['to'], message: 'must be after from' });

/** Whether a tag is one BCP 47 language tag. */
export function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
