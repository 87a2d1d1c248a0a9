/**
 * A shop's own voice (SPEC "Shop branding and templates"): its brand on emails and pages, the email
 * sender and the Twilio senders its notices go from, and what its tracking page offers (carrier links, the pickup
 * points a customer may choose). It lives beside the shop's entry in the config
 * file but stays out of the chains: the worker and the API look it up by shop id, and an unset part
 * falls back to the global settings (MAIL_FROM, TWILIO_FROM, TWILIO_WHATSAPP_FROM).
 */
import { converter, formatHex, parse, wcagContrast } from 'culori';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { PickupPoint } from '../../workflows/delivery';
import { TEMPLATE_IDS } from '../../workflows/touchpoints';
import { isLocale } from '../../workflows/fields';

const toOklch = converter('oklch');

/** White: the text on a primary-coloured button, and the background colours are read against. */
const WHITE = '#ffffff';
/** WCAG 2.1 AA: 4.5:1 for text (1.4.3), 3:1 for the parts of controls that are not text (1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

/** The nearest darker shade of `hex` (same hue and chroma in OKLCH) that reaches `ratio` against white. */
export function darkenedToContrast(hex: string, ratio: number): string {
  const colour = toOklch(parse(hex))!;
  for (let l = colour.l; l > 0; l -= 0.01) {
    const candidate = formatHex({ ...colour, l });
    if (wcagContrast(candidate, WHITE) >= ratio) return candidate;
  }
  return '#000000';
}

/** A #rrggbb colour that reaches `ratio` against white; a failing one is refused with the shade that passes. */
function colour(ratio: number, use: string) {
  return z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .superRefine((hex, ctx) => {
      const contrast = wcagContrast(hex, WHITE);
      if (contrast >= ratio) return;
      ctx.addIssue({
        code: 'custom',
        message:
          `${use} needs a contrast of ${ratio}:1 with white (WCAG 2.1 AA); ${hex} has ${contrast.toFixed(2)}:1. ` +
          `The nearest shade that passes is ${darkenedToContrast(hex, ratio)}`,
      });
    });
}

export const Brand = z.object({
  /** An https image shown at the top of emails and pages (height 40 px), alt text the shop's name. */
  logoUrl: z.url({ protocol: /^https$/ }).optional(),
  /** Buttons (white text on it) and links (on white). */
  primaryColor: colour(TEXT_CONTRAST, 'primaryColor, behind white button text and as link text,').optional(),
  /** The header rule and the rating buttons' borders. */
  accentColor: colour(UI_CONTRAST, 'accentColor, for borders and rules,').optional(),
});
export type Brand = z.infer<typeof Brand>;

const e164 = z.e164();
/** Twilio's ids: a Messaging Service (MG…) and an approved Content template (HX…). */
const messagingServiceSid = z.string().regex(/^MG[0-9a-f]{32}$/, 'a Twilio Messaging Service SID (MG + 32 hex)');
const contentSid = z.string().regex(/^HX[0-9a-f]{32}$/, 'a Twilio Content SID (HX + 32 hex)');

export const TwilioSenders = z
  .object({
    /** The shop's SMS and voice number. */
    from: e164.optional(),
    /** The shop's Messaging Service: SMS go through it (Twilio picks the sender) when set. */
    messagingServiceSid: messagingServiceSid.optional(),
    /** The shop's WhatsApp sender number. */
    whatsappFrom: e164.optional(),
    /** Approved WhatsApp templates: touchpoint template → locale → Content SID. */
    whatsappTemplates: z
      .partialRecord(z.enum(TEMPLATE_IDS), z.record(z.string().refine(isLocale, 'a BCP 47 language tag'), contentSid))
      .optional(),
  })
  .refine((t) => !(t.from && t.messagingServiceSid), {
    path: ['messagingServiceSid'],
    message: 'set from or messagingServiceSid, not both',
  });
export type TwilioSenders = z.infer<typeof TwilioSenders>;

/** One mailbox, bare or with a display name: "shop@acme.example" or "Acme <shop@acme.example>". */
const mailbox = z.string().refine((text) => {
  const found = addressparser(text);
  return found.length === 1 && 'address' in found[0] && z.email().safeParse(found[0].address).success;
}, 'one email address, optionally with a name: "Acme <shop@acme.example>"');

/** Where the number goes in a carrier's tracking link. */
const NUMBER = '{trackingNumber}';

/** A carrier's public tracking page as an https link with the number's place: "https://…?number={trackingNumber}". */
const trackingLink = z
  .string()
  .refine((link) => link.includes(NUMBER), `a link with ${NUMBER} where the tracking number goes`)
  .refine((link) => z.url({ protocol: /^https$/ }).safeParse(link.replace(NUMBER, '0')).success, 'an https link');

export const ShopVoice = z.object({
  brand: Brand.optional(),
  /** The tracking page links the tracking number to its carrier's own page: carrier (as orders name it) → link. */
  carrierLinks: z.record(z.string().min(1), trackingLink).optional(),
  /** The points a customer may send a parcel to from the tracking page, before it is out for delivery. */
  pickupPoints: z
    .array(PickupPoint)
    .max(100)
    .refine((points) => new Set(points.map((p) => p.id)).size === points.length, 'each point id once')
    .optional(),
  /** The shop's email sender and where replies go; MAIL_FROM when unset. */
  email: z.object({ from: mailbox.optional(), replyTo: mailbox.optional() }).optional(),
  twilio: TwilioSenders.optional(),
});
export type ShopVoice = z.infer<typeof ShopVoice>;

/** The carrier's own page for a parcel, when the shop's voice links that carrier (named in any case). */
export function carrierLink(voice: ShopVoice | undefined, carrier: string, trackingNumber: string): string | undefined {
  const links = Object.entries(voice?.carrierLinks ?? {});
  const link = links.find(([name]) => name.toLowerCase() === carrier.toLowerCase())?.[1];
  return link?.replace(NUMBER, encodeURIComponent(trackingNumber));
}
