/**
 * Twilio's callbacks, accepted only with a valid X-Twilio-Signature computed over PUBLIC_BASE_URL
 * and handled once (a replay changes nothing, a failed handling is retried): delivery receipts move a notice's status (and a
 * failed one to the next channel); inbound texts toggle STOP/START or answer with a digit; a
 * digit pressed during a call answers the question the call asked.
 */
import { Router, type RequestHandler } from 'express';
import twilio from 'twilio';
import { z } from 'zod';
import { describeTwilioCode } from '../../activities/channels/errors';
import { thanks } from '../../activities/templates/render';
import type { AddressKeyer } from '../../store/address-key';
import { EVERY_SHOP } from '../../store/opt-outs';
import type { Store } from '../../store';
import type { ChannelName } from '../../workflows/contract';
import type { DeliveryReceipt } from '../../workflows/definitions';
import type { Chains } from '../chains';
import { countReceipt } from '../metrics';
import { invalid, problem } from '../problem';

export interface TwilioRouterDeps {
  authToken?: string;
  publicBaseUrl: string;
  chains: Chains;
  store: Store;
  addressKey: AddressKeyer;
}

const StatusCallback = z.union([
  z.object({
    MessageSid: z.string().min(1),
    MessageStatus: z.string().min(1),
    ErrorCode: z.coerce.number().int().optional(),
  }),
  z.object({ CallSid: z.string().min(1), CallStatus: z.string().min(1) }),
]);
const Inbound = z.object({
  From: z.string().min(1),
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

/** The final word of a status callback, or undefined for an intermediate status (queued, sent, ringing…). */
function finalStatus(body: z.infer<typeof StatusCallback>): Pick<DeliveryReceipt, 'status' | 'reason'> | undefined {
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

export function twilioRouter({ authToken, publicBaseUrl, chains, store, addressKey }: TwilioRouterDeps): Router {
  const router = Router();

  const signed: RequestHandler = (req, res, next) => {
    if (!authToken) return problem(res, 404, 'Twilio is not configured');
    const signature = req.get('x-twilio-signature');
    if (
      !signature ||
      !twilio.validateRequest(authToken, signature, `${publicBaseUrl}${req.originalUrl}`, req.body ?? {})
    ) {
      return problem(res, 403, 'missing or invalid X-Twilio-Signature');
    }
    next();
  };
  /**
   * Handles a callback once: `id` is made of signed parameters only (a replay cannot forge a new
   * one); when handling fails the id is forgotten, so that Twilio's retry is handled.
   */
  async function once(id: string, handle: () => Promise<void>): Promise<void> {
    if (!(await store.webhooks.firstTime(id))) return;
    try {
      await handle();
    } catch (err) {
      await store.webhooks.forget(id);
      throw err;
    }
  }
  const twiml = (res: Parameters<RequestHandler>[1], xml: { toString(): string }) =>
    void res.type('text/xml').send(xml.toString());

  router.post('/webhooks/twilio/status', signed, async (req, res) => {
    const parsed = StatusCallback.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const body = parsed.data;
    const [sid, status] =
      'MessageSid' in body ? [body.MessageSid, body.MessageStatus] : [body.CallSid, body.CallStatus];
    // A callback can overtake the ledger write of the send it reports on (the worker records the sid
    // moments after Twilio answered): nothing is recorded and the sender is asked to try again.
    const row = await store.ledger.byProviderId(sid);
    if (!row) {
      res.set('Retry-After', '5');
      return problem(res, 503, `message ${sid} is not known (yet): try again`);
    }
    await once(`status:${sid}:${status}`, async () => {
      await store.ledger.delivery(sid, status);
      const final = finalStatus(body);
      if (final)
        await chains.receipt(row.workflowId, row.chainId, {
          touchpoint: row.touchpoint,
          providerId: sid,
          ...final,
          at: new Date().toISOString(),
        });
      countReceipt(row.channel, status);
    });
    res.status(204).end();
  });

  router.post('/webhooks/twilio/inbound', signed, async (req, res) => {
    const parsed = Inbound.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const { From, Body = '', MessageSid, CallSid, Digits } = parsed.data;
    const voice = Boolean(CallSid && Digits !== undefined);
    const channel: ChannelName = voice ? 'voice' : From.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
    const reply = voice ? new twilio.twiml.VoiceResponse() : new twilio.twiml.MessagingResponse();
    await once(`inbound:${MessageSid ?? CallSid}:${Digits ?? ''}`, async () => {
      const word = Body.trim().toUpperCase();
      const key = addressKey(From);
      // Twilio itself answers STOP and START; Doorstep records them for every later notice.
      if (STOP.has(word)) return store.optOuts.optOut(EVERY_SHOP, channel, key, `${word} by ${channel}`);
      if (START.has(word)) return store.optOuts.optIn(EVERY_SHOP, channel, key);
      const answer = voice ? Digits : word;
      const row = voice ? await store.ledger.byProviderId(CallSid!) : await store.ledger.latestTo(key, [channel]);
      if (!answer?.match(/^\d{1,2}$/) || !row) return;
      if (
        !(await chains.reply(row.chainId, {
          touchpoint: row.touchpoint,
          digit: Number(answer),
          channel,
          at: new Date().toISOString(),
        }))
      )
        return;
      if (reply instanceof twilio.twiml.VoiceResponse) reply.say(thanks(row.locale));
      else reply.message(thanks(row.locale));
    });
    twiml(res, reply);
  });

  return router;
}
