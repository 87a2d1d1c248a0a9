/**
 * Touchpoints are data: stable ids, the template each notice uses, whether it may break quiet hours
 * (urgent), whether an email unsubscribe stops it (essential ones still go), the stage from which
 * a notice still waiting for its slot is obsolete, and the scale of its satisfaction check.
 */
import type { Stage } from './contract';

interface TouchpointSpec {
  template: string;
  urgent: boolean;
  essential: boolean;
  obsoleteFrom?: Stage;
  scale: 5 | 10;
}

export const TOUCHPOINTS = {
  confirmation: { template: 'confirmation', urgent: false, essential: true, obsoleteFrom: 'delivered', scale: 5 },
  tracking: { template: 'tracking', urgent: false, essential: false, obsoleteFrom: 'delivered', scale: 5 },
  delay: { template: 'delay', urgent: true, essential: true, obsoleteFrom: 'delivered', scale: 5 },
  arrival: { template: 'arrival', urgent: false, essential: false, obsoleteFrom: 'delivered', scale: 5 },
  'courier-call': { template: 'courier-call', urgent: true, essential: true, obsoleteFrom: 'delivered', scale: 5 },
  'failed-attempt': { template: 'failed-attempt', urgent: true, essential: true, obsoleteFrom: 'delivered', scale: 5 },
  handover: { template: 'handover', urgent: false, essential: false, scale: 5 },
  'return-accepted': { template: 'return-accepted', urgent: false, essential: true, scale: 5 },
  'return-received': { template: 'return-received', urgent: false, essential: false, scale: 5 },
  'return-refund': { template: 'return-refund', urgent: false, essential: true, scale: 5 },
  closing: { template: 'closing', urgent: false, essential: false, scale: 10 },
  cancellation: { template: 'cancellation', urgent: true, essential: true, scale: 5 },
  // Service recovery after a low rating: at once, with the support contact.
  'follow-up': { template: 'follow-up', urgent: true, essential: true, scale: 5 },
} as const satisfies Record<string, TouchpointSpec>;

export type TouchpointId = keyof typeof TOUCHPOINTS;
/**
 * Templates add the courier-call request Doorstep sends itself when no call was reported, and the
 * cancellation of an order already delivered (the chain closes, no return is offered).
 */
export type TemplateId =
  (typeof TOUCHPOINTS)[TouchpointId]['template'] | 'courier-call-request' | 'cancellation-after-delivery';

/** The touchpoints every chain is expected to pass, listed as pending from the start. */
export const MAIN_LINE: TouchpointId[] = ['confirmation', 'tracking', 'arrival', 'courier-call', 'handover', 'closing'];

/** The touchpoint id of a key such as `delay-2`. */
export function touchpointIdOf(key: string): TouchpointId | undefined {
  const id = key.replace(/-\d+$/, '');
  return id in TOUCHPOINTS ? (id as TouchpointId) : undefined;
}

/** The spec of a touchpoint key (`delay-2` → delay). */
export function specOf(key: string): TouchpointSpec | undefined {
  const id = touchpointIdOf(key);
  return id && TOUCHPOINTS[id];
}

/** Whether a score is low enough to alert support: 1–2 of 5, or 0–6 of 10 (a detractor). */
export function isLow(key: string, score: number): boolean {
  return score <= (scaleOf(key) === 10 ? 6 : 2);
}

/** Highest score of a touchpoint's satisfaction check (5, or 10 for the closing question). */
export function scaleOf(key: string): number {
  return specOf(key)?.scale ?? 5;
}
