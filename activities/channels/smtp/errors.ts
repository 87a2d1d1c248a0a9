/**
 * SMTP replies and nodemailer's own refusals, classified: a 5xx reply or a refused login is permanent, a 4xx
 * reply transient.
 */
import { scrubbedMessage, type Classified, type VendorError } from '../failures';

/** Reads an SMTP reply or a nodemailer refusal; undefined for anything else (connection errors are shared). */
export function classifySmtp(e: VendorError): Classified | undefined {
  if (typeof e.responseCode === 'number') {
    // SMTP replies often quote the recipient: reasons end up in logs and on the chain, addresses must not.
    const reply = (e.response ?? e.message ?? '')
      .replace(/\s+/g, ' ')
      .replace(/<?[^\s<>@]+@[^\s<>]+>?/g, '<address>')
      .slice(0, 120);
    return { permanent: e.responseCode >= 500, reason: `SMTP ${reply}`, code: e.responseCode };
  }
  if (e.code === 'EAUTH' || e.code === 'EENVELOPE')
    return { permanent: true, reason: `${e.code} ${scrubbedMessage(e) ?? ''}`.trim(), code: e.code };
  return undefined;
}
