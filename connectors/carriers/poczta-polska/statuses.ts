/**
 * Poczta Polska's tracking event codes (`zdarzenie.kod` of the Sledzenie web service) and what each
 * means for the chain. Poczta Polska's manual (https://www.poczta-polska.pl/dla-biznesu/wsparcie/integracje/systemy-sledzenia/system-sledzenia-wsdl-soap)
 * names the fields but publishes no code list: the codes here are those open-source clients of the
 * service read (e.g. github.com/itsvic-dev/parcel-tracker, PolishPostDeliveryService). P_KWD (waiting at
 * the post office) and P_NDZ (returned) are left unmapped on purpose: a home chain has no step for them.
 * P_KWD is not ready_for_pickup: a home chain refuses that and would lose the status it keeps now, its
 * avizo (P_A) is already its failed attempt, and the 14-day hold (7 days, then 7 after a second avizo, as
 * the press tells it, e.g. wiadomosci.radiozet.pl/Biznes/Awizo-ile-dni-na-odebranie-przesylki-na-poczcie;
 * not in Poczta Polska's manual) runs from the first avizo, not from P_KWD's time.
 */
import type { StatusTable } from '../model';

export const POCZTA_STATUSES: StatusTable = {
  P_NAD: { event: 'handed_to_carrier' },
  P_PZL: { event: 'in_transit' },
  P_WZL: { event: 'in_transit' },
  P_ZWC: { event: 'exception', reason: 'customs' },
  P_WD: { event: 'out_for_delivery' },
  P_WDML: { event: 'out_for_delivery' },
  P_ND: { event: 'delivery_failed' },
  P_A: { event: 'exception', reason: 'consignee_not_home' },
  P_D: { event: 'delivered' },
  P_OWU: { event: 'delivered' },
};
