/** The `/v1/templates` contract (SPEC: shop branding and templates) as zod schemas, for validation and the document. */
import { z } from 'zod';
import { CATALOGS } from '../../activities/templates/catalog';
import { TEMPLATE_CHANNELS } from '../../activities/templates/validate';
import { TEMPLATE_IDS } from '../../workflows/touchpoints';

const touchpoint = z.enum(TEMPLATE_IDS).describe('a template id (the touchpoint it speaks for)');
const locale = z.enum(Object.keys(CATALOGS) as [string, ...string[]]).describe('a catalog language');
const channel = z
  .enum(TEMPLATE_CHANNELS)
  .describe('telegram wording is kept, but no Telegram sender exists yet: no notice carries it today');
const subject = z.string().trim().min(1).max(300).describe('email only');
const text = z.string().trim().min(1).max(2000).describe('an ICU message; `<track>words</track>` leads to tracking');

export const TemplateSlotParams = z.object({ touchpoint, locale, channel });

export const TemplateBody = z.object({ subject: subject.optional(), text });

export const PreviewBody = z.object({
  touchpoint,
  locale,
  channel,
  subject: subject.optional(),
  text: text.optional().describe('unset: the wording in effect'),
});

export const TemplateEntry = z.object({
  touchpoint,
  locale,
  channel,
  source: z.enum(['built-in', 'shop']),
  version: z.int().optional().describe("the shop's version; unset for the built-in"),
  subject: z.string().optional(),
  text: z.string(),
  author: z.string().optional().describe('the API key that wrote it'),
  updatedAt: z.string().optional().describe('ISO 8601 instant'),
});
export type TemplateEntry = z.infer<typeof TemplateEntry>;

export const TemplateList = z.object({ templates: z.array(TemplateEntry) });

export const PreviewAnswer = z.object({
  subject: z.string(),
  text: z.string().describe("the email's text part"),
  html: z.string().describe("the email's HTML part"),
  sms: z.string().describe("the short body: the SMS's, or for a WhatsApp preview WhatsApp's"),
  segments: z.int().describe('SMS segments the body takes'),
  encoding: z.enum(['GSM-7', 'UCS-2']).describe('the SMS encoding: UCS-2 fits fewer characters in a segment'),
  voice: z.string().describe('what a call says'),
});
