/**
 * A WhatsApp notice as WhatsApp allows it: free-form (the short body) within 24 hours of the customer's last
 * message to the shop's WhatsApp number, else the shop's approved template for the notice and the customer's
 * language (ShopVoice.twilio.whatsappTemplates), sent with Doorstep's numbered variables
 * (https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder,
 * https://www.twilio.com/docs/api/errors/63016); with neither the channel is skipped and the next one takes it.
 */
import type { ShopVoice } from '../../common/config';
import { DAY_MS } from '../../workflows/durations';
import type { Channel, TemplateContent } from '../channels/channel';
import { customerDates } from '../templates/dates';
import type { SendNoticeInput } from './input';

/**
 * Doorstep's ContentVariables, the same for every notice, so that a shop builds its templates in Twilio's Content
 * Template Builder with these placeholders (every one always has a value: Twilio refuses an empty one, 21656):
 *
 * | variable | value                                                                              |
 * | -------- | ---------------------------------------------------------------------------------- |
 * | {{1}}    | the shop's name                                                                    |
 * | {{2}}    | the order id                                                                       |
 * | {{3}}    | the notice's date: the delivery window, else the new date, else the promised date, |
 * |          | in the customer's language and zone; "—" for a notice that names none              |
 * | {{4}}    | the tracking link                                                                  |
 * | {{5}}    | the notice's own rating link                                                       |
 */
export function templateVariables(input: SendNoticeInput, ratingUrl: string): Record<string, string> {
  const { shop, order, facts, trackingUrl } = input;
  const { day, time } = customerDates(order.customer.timezone, order.customer.locale);
  const span = (w: { from: string; to: string }, part: (iso: string) => string) => `${part(w.from)}–${part(w.to)}`;
  const when =
    (facts.window && `${day(facts.window.from)}, ${span(facts.window, time)}`) ||
    (facts.newDate && day(facts.newDate)) ||
    (facts.promisedWindow && span(facts.promisedWindow, day)) ||
    (facts.promisedDate && day(facts.promisedDate)) ||
    '—';
  return { '1': shop.name, '2': order.orderId, '3': when, '4': trackingUrl, '5': ratingUrl };
}

/** The 24-hour customer service window. */
export const SESSION_MS = DAY_MS;

/** How a WhatsApp notice goes: free-form (no content), as a template, or skipped with the reason. */
export type WhatsAppForm = { content?: TemplateContent } | { skipped: string };

/** The shop's approved template for `input`: the customer's exact locale first, then its language. */
function approvedTemplate(voice: ShopVoice | undefined, input: SendNoticeInput, language: string) {
  const byLocale = voice?.twilio?.whatsappTemplates?.[input.template];
  return byLocale?.[input.order.customer.locale] ?? byLocale?.[language];
}

/**
 * How the notice goes on `channel` to the customer keyed `addressKey`, their last message to the shop's number
 * read by `lastInbound`.
 */
export async function whatsappForm(
  channel: Channel,
  {
    input,
    language,
    variables,
    voice,
    now,
  }: {
    input: SendNoticeInput;
    language: string;
    variables: Record<string, string>;
    voice: ShopVoice | undefined;
    now: Date;
  },
  lastInbound: (sender: string) => Promise<Date | undefined>,
): Promise<WhatsAppForm> {
  const sender = channel.fromNumber?.(voice);
  const last = sender ? await lastInbound(sender) : undefined;
  if (last && now.getTime() - last.getTime() < SESSION_MS) return {};
  const sid = approvedTemplate(voice, input, language);
  if (sid) return { content: { sid, variables } };
  return { skipped: `no approved WhatsApp template for ${input.template} in ${language}, outside the 24 h session` };
}
