/**
 * "Preview the chain": every notice a scenario's chain would send a customer of the staff member's
 * shop, in order, at its customer-local time, with each wait and its reason, rendered by the
 * notices' own renderer for each channel (email, SMS, voice). Worked out in the API process from
 * the chain's rules; no Temporal server, no test tooling.
 */
import { contentFor } from '../activities/channels/channel';
import { renderTexts } from '../activities/templates/render';
import type { ChannelName, Shop } from '../workflows/contract';
import { scaleOf } from '../workflows/touchpoints';
import { modelChain } from './chain-model';
import { localTimeOf, planFrom, type Plan } from './plan';
import { schedule } from './schedule';
import { PERSONAS, SCENARIOS, type JourneyLocale, type JourneyScenario } from './scenarios';

/** The channels each notice is shown on. */
const PREVIEW_CHANNELS: ChannelName[] = ['email', 'sms', 'voice'];

/** A notice as the customer meets it, in the preview and in a journey through the real chain. */
export interface CustomerNotice {
  /** Touchpoint key (`delay-2`) and the notice's revision on it (a window agreed after Doorstep asked counts up). */
  touchpoint: string;
  revision: number;
  /** Urgent notices may break quiet hours and do not count against the daily cap. */
  urgent: boolean;
  /** When it reaches the customer (ISO), and that moment as the customer reads it ("Tue 24 Nov 10:00"). */
  at: string;
  localTime: string;
}

export interface PreviewNotice extends CustomerNotice {
  /** The channel it goes by: the first of the customer's it tries. */
  channel: ChannelName;
  waits: string[];
  /** Why it never went, if it did not (`at` is then when it was dropped). */
  dropped?: string;
  /** What it says on each channel. */
  forms: { channel: ChannelName; subject?: string; text: string }[];
}

export interface Preview {
  scenario: JourneyScenario;
  locale: JourneyLocale;
  summary: string;
  shop: Shop;
  customer: string;
  timezone: string;
  notices: PreviewNotice[];
}

/** The shop's notice rules in a line: quiet hours and the daily cap. */
export function shopRules({
  quietHours: { start, end },
  maxNoticesPerDay,
}: Pick<Shop, 'quietHours' | 'maxNoticesPerDay'>): string {
  const quiet = start === end ? 'no quiet hours' : `quiet hours ${start}–${end}`;
  return `${quiet}, at most ${maxNoticesPerDay} non-urgent notices a day`;
}

/** "courier-call", or "courier-call #2" for a touchpoint's second notice. */
export const noticeName = ({ touchpoint, revision }: Pick<CustomerNotice, 'touchpoint' | 'revision'>) =>
  revision > 1 ? `${touchpoint} #${revision}` : touchpoint;

export interface PreviewRequest {
  scenario: JourneyScenario;
  locale: JourneyLocale;
  shop: Shop;
  /** The day the journey starts; unset, next Monday. */
  day0?: Plan['day0'];
  /** Where the sample links in the texts point (they carry no real token). */
  baseUrl: string;
}

/** The scenario's notices for the shop, as its customer in `locale` would get them. */
export function previewOf({ scenario, locale, shop, day0, baseUrl }: PreviewRequest): Preview {
  const persona = PERSONAS[locale];
  const frame = { scenario, locale, shop, orderId: 'PREVIEW-1' };
  const plan: Plan = day0 ? { ...frame, day0 } : planFrom(frame, Date.now());
  const model = modelChain(plan);
  const links = {
    trackingUrl: `${baseUrl}/t/sample`,
    ratingUrl: `${baseUrl}/r/sample`,
    unsubscribeUrl: `${baseUrl}/u/sample`,
  };
  const notices = schedule(model, shop).map((n): PreviewNotice => {
    const rendered = renderTexts({
      template: n.template,
      shop,
      order: model.order,
      facts: n.facts,
      scale: scaleOf(n.key),
      ...links,
    });
    const at = n.sentAt ?? n.dropped!.at;
    return {
      touchpoint: n.key,
      revision: n.revision,
      urgent: n.urgent,
      channel: n.channels[0],
      at: new Date(at).toISOString(),
      localTime: localTimeOf(at, persona.timezone, locale),
      waits: n.waits,
      dropped: n.dropped?.reason,
      forms: PREVIEW_CHANNELS.map((channel) => ({ channel, ...contentFor(channel, rendered) })),
    };
  });
  return {
    scenario,
    locale,
    summary: SCENARIOS[scenario].summary,
    shop,
    customer: persona.name,
    timezone: persona.timezone,
    notices,
  };
}
