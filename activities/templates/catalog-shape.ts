/** The shape of a message catalog (see catalog.ts): its common lines and one entry per template. */
import type { CarrierReasonCode } from '../../workflows/notice-facts';
import type { TemplateId } from '../../workflows/touchpoints';

export interface TemplateMessages {
  subject: string;
  text: string;
  sms: string;
  /** What a voice call says; the SMS body without its links when absent. */
  voice?: string;
  /**
   * For a notice that is itself the satisfaction question (the closing): how the customer answers
   * it, in place of the rating prompt. `text` is the text part's line ({min}, {max}, {url}), `email`
   * the heading above the one-click answer buttons.
   */
  answer?: { text: string; email: string };
}

export interface Catalog {
  common: {
    /** Rating line of the text part: {min}, {max}, {url}. */
    rateText: string;
    /** Heading above the one-click rating buttons of the HTML part. */
    rateEmail: string;
    /** The SMS rating hint: the customer answers with a digit. */
    rateSms: string;
    support: string;
    unsubscribe: string;
    unsubscribeLink: string;
    trackLink: string;
    promiseDate: string;
    promiseWindow: string;
    window: string;
    /** One written choice of the courier-window question, answered by digit: {n}, {from}, {to}. */
    option: string;
    /** The same choice as a voice call reads it, answered by a key: {n}, {from}, {to}. */
    spokenOption: string;
    /** The delay reason Doorstep gives when its own promise guard fires. */
    notInCity: string;
    /** Answer to an SMS reply that was recorded. */
    thanks: string;
    /** The email button of the courier-window question: choosing a window on the tracking page. */
    chooseWindow: string;
  };
  /**
   * The delay reasons of the carrier's side (its later ETA, its silence, an exception's normalized reason), worded
   * for "because …" / "Reason: …" in the delay notice: never the carrier's own text.
   */
  reasons: Record<CarrierReasonCode, string>;
  templates: Record<TemplateId, TemplateMessages>;
}
