/**
 * How the parcel reaches the customer, on a chain's timeline: the delivery mode and, for a pickup point, the point
 * the parcel goes to or waits at now (the carrier may have moved it), and once it waits there the code and the
 * deadline support reads to a customer who calls, the reminder's time and whether the deadline passed.
 */
import { HOME, type ChainState, type PickupPoint, type PickupWait } from '../../../workflows/contract';

type At = (iso: string) => string;

const KINDS: Record<PickupPoint['kind'], string> = {
  locker: 'parcel locker',
  shop: 'shop',
  post_office: 'post office',
};

function Point({ point }: { point: PickupPoint }) {
  return (
    <>
      <p>
        Pickup point now: <strong class="point-name">{point.name}</strong> ({KINDS[point.kind]}, id{' '}
        <span class="point-id">{point.id}</span>) · <span class="point-address">{point.address}</span>
      </p>
      {(point.openingHours || point.mapUrl) && (
        <p class="muted">
          {point.openingHours && `Opening hours ${point.openingHours}`}
          {point.openingHours && point.mapUrl && ' · '}
          {point.mapUrl && <a href={point.mapUrl}>Map</a>}
        </p>
      )}
    </>
  );
}

function Wait({ pickup, at }: { pickup: PickupWait; at: At }) {
  return (
    <>
      <p>
        {pickup.code ? (
          <>
            Pickup code <strong class="pickup-code">{pickup.code}</strong>
          </>
        ) : (
          'The carrier sent the customer the pickup code'
        )}
        {' · collect by '}
        <strong class="pickup-until">{at(pickup.until)}</strong>
        {pickup.reminderAt && <span class="muted"> · reminder due {at(pickup.reminderAt)}</span>}
      </p>
      {pickup.expired && (
        <p class="card alert pickup-expired">Expired: nobody collected it by the deadline; it goes back to the shop.</p>
      )}
    </>
  );
}

/** The delivery part of the timeline's header; times in the customer's zone, as the rest of the timeline. */
export function DeliveryCard({ state, at }: { state: ChainState; at: At }) {
  const delivery = state.delivery ?? HOME;
  return (
    <section class="delivery" aria-label="Delivery">
      <p>
        Delivery <strong class="delivery-mode">{delivery.mode === 'home' ? 'home' : 'pickup point'}</strong>
      </p>
      {delivery.mode === 'pickup_point' && <Point point={delivery.point} />}
      {state.pickup && <Wait pickup={state.pickup} at={at} />}
    </section>
  );
}
