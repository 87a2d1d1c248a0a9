/**
 * A staff member's test of a draft wording: the slot's notice rendered with sample facts and the draft over the
 * catalog, marked as a test and sent once to the staff member's own address through the worker's channel,
 * from the shop's own sender. It is no notice of a chain: no ledger row, no opt-out check, no report fact.
 */
import { Context } from '@temporalio/activity';
import { mask } from '../../common/logger';
import type { ChannelName } from '../../workflows/channels';
import type { Shop } from '../../workflows/shop';
import type { TemplateId } from '../../workflows/touchpoints';
import { classify } from '../channels/failures';
import type { ActivityDeps } from '../deps';
import type { Rendered } from '../templates/render';
import { sampleNotice } from '../templates/sample-notice';
import { overrideOf, type Wording } from '../templates/validate';

export interface TemplateTestInput {
  shop: Shop;
  template: TemplateId;
  language: string;
  channel: ChannelName;
  /** The draft from the editor's form, checked as a save checks it. */
  wording: Wording;
  /** The staff member's own address on the channel. */
  to: string;
  /** Who asked, as the audit trail names them. */
  staff: string;
}

/** Sent (to the address as the page may show it, masked), or why not in the words support reads. */
export type TemplateTestResult = { sent: { to: string; providerId: string } } | { failed: string };

/** What marks a test in every form of the notice. */
const TEST_MARK = '[Test]';

const marked = (r: Rendered): Rendered => ({
  ...r,
  subject: `${TEST_MARK} ${r.subject}`,
  short: `${TEST_MARK} ${r.short}`,
  ...(r.whatsapp && { whatsapp: `${TEST_MARK} ${r.whatsapp}` }),
  spoken: `${TEST_MARK} ${r.spoken}`,
});

/** The sendTemplateTest activity, closed over its dependencies. */
export function sendTemplateTestActivity(deps: Pick<ActivityDeps, 'channels' | 'voices' | 'log' | 'publicBaseUrl'>) {
  return async function sendTemplateTest(input: TemplateTestInput): Promise<TemplateTestResult> {
    const { shop, channel: name, to } = input;
    const sender = deps.voices.get(shop.id);
    const log = deps.log.child({ shop: shop.id, template: input.template, channel: name, staff: input.staff });
    const channel = deps.channels[name];
    if (!channel || channel.unsetFor?.(sender)) {
      log.warn({ to: mask(to) }, 'template test not sent: the channel is not set up');
      return { failed: `${name} is not set up for this shop` };
    }
    const rendered = await sampleNotice({
      template: input.template,
      language: input.language,
      shop,
      override: overrideOf(name, input.wording),
      brand: sender?.brand,
      publicBaseUrl: deps.publicBaseUrl,
    });
    // The workflow's id is the test's: a provider that keys on it sees a repeat as one message.
    const { workflowExecution, activityId } = Context.current().info;
    const idempotencyKey = workflowExecution?.workflowId ?? activityId;
    try {
      const sent = await channel.send({ to, idempotencyKey, rendered: marked(rendered), sender });
      log.info({ to: mask(to), providerId: sent.providerId }, 'template test sent');
      return { sent: { to: mask(to), providerId: sent.providerId } };
    } catch (err) {
      const { reason } = classify(err);
      log.warn({ to: mask(to), reason }, 'template test not accepted');
      return { failed: reason };
    }
  };
}
