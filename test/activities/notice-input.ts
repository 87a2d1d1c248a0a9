/** A sendNotice input for activity tests. */
import type { SendNoticeInput } from '../../activities';
import { order, shop } from '../helpers/fixtures';

export function noticeInput(channels: string[], touchpoint = 'tracking'): SendNoticeInput {
  const o = order({ orderId: 'A-100' });
  return {
    shop: shop(),
    order: { ...o, customer: { ...o.customer, channels: channels as SendNoticeInput['order']['customer']['channels'] } },
    touchpoint,
    template: 'tracking',
    facts: {},
    trackingUrl: 'http://localhost:8080/t/abc',
  };
}
