/**
 * The pickup point on the tracking page of a pickup-point order: the point (kind, name, address, opening hours,
 * map link); while the parcel waits there, its code as text and as a QR code (or, when the carrier sends the code to
 * the customer itself, the line saying so) with the deadline in the customer's zone and language; once the deadline
 * passed unanswered, the line saying so instead of the code.
 */
import type { VNode } from 'preact';
import { toString as qrSvg } from 'qrcode';
import { customerDates } from '../../activities/templates/dates';
import type { ChainState, PickupPoint, PickupWait } from '../../workflows/contract';
import { fill, pageStrings } from './strings';

/** The code the customer collects with, while the parcel waits at its point (not collected, not expired). */
export function waitingPickup(state: Pick<ChainState, 'stage' | 'pickup'>): PickupWait | undefined {
  return state.stage === 'ready_for_pickup' && !state.pickup?.expired ? state.pickup : undefined;
}

/**
 * The code as an SVG QR code (none without a code): error correction M (a scuffed phone screen still scans), a white quiet zone of
 * four modules around it so that a dark page around it does not confuse the scanner.
 */
export async function pickupQr(code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  return qrSvg(code, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/** `template` with its `{slot}` replaced by an element (the code set apart from the words around it). */
function withSlot(template: string, slot: string, element: VNode) {
  return template.split(`{${slot}}`).flatMap((part, i) => (i ? [element, part] : [part]));
}

function PointDetails({ point, lang }: { point: PickupPoint; lang: string }) {
  const t = pageStrings(lang);
  return (
    <>
      <p>
        <strong class="point-name">{point.name}</strong> · <span class="point-kind">{t.pointKind[point.kind]}</span>
      </p>
      <p class="point-address">{point.address}</p>
      {point.openingHours && <p class="point-hours">{fill(t.pointHours, { hours: point.openingHours })}</p>}
      {point.mapUrl && (
        <p>
          <a href={point.mapUrl}>{t.pointMap}</a>
        </p>
      )}
    </>
  );
}

/**
 * The code and its QR code, or the carrier's name when it sends the code itself, and the deadline ("Collect it by …")
 * in the customer's zone and language.
 */
function PickupCode({ state, wait, qr, lang }: { state: ChainState; wait: PickupWait; qr?: string; lang: string }) {
  const t = pageStrings(lang);
  const { dayTime } = customerDates(state.timezone, state.locale);
  return (
    <div class="pickup-code">
      {wait.code ? (
        <>
          <p>{withSlot(t.pickupCode, 'code', <strong class="code">{wait.code}</strong>)}</p>
          {qr && <div class="qr" role="img" aria-label={t.pickupQrAlt} dangerouslySetInnerHTML={{ __html: qr }} />}
        </>
      ) : (
        <p class="code-from-carrier">{fill(t.pickupCodeFromCarrier, { carrier: state.carrier })}</p>
      )}
      <p class="pickup-until">{fill(t.pickupUntil, { date: dayTime(wait.until) })}</p>
    </div>
  );
}

/** The pickup point section; `qr` is the waiting code's QR code (`pickupQr`), given while the parcel waits. */
export function PickupSection({ state, lang, qr }: { state: ChainState; lang: string; qr?: string }) {
  if (state.delivery?.mode !== 'pickup_point') return null;
  const t = pageStrings(lang);
  const wait = waitingPickup(state);
  return (
    <section class="pickup" aria-labelledby="pickup-point">
      <h2 id="pickup-point">{t.pointHeading}</h2>
      <PointDetails point={state.delivery.point} lang={lang} />
      {wait && <PickupCode state={state} wait={wait} qr={qr} lang={lang} />}
      {state.pickup?.expired && <p class="pickup-expired">{t.pickupExpired}</p>}
    </section>
  );
}
