/**
 * Reading Twilio's callbacks (the API's webhook routes are thin adapters over these): the
 * signature, delivery receipts of messages and calls mapped to a notice's final status, inbound
 * texts (STOP/START words, answers with a digit) and digits pressed during a call, and the TwiML reply.
 */
import twilio from 'twilio';
import { z } from 'zod';
import type { ChannelName } from '../../../workflows/contract';
import type { DeliveryReceipt } from '../../../workflows/definitions';
import { describeTwilioCode } from './errors';

/** Where Twilio reports each message's and call's delivery status. */
export const TWILIO_STATUS_PATH = '/webhooks/twilio/status';
/** Where inbound texts arrive and a call posts the digit the customer pressed. */
export const TWILIO_INBOUND_PATH = '/webhooks/twilio/inbound';

export const StatusCallback = z.union([
  z.object({
    MessageSid: z.string().min(1),
    MessageStatus: z.string().min(1),
    ErrorCode: z.coerce.number().int().optional(),
  }),
  z.object({ CallSid: z.string().min(1), CallStatus: z.string().min(1) }),
]);
type StatusCallback = z.infer<typeof StatusCallback>;

export const Inbound = z.object({
  From: z.string().min(1),
  /** The business number written to ("whatsapp:+…" for WhatsApp). */
  To: z.string().optional(),
  Body: z.string().max(1600).optional(),
  MessageSid: z.string().optional(),
  CallSid: z.string().optional(),
  Digits: z.string().max(10).optional(),
});

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE', 'СТОП']);
const START = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const CALL_UNDELIVERED: Record<string, string> = {
  busy: 'busy',
  'no-answer': 'no answer',
  failed: 'call failed',
  canceled: 'call canceled',
};

/** True when `signature` is Twilio's signature of a request to `url` with form `params`. */
export function signedByTwilio(authToken: string, signature: string | undefined, url: string, params: object): boolean {
  return Boolean(signature) && twilio.validateRequest(authToken, signature!, url, params);
}

/** The final word of a status callback, or undefined for an intermediate status (queued, sent, ringing…). */
function finalStatus(body: StatusCallback): Pick<DeliveryReceipt, 'status' | 'reason'> | undefined {
  if ('MessageStatus' in body) {
    if (body.MessageStatus === 'delivered' || body.MessageStatus === 'read')
      return { status: 'delivered', reason: body.MessageStatus };
    if (body.MessageStatus === 'undelivered' || body.MessageStatus === 'failed') {
      return {
        status: 'undelivered',
        reason: body.ErrorCode ? describeTwilioCode(body.ErrorCode) : body.MessageStatus,
      };
    }
    return undefined;
  }
  if (body.CallStatus === 'completed') return { status: 'delivered', reason: 'answered' };
  const why = CALL_UNDELIVERED[body.CallStatus];
  return why ? { status: 'undelivered', reason: why } : undefined;
}

/**
 * A status callback read: the message's or call's sid, Twilio's status word, and the notice's final status if
 * it is one.
 */
export function readStatus(body: StatusCallback): {
  sid: string;
  status: string;
  final?: Pick<DeliveryReceipt, 'status' | 'reason'>;
} {
  const [sid, status] = 'MessageSid' in body ? [body.MessageSid, body.MessageStatus] : [body.CallSid, body.CallStatus];
  return { sid, status, final: finalStatus(body) };
}

/** An inbound text or keypress read. */
export interface InboundMessage {
  channel: ChannelName;
  /** The sender's address as Twilio gives it. */
  from: string;
  /** The business number a WhatsApp message was written to, without its prefix: its 24-hour window opens. */
  whatsappTo?: string;
  /** Made of signed parameters only: a replay cannot forge a new one. */
  id: string;
  /** The call a keypress answers (voice only). */
  callSid?: string;
  /** The opt-out word the customer sent (STOP, СТОП…). */
  stop?: string;
  /** The customer sent an opt-in word (START…). */
  start: boolean;
  /** The digit(s) the customer sent or pressed, when the answer is one (0–99). */
  digit?: number;
}

/** Reads an inbound text or a digit pressed during a call. */
export function readInbound({
  From,
  To,
  Body = '',
  MessageSid,
  CallSid,
  Digits,
}: z.infer<typeof Inbound>): InboundMessage {
  const voice = Boolean(CallSid && Digits !== undefined);
  const word = Body.trim().toUpperCase();
  const answer = voice ? Digits : word;
  const whatsapp = !voice && From.startsWith('whatsapp:');
  return {
    channel: voice ? 'voice' : whatsapp ? 'whatsapp' : 'sms',
    from: From,
    whatsappTo: (whatsapp && To?.replace(/^whatsapp:/, '')) || undefined,
    id: `inbound:${MessageSid ?? CallSid}:${Digits ?? ''}`,
    callSid: voice ? CallSid : undefined,
    stop: STOP.has(word) ? word : undefined,
    start: START.has(word),
    digit: answer?.match(/^\d{1,2}$/) ? Number(answer) : undefined,
  };
}

/** The TwiML answer to an inbound message: empty, or words said on a call or texted back. */
export function twimlReply(channel: ChannelName): { answer(text: string): void; toString(): string } {
  if (channel === 'voice') {
    const voice = new twilio.twiml.VoiceResponse();
    return { answer: (text) => void voice.say(text), toString: () => voice.toString() };
  }
  const messaging = new twilio.twiml.MessagingResponse();
  return { answer: (text) => void messaging.message(text), toString: () => messaging.toString() };
}
