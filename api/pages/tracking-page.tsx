/**
 * The customer's tracking page in their language: the progress line, the tracking number (a link to the
 * carrier's own page when the shop gives one), the current promise, the latest delay and its reason, the agreed
 * courier window (or, while Doorstep asks, the windows to choose from) with the delivery PIN, the shop's support
 * contacts, and a return button while returns are open. A pickup-point order's line ends at its point (ready for
 * pickup, collected) and its page shows the point and, while the parcel waits, the code. Nothing a customer should
 * not see (no notices, ratings or support notes).
 */
import { customerDates } from '../../activities/templates/dates';
import { trackingStagesOf, type ChainState, type PickupPoint, type Shop } from '../../workflows/contract';
import { CustomerLayout, type PageBrand } from './layout';
import { PickupSection } from './pickup-section';
import { PointChoice } from './point-choice';
import { fill, pageStrings } from './strings';

/** A courier window as the customer reads it ("Nov 24, 2026 10:00 AM–12:00 PM"), in their zone and locale. */
export function windowLabel(
  window: { from: string; to: string },
  state: Pick<ChainState, 'timezone' | 'locale'>,
): string {
  const { shortDay, time } = customerDates(state.timezone, state.locale);
  return `${shortDay(window.from)} ${time(window.from)}–${time(window.to)}`;
}

/** The open courier-window question: one button per window, each posting its number. */
function WindowChoice({ state, token, lang }: { state: ChainState; token: string; lang: string }) {
  const question = state.courierQuestion!;
  const t = pageStrings(lang);
  return (
    <section class="windows" aria-labelledby="window-question">
      <h2 id="window-question">{t.windowQuestion}</h2>
      {question.options.map((option, i) => (
        <form method="post" action={`/t/${token}/window`}>
          <input type="hidden" name="touchpoint" value={question.touchpoint} />
          <input type="hidden" name="option" value={String(i + 1)} />
          <button>{windowLabel(option, state)}</button>
        </form>
      ))}
    </section>
  );
}

/** Where on its stage line the parcel is: the index of the stage it reached (-1 for none). */
function reachedOn(line: readonly string[], { stage, pickup }: Pick<ChainState, 'stage' | 'pickup'>): number {
  // A parcel nobody collected goes back from its point: its line stays at ready for pickup (it is no return).
  if (pickup?.expired) return line.indexOf('ready_for_pickup');
  if (line.includes(stage)) return line.indexOf(stage);
  // Stages after delivery (return, closed) keep the whole line done; a cancelled chain shows none.
  return stage === 'cancelled' ? -1 : line.length - 1;
}

/** The shop's support contacts as its configuration gives them. */
export type SupportContacts = Pick<Shop, 'supportEmail' | 'supportPhone'>;

/** How to reach the shop: its support email and, when it has one, its phone, each a link. */
function Support({ contacts, lang }: { contacts: SupportContacts; lang: string }) {
  return (
    <section class="support" aria-labelledby="support">
      <h2 id="support">{pageStrings(lang).supportContact}</h2>
      <p>
        <a href={`mailto:${contacts.supportEmail}`}>{contacts.supportEmail}</a>
      </p>
      {contacts.supportPhone && (
        <p>
          <a href={`tel:${contacts.supportPhone}`}>{contacts.supportPhone}</a>
        </p>
      )}
    </section>
  );
}

export function TrackingPage({
  state,
  lang,
  token,
  brand,
  contacts,
  pin,
  carrierLink,
  pickupQr,
  points = [],
}: {
  state: ChainState;
  lang: string;
  token: string;
  brand?: PageBrand;
  /** Unset for a shop no longer in the configuration. */
  contacts?: SupportContacts;
  /** The delivery PIN, once a window is agreed (the customer's alone: the chain state leaves it out). */
  pin?: string;
  /** The carrier's own page for the parcel, when the shop links its carrier. */
  carrierLink?: string;
  /** The waiting pickup code's QR code (SVG), while a pickup-point parcel waits at its point. */
  pickupQr?: string;
  /** The shop's pickup points the customer may still send the parcel to. */
  points?: PickupPoint[];
}) {
  const t = pageStrings(lang);
  const { day } = customerDates(state.timezone, state.locale);
  const { stage } = state;
  const mode = state.delivery?.mode ?? 'home';
  const expired = !!state.pickup?.expired;
  const line = trackingStagesOf(mode);
  const stages: readonly string[] = line;
  const reached = reachedOn(stages, state);
  const beforeDelivery = !expired && reached < stages.indexOf('delivered');
  const delay = state.delays.at(-1);
  const window = state.courierWindow;
  const number = state.trackingNumber && fill(t.trackingNumber, { number: state.trackingNumber });
  const lines = [
    number && carrierLink ? <a href={carrierLink}>{number}</a> : number || undefined,
    stage === 'cancelled' ? t.cancelled : fill(t.promised, { date: day(state.promisedDate) }),
    delay && stage !== 'cancelled' && beforeDelivery ? fill(t.delayed, { reason: delay.reason }) : undefined,
    window && beforeDelivery ? fill(t.courier, { window: windowLabel(window, state) }) : undefined,
    pin && window && beforeDelivery ? fill(t.pin, { pin }) : undefined,
    expired ? undefined : stage === 'returning' ? t.returning : stage === 'returned' ? t.returned : undefined,
    state.returnUntil ? fill(t.returnUntil, { date: day(state.returnUntil) }) : undefined,
  ].filter((l) => l !== undefined);
  const title = fill(t.orderTitle, { orderId: state.orderId });
  return (
    <CustomerLayout lang={lang} title={title} brand={brand}>
      <h1>{title}</h1>
      <ol class="stages">
        {line.map((s, i) => (
          <li
            class={[i <= reached && 'done', i === reached && 'current'].filter(Boolean).join(' ') || undefined}
            aria-current={i === reached ? 'step' : undefined}
          >
            {s === 'delivered' && mode === 'pickup_point' ? t.collected : t.stages[s]}
          </li>
        ))}
      </ol>
      {lines.map((l) => (
        <p>{l}</p>
      ))}
      <PickupSection state={state} lang={lang} qr={pickupQr} />
      {state.courierQuestion && beforeDelivery && <WindowChoice state={state} token={token} lang={lang} />}
      {points.length > 0 && <PointChoice state={state} points={points} token={token} lang={lang} />}
      {state.returnUntil && (
        <form method="post" action={`/t/${token}/return`}>
          <button>{t.returnButton}</button>
        </form>
      )}
      {contacts && <Support contacts={contacts} lang={lang} />}
    </CustomerLayout>
  );
}
