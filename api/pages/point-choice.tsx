/**
 * The tracking page's offer of the shop's pickup points (ShopVoice.pickupPoints): a home order, or a pickup order
 * whose parcel is not at its point yet, may go to one of them until it is out for delivery. The chain has the last
 * word (support-desk.ts refuses a late switch); the page leaves the form out where it could not succeed.
 */
import { switchRefusal } from '../../workflows/chain-state';
import type { ChainState, PickupPoint } from '../../workflows/contract';
import { pageStrings } from './strings';

/** The points the customer may choose now: those the chain would take (workflows/chain-state.ts `switchRefusal`). */
export function choosablePoints(state: ChainState, points: readonly PickupPoint[] = []): PickupPoint[] {
  return points.filter((p) => switchRefusal(state, p) === undefined);
}

export function PointChoice({
  state,
  points,
  token,
  lang,
}: {
  state: ChainState;
  points: PickupPoint[];
  token: string;
  lang: string;
}) {
  const t = pageStrings(lang);
  const heading = state.delivery?.mode === 'pickup_point' ? t.pointChangeHeading : t.pointChoiceHeading;
  return (
    <form method="post" action={`/t/${token}/point`} class="point-choice">
      <fieldset>
        <legend>{heading}</legend>
        {points.map((p) => (
          <label class="point-option">
            <input type="radio" name="point" value={p.id} required />
            {`${t.pointKind[p.kind]}: ${p.name}, ${p.address}${p.openingHours ? ` (${p.openingHours})` : ''}`}
          </label>
        ))}
      </fieldset>
      <button>{t.pointChoiceButton}</button>
    </form>
  );
}
