/**
 * InPost ShipX shipment statuses and what each means for a chain: data, one row per status, each
 * row tested. Status names from ShipX's status list (`GET /v1/statuses`,
 * https://dokumentacja-inpost.atlassian.net/wiki/spaces/PL/pages/18153478/Statuses); a status no row
 * names is unmapped (kept on the chain and counted).
 */
import type { StatusTable } from '../model';

export const INPOST_STATUSES: StatusTable = {
  // The label exists, InPost does not have the parcel yet: kept for support, nothing moves.
  created: { event: 'carrier_status' },
  offers_prepared: { event: 'carrier_status' },
  offer_selected: { event: 'carrier_status' },
  confirmed: { event: 'carrier_status' },
  // InPost has the parcel: dropped at a locker or a point, or collected by its courier.
  dispatched_by_sender: { event: 'handed_to_carrier' },
  dispatched_by_sender_to_pok: { event: 'handed_to_carrier' },
  collected_from_sender: { event: 'handed_to_carrier' },
  taken_by_courier: { event: 'handed_to_carrier' },
  taken_by_courier_from_pok: { event: 'handed_to_carrier' },
  adopted_at_source_branch: { event: 'in_transit' },
  sent_from_source_branch: { event: 'in_transit' },
  adopted_at_sorting_center: { event: 'in_transit' },
  sent_from_sorting_center: { event: 'in_transit' },
  redirect_to_box: { event: 'in_transit' },
  unstack_from_box_machine: { event: 'in_transit' },
  unstack_from_customer_service_point: { event: 'in_transit' },
  adopted_at_target_branch: { event: 'arrived_in_city' },
  out_for_delivery: { event: 'out_for_delivery' },
  out_for_delivery_to_address: { event: 'out_for_delivery' },
  // Waiting at a locker or a point (a full locker sends it to a temporary one: "stack").
  ready_to_pickup: { event: 'ready_for_pickup' },
  ready_to_pickup_from_pok: { event: 'ready_for_pickup' },
  ready_to_pickup_from_pok_registered: { event: 'ready_for_pickup' },
  stack_in_box_machine: { event: 'ready_for_pickup' },
  stack_in_customer_service_point: { event: 'ready_for_pickup' },
  // InPost's own reminder: the chain sends its own, nothing moves.
  pickup_reminder_sent: { event: 'carrier_status' },
  pickup_reminder_sent_address: { event: 'carrier_status' },
  pickup_time_expired: { event: 'pickup_expired' },
  stack_parcel_pickup_time_expired: { event: 'pickup_expired' },
  stack_parcel_in_box_machine_pickup_time_expired: { event: 'pickup_expired' },
  delivered: { event: 'delivered' },
  // The courier found nobody and left a notice: a failed attempt, the parcel waits at the branch.
  avizo: { event: 'delivery_failed' },
  courier_avizo_in_customer_service_point: { event: 'delivery_failed' },
  returned_to_sender: { event: 'returned_to_sender' },
  undelivered_wrong_address: { event: 'exception', reason: 'address_problem' },
  undelivered_incomplete_address: { event: 'exception', reason: 'address_problem' },
  undelivered_unknown_receiver: { event: 'exception', reason: 'address_problem' },
  undelivered_not_live_address: { event: 'exception', reason: 'address_problem' },
  undelivered_no_mailbox: { event: 'exception', reason: 'address_problem' },
  undelivered_lack_of_access_letterbox: { event: 'exception', reason: 'address_problem' },
  undelivered_cod_cash_receiver: { event: 'exception', reason: 'other' },
  undelivered: { event: 'exception', reason: 'other' },
  rejected_by_receiver: { event: 'exception', reason: 'other' },
  delay_in_delivery: { event: 'exception', reason: 'capacity' },
  oversized: { event: 'exception', reason: 'other' },
  missing: { event: 'exception', reason: 'lost' },
  claimed: { event: 'exception', reason: 'other' },
  // A cancelled label or redirection is the shop's business, not the chain's end: kept for support.
  canceled: { event: 'carrier_status' },
  canceled_redirect_to_box: { event: 'carrier_status' },
  other: { event: 'carrier_status' },
};
