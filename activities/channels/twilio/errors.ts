/** Twilio's error codes that will not succeed on retry, and its delivery-receipt codes, in the words support reads. */
import type { Classified, VendorError } from '../failures';

/** Twilio error codes that will not succeed on retry. */
const PERMANENT: Record<number, string> = {
  20003: 'authentication failed',
  21211: 'invalid number',
  21214: 'number cannot be reached',
  21217: 'invalid phone number',
  21408: 'region not enabled',
  21603: 'no sender: a From number or a Messaging Service is required',
  21610: 'recipient opted out (STOP)',
  21612: 'number cannot receive this message',
  21614: 'not a mobile number',
  21705: 'invalid Messaging Service',
  63003: 'not reachable on WhatsApp',
  // WhatsApp's window and templates: https://www.twilio.com/docs/api/errors/63016, /21654, /21656, /63027, /63028.
  63016: 'outside the WhatsApp 24 h session: a free-form message needs an approved template',
  21654: 'template variables without a ContentSid',
  21656: 'invalid template variables (ContentVariables)',
  63027: 'WhatsApp template does not exist for this language',
  63028: 'template variables do not match the template',
};
/** Twilio delivery-receipt error codes (asynchronous failures). */
const RECEIPT: Record<number, string> = {
  30003: 'unreachable handset',
  30004: 'message blocked',
  30005: 'unknown number',
  30006: 'landline or unreachable carrier',
  30007: 'filtered by the carrier',
  30008: 'unknown error',
};

/** Twilio's code for a recipient who answered STOP. */
const OPTED_OUT = 21610;

/** "30003 unreachable handset" for a Twilio error code. */
export function describeTwilioCode(code: number): string {
  return `${code} ${PERMANENT[code] ?? RECEIPT[code] ?? 'error'}`;
}

/** Reads a Twilio error whose code is known to be permanent; undefined leaves it to the shared HTTP rules. */
export function classifyTwilio(e: VendorError): Classified | undefined {
  if (typeof e.code !== 'number' || !(e.code in PERMANENT)) return undefined;
  const classified: Classified = { permanent: true, reason: describeTwilioCode(e.code), code: e.code };
  return e.code === OPTED_OUT ? { ...classified, optedOut: `Twilio ${OPTED_OUT}` } : classified;
}
