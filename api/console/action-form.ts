/**
 * Support actions as the console's forms send them: read into the API's SupportAction (times typed
 * in the customer's zone), and described in a sentence for the confirmation step.
 */
import { DateTime } from 'luxon';
import { SupportAction, type ChainState } from '../../workflows/contract';
import { customerTime, day } from './views/time';

/** The fields a form posts, as strings. */
export type FormFields = Record<string, string>;

/** Fields of the console's own machinery, not of the action. */
export const CONTROL_FIELDS = ['_csrf', 'confirmed', 'requestId'];

/** The action a form asks for, validated like the API's; a courier window is read in `zone`. */
export function actionOfForm(name: string, fields: FormFields, zone: string) {
  const text = (key: string) => (fields[key]?.trim() ? fields[key].trim() : undefined);
  const local = (time?: string) =>
    fields.date && time ? (DateTime.fromISO(`${fields.date}T${time}`, { zone }).toISO() ?? undefined) : undefined;
  const window = name === 'courier-call' ? { from: local(fields.from), to: local(fields.to) } : undefined;
  return SupportAction.safeParse({
    action: name,
    reason: text('reason'),
    note: text('note'),
    touchpoint: text('touchpoint'),
    promisedDate: text('promisedDate'),
    window,
  });
}

/** What the action will do, in a sentence support confirms. */
export function describeAction(action: SupportAction, state: ChainState): string {
  switch (action.action) {
    case 'acknowledge':
      return `Take the chain off the attention list until something new needs attention, noting: ${action.note}`;
    case 'resend':
      return `Send the “${action.touchpoint}” notice to the customer again.`;
    case 'set-promise':
      return `Move the promise from ${day(state.promisedDate)} to ${day(action.promisedDate)}. The customer gets a delay notice saying: ${action.reason}`;
    case 'courier-call':
      return `Record the courier window ${customerTime(action.window.from, state.timezone)} – ${customerTime(action.window.to, state.timezone)} (customer time) and tell the customer.`;
    case 'open-return':
      return `Open a return for this order${action.reason ? ` (${action.reason})` : ''}. The customer gets the return instructions.`;
    case 'cancel':
      return `Cancel the order${action.reason ? ` (${action.reason})` : ''}. The customer is told and the chain closes.`;
    case 'switch-to-point':
      return `Send the order to the pickup point ${action.point.name} (${action.point.address}). The customer collects it there with a code.`;
  }
}
