/** Plain English notices, one per template id. Dates arrive already formatted for the customer. */
import type { TemplateId } from '../../workflows/touchpoints';
import type { TemplateContext } from './render';

type Template = (c: TemplateContext) => { subject: string; text: string };

export const en: Record<TemplateId, Template> = {
  confirmation: (c) => ({
    subject: `${c.shop}: order ${c.orderId} accepted`,
    text: `Hello ${c.name}, we have accepted your order ${c.orderId} (${c.items}). We promise delivery ${c.promise}.`,
  }),
  tracking: (c) => ({
    subject: `${c.shop}: order ${c.orderId} is on its way`,
    text: `Your order ${c.orderId} is with ${c.carrier}. Follow it here: ${c.trackingUrl}`,
  }),
  delay: (c) => ({
    subject: `${c.shop}: order ${c.orderId} is ${c.days} day(s) late`,
    text:
      `We are sorry: your order ${c.orderId} will arrive ${c.days} day(s) later than promised, because ${c.reason}. ` +
      `The new delivery date is ${c.newDate}. Follow it here: ${c.trackingUrl}`,
  }),
  arrival: (c) => ({
    subject: `${c.shop}: order ${c.orderId} is in ${c.city}`,
    text: `Your order ${c.orderId} has reached ${c.city}. The courier will call you to agree a delivery time.`,
  }),
  'courier-call': (c) => ({
    subject: `${c.shop}: delivery ${c.window}`,
    text: `The courier will bring order ${c.orderId} ${c.window}. Give the courier your delivery PIN: ${c.pin}.`,
  }),
  'courier-call-request': (c) => ({
    subject: `${c.shop}: when shall we deliver order ${c.orderId}?`,
    text: `Your order ${c.orderId} is out for delivery. Please call ${c.support} or reply to choose a delivery time.`,
  }),
  'failed-attempt': (c) => ({
    subject: `${c.shop}: we missed you`,
    text: `The courier could not deliver order ${c.orderId}. They will call you to agree a new time.`,
  }),
  handover: (c) => ({
    subject: `${c.shop}: order ${c.orderId} delivered`,
    text:
      `Your order ${c.orderId} has been delivered. Please check the parcel; if anything is wrong, or you want to return it, ` +
      `contact ${c.support} within ${c.returnDays} day(s).`,
  }),
  'return-accepted': (c) => ({
    subject: `${c.shop}: return of order ${c.orderId} accepted`,
    text: `We have accepted your return of order ${c.orderId}. Pack the items; the courier will call to pick them up.`,
  }),
  'return-received': (c) => ({
    subject: `${c.shop}: we received your return`,
    text: `We have received the items you returned from order ${c.orderId}. Your refund is on its way.`,
  }),
  'return-refund': (c) => ({
    subject: `${c.shop}: refund issued`,
    text: `Your refund for order ${c.orderId} has been issued.`,
  }),
  closing: (c) => ({
    subject: `${c.shop}: thank you`,
    text: `Thank you for shopping with ${c.shop}. How likely are you to order from us again, from 0 to 10?`,
  }),
  cancellation: (c) => ({
    subject: `${c.shop}: order ${c.orderId} cancelled`,
    text: `Your order ${c.orderId} has been cancelled${c.reason ? ` (${c.reason})` : ''}. Questions? Contact ${c.support}.`,
  }),
};
