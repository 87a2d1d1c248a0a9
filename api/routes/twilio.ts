/**
 * Twilio's callbacks, accepted only with a valid X-Twilio-Signature computed over PUBLIC_BASE_URL
 * and handled once (a replay changes nothing, a failed handling is retried): delivery receipts move a
 * notice's status (and a failed one to the next channel); inbound texts toggle STOP/START or answer with a
 * digit, and a WhatsApp one opens the customer's 24-hour window with that business number; a digit pressed
 * during a call answers the question the call asked. The Twilio provider
 * (activities/channels/twilio/webhooks.ts) reads them; this adapter records and forwards.
 */
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  Inbound,
  readInbound,
  readStatus,
  signedByTwilio,
  StatusCallback,
  TWILIO_INBOUND_PATH,
  TWILIO_STATUS_PATH,
  twimlReply,
} from '../../activities/channels/twilio/webhooks';
import { thanks } from '../../activities/templates/render';
import type { AddressKeyer } from '../../store/address-key';
import { EVERY_SHOP } from '../../store/opt-outs';
import type { Store } from '../../store';
import type { Chains } from '../chains';
import { countReceipt } from '../metrics';
import { problems } from '../openapi/components';
import { registerOperation } from '../openapi/route';
import { invalid, problem } from '../problem';

const signature = z.object({
  'x-twilio-signature': z.string().describe("Twilio's signature over PUBLIC_BASE_URL and the form"),
});

export interface TwilioRouterDeps {
  authToken?: string;
  publicBaseUrl: string;
  chains: Chains;
  store: Store;
  addressKey: AddressKeyer;
  registry: OpenAPIRegistry;
}

/** Twilio's webhook routes, each entered in `registry` where it is installed. */
export function twilioRouter({
  authToken,
  publicBaseUrl,
  chains,
  store,
  addressKey,
  registry,
}: TwilioRouterDeps): Router {
  const router = Router();

  const signed: RequestHandler = (req, res, next) => {
    if (!authToken) return problem(res, 404, 'Twilio is not configured');
    const url = `${publicBaseUrl}${req.originalUrl}`;
    if (!signedByTwilio(authToken, req.get('x-twilio-signature'), url, req.body ?? {})) {
      return problem(res, 403, 'missing or invalid X-Twilio-Signature');
    }
    next();
  };
  /**
   * Installs a signed form Twilio posts to `path` and documents it as answering `answers` besides its
   * refusals; the handler validates Twilio's own fields (the document states only a form of strings).
   */
  function post(path: string, summary: string, answers: Record<number, ResponseConfig>, handler: RequestHandler) {
    registerOperation(registry, {
      method: 'post',
      path,
      summary,
      request: { body: z.record(z.string(), z.string()) },
      bodyType: 'application/x-www-form-urlencoded',
      signature,
      responses: { ...answers, ...problems(400, 403, 404) },
    });
    router.post(path, signed, handler);
  }
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

  const recorded = { 204: { description: 'recorded' }, ...problems(503) };
  post(TWILIO_STATUS_PATH, 'Delivery receipts (Twilio status callbacks)', recorded, async (req, res) => {
    const parsed = StatusCallback.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const { sid, status, final } = readStatus(parsed.data);
    // A callback can overtake the ledger write of the send it reports on (the worker records the sid
    // moments after Twilio answered): nothing is recorded and the sender is asked to try again.
    const row = await store.ledger.byProviderId(sid);
    if (!row) {
      res.set('Retry-After', '5');
      return problem(res, 503, `message ${sid} is not known (yet): try again`);
    }
    await once(`status:${sid}:${status}`, async () => {
      await store.ledger.delivery(sid, status);
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

  const twiml = { 200: { description: 'TwiML answer', content: { 'text/xml': { schema: z.string() } } } };
  post(TWILIO_INBOUND_PATH, 'Inbound texts and digits pressed during a call', twiml, async (req, res) => {
    const parsed = Inbound.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error);
    const inbound = readInbound(parsed.data);
    const { channel } = inbound;
    const reply = twimlReply(channel);
    await once(inbound.id, async () => {
      const key = addressKey(inbound.from);
      // Any message from the customer, STOP included, opens WhatsApp's 24-hour window with that business number.
      if (inbound.whatsappTo) await store.whatsappSessions.heard(inbound.whatsappTo, key, new Date());
      // Twilio itself answers STOP and START; Doorstep records them for every later notice.
      if (inbound.stop) return store.optOuts.optOut(EVERY_SHOP, channel, key, `${inbound.stop} by ${channel}`);
      if (inbound.start) return store.optOuts.optIn(EVERY_SHOP, channel, key);
      const row = inbound.callSid
        ? await store.ledger.byProviderId(inbound.callSid)
        : await store.ledger.latestTo(key, [channel]);
      if (inbound.digit === undefined || !row) return;
      const at = new Date().toISOString();
      if (await chains.reply(row.chainId, { touchpoint: row.touchpoint, digit: inbound.digit, channel, at }))
        reply.answer(thanks(row.locale));
    });
    res.type('text/xml').send(reply.toString());
  });

  return router;
}
