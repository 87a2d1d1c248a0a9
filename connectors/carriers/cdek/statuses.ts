/**
 * CDEK API v2 order statuses (ORDER_STATUS `attributes.code`, the API's appendix 1) and delivery
 * problems (DELIV_PROBLEM `attributes.code`, its delivery-problem appendix) and what each means for a
 * chain: data, one row per code, each row tested. CDEK's own pages (api-docs.cdek.ru) were not at
 * hand: the codes are those CDEK's client libraries carry (npm `cdek` src/types/api/webhook.d.ts;
 * Spoleto.Delivery.Providers.Cdek DeliveryProblemType). A code no row names is unmapped.
 */
import type { StatusTable } from '../model';

export const CDEK_STATUSES: StatusTable = {
  CREATED: { event: 'carrier_status' },
  REMOVED: { event: 'carrier_status' },
  RECEIVED_AT_SHIPMENT_WAREHOUSE: { event: 'handed_to_carrier' },
  READY_TO_SHIP_AT_SENDING_OFFICE: { event: 'in_transit' },
  READY_FOR_SHIPMENT_IN_SENDER_CITY: { event: 'in_transit' },
  PASSED_TO_CARRIER_AT_SENDING_OFFICE: { event: 'in_transit' },
  TAKEN_BY_TRANSPORTER_FROM_SENDER_CITY: { event: 'in_transit' },
  SEND_TO_TRANSIT_OFFICE: { event: 'in_transit' },
  SENT_TO_TRANSIT_CITY: { event: 'in_transit' },
  MET_AT_TRANSIT_OFFICE: { event: 'in_transit' },
  ACCEPTED_IN_TRANSIT_CITY: { event: 'in_transit' },
  ACCEPTED_TO_OFFICE_TRANSIT_WAREHOUSE: { event: 'in_transit' },
  ACCEPTED_AT_TRANSIT_WAREHOUSE: { event: 'in_transit' },
  ENTERED_TO_OFFICE_TRANSIT_WAREHOUSE: { event: 'in_transit' },
  READY_TO_SHIP_IN_TRANSIT_OFFICE: { event: 'in_transit' },
  READY_FOR_SHIPMENT_IN_TRANSIT_CITY: { event: 'in_transit' },
  PASSED_TO_CARRIER_AT_TRANSIT_OFFICE: { event: 'in_transit' },
  TAKEN_BY_TRANSPORTER_FROM_TRANSIT_CITY: { event: 'in_transit' },
  SEND_TO_RECIPIENT_OFFICE: { event: 'in_transit' },
  SENT_TO_RECIPIENT_CITY: { event: 'in_transit' },
  // Customs on the way is normal for a cross-border parcel: it moves on, CDEK's code stays on the event.
  IN_CUSTOMS_INTERNATIONAL: { event: 'in_transit' },
  SHIPPED_TO_DESTINATION: { event: 'in_transit' },
  PASSED_TO_TRANSIT_CARRIER: { event: 'in_transit' },
  IN_CUSTOMS_LOCAL: { event: 'in_transit' },
  CUSTOMS_COMPLETE: { event: 'in_transit' },
  MET_AT_RECIPIENT_OFFICE: { event: 'arrived_in_city' },
  ACCEPTED_IN_RECIPIENT_CITY: { event: 'arrived_in_city' },
  ACCEPTED_AT_DELIVERY_WAREHOUSE: { event: 'arrived_in_city' },
  ENTERED_TO_DELIVERY_WAREHOUSE: { event: 'arrived_in_city' },
  ACCEPTED_AT_RECIPIENT_CITY_WAREHOUSE: { event: 'arrived_in_city' },
  // "До востребования": the parcel waits at a CDEK office or locker for its customer.
  ACCEPTED_AT_WAREHOUSE_ON_DEMAND: { event: 'ready_for_pickup' },
  ENTERED_TO_WAREHOUSE_ON_DEMAND: { event: 'ready_for_pickup' },
  ACCEPTED_AT_PICK_UP_POINT: { event: 'ready_for_pickup' },
  POSTOMAT_POSTED: { event: 'ready_for_pickup' },
  POSTOMAT_SEIZED: { event: 'pickup_expired' },
  POSTOMAT_RECEIVED: { event: 'picked_up' },
  ISSUED_FOR_DELIVERY: { event: 'out_for_delivery' },
  TAKEN_BY_COURIER: { event: 'out_for_delivery' },
  // The courier brought the parcel back to the delivery warehouse: the attempt failed.
  RETURNED_TO_DELIVERY_WAREHOUSE: { event: 'delivery_failed' },
  RETURNED_TO_RECIPIENT_CITY_WAREHOUSE: { event: 'delivery_failed' },
  DELIVERED: { event: 'delivered' },
  // Final "not handed over": support decides what the shop tells the customer.
  NOT_DELIVERED: { event: 'exception', reason: 'other' },
  // The way back to the sender: kept for support.
  RETURNED_TO_SENDER_WAREHOUSE: { event: 'carrier_status' },
  RETURNED_TO_TRANSIT_WAREHOUSE: { event: 'carrier_status' },
  SEND_TO_SENDING_OFFICE: { event: 'carrier_status' },
  MET_AT_SENDING_OFFICE: { event: 'carrier_status' },
};

/** DELIV_PROBLEM codes (CDEK's words in the comment) and their normalized reasons. */
export const CDEK_PROBLEMS: StatusTable = {
  '1': { event: 'exception', reason: 'address_problem' }, // Телефон неверный
  '9': { event: 'exception', reason: 'other' }, // Груз не готов
  '11': { event: 'exception', reason: 'other' }, // Отказ от оплаты
  '13': { event: 'exception', reason: 'consignee_not_home' }, // Контактное лицо отсутствует
  '17': { event: 'exception', reason: 'consignee_not_home' }, // Организация не работает
  '19': { event: 'exception', reason: 'address_problem' }, // Смена адреса
  '35': { event: 'exception', reason: 'capacity' }, // Не успеваю
  '36': { event: 'exception', reason: 'other' }, // Самозабор
  '37': { event: 'exception', reason: 'capacity' }, // Постамат переполнен
  '38': { event: 'exception', reason: 'other' }, // Постамат не работает
  '39': { event: 'exception', reason: 'other' }, // Груз не влез в ячейку постамата
  '40': { event: 'exception', reason: 'other' }, // Отказ от получения
  '41': { event: 'exception', reason: 'other' }, // Отказ от заявки
  '42': { event: 'exception', reason: 'address_problem' }, // Требуется пропуск
  '43': { event: 'exception', reason: 'address_problem' }, // Платный въезд
  '44': { event: 'exception', reason: 'address_problem' }, // Закрытая территория
  '45': { event: 'exception', reason: 'other' }, // Нет документа
  '46': { event: 'exception', reason: 'address_problem' }, // Смена города
  '47': { event: 'exception', reason: 'address_problem' }, // Адрес не существует
  '48': { event: 'exception', reason: 'address_problem' }, // Доставка в а/я
  '49': { event: 'exception', reason: 'other' }, // Опасный груз
  '52': { event: 'exception', reason: 'other' }, // Отказ с адреса
  // Интервал изменён по согласованию с клиентом: agreed with the customer, nothing is wrong.
  '53': { event: 'carrier_status' },
  '54': { event: 'exception', reason: 'other' }, // Постаматное приложение не работает
  '55': { event: 'exception', reason: 'lost' }, // Груз не найден
  '56': { event: 'carrier_status' }, // Передача на ПВЗ
  '57': { event: 'exception', reason: 'other' }, // Не могу доставить на ПВЗ
};
