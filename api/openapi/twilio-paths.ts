/** The Twilio webhooks' entries in the document (their router validates Twilio's own form fields). */
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { problems } from './components';
import { registerOperation } from './route';

const signature = z.object({
  'x-twilio-signature': z.string().describe("Twilio's signature over PUBLIC_BASE_URL and the form"),
});

/** Documents a signed form Twilio posts to `path`, which answers `answers` besides its refusals. */
function twilioForm(registry: OpenAPIRegistry, path: string, summary: string, answers: Record<number, ResponseConfig>) {
  registerOperation(registry, {
    method: 'post',
    path,
    summary,
    request: { body: z.record(z.string(), z.string()) },
    bodyType: 'application/x-www-form-urlencoded',
    signature,
    responses: { ...answers, ...problems(400, 403, 404) },
  });
}

/** Enters `/webhooks/twilio/status` and `/webhooks/twilio/inbound` in the document. */
export function registerTwilioPaths(registry: OpenAPIRegistry): void {
  twilioForm(registry, '/webhooks/twilio/status', 'Delivery receipts (Twilio status callbacks)', {
    204: { description: 'recorded' },
    ...problems(503),
  });
  twilioForm(registry, '/webhooks/twilio/inbound', 'Inbound texts and digits pressed during a call', {
    200: { description: 'TwiML answer', content: { 'text/xml': { schema: z.string() } } },
  });
}
