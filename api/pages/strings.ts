/** The words of the customer pages in each language (the notices' languages), with `{name}` slots. */
import type { TrackingStage } from '../../workflows/contract';

export interface PageStrings {
  invalidRating: string;
  invalidTracking: string;
  rateTitle: string;
  rateScale: string;
  rateThanks: string;
  rateFailed: string;
  commentLabel: string;
  commentSend: string;
  orderTitle: string;
  promised: string;
  delayed: string;
  courier: string;
  cancelled: string;
  returning: string;
  returned: string;
  returnUntil: string;
  returnButton: string;
  returnOpened: string;
  returnRefused: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribed: string;
  invalidUnsubscribe: string;
  stages: Record<TrackingStage, string>;
}

const en: PageStrings = {
  invalidRating: 'This rating link is invalid or has expired.',
  invalidTracking: 'This tracking link is not valid.',
  rateTitle: 'How did we do?',
  rateScale: 'From {min} (bad) to {max} (excellent):',
  rateThanks: 'Thank you! Your rating of {score} is recorded.',
  rateFailed: 'Sorry, the rating could not be recorded.',
  commentLabel: 'Anything to add? (optional)',
  commentSend: 'Send comment',
  orderTitle: 'Order {orderId}',
  promised: 'Delivery promised: {date}',
  delayed: 'Delayed: {reason}.',
  courier: 'The courier comes {window}.',
  cancelled: 'This order was cancelled.',
  returning: 'Your return is under way.',
  returned: 'Your return is complete and the refund is issued.',
  returnUntil: 'You can return it until {date}.',
  returnButton: 'Return it',
  returnOpened: 'Your return is opened: we will send you the instructions.',
  returnRefused: 'This order cannot be returned any more. Please contact us.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeQuestion: 'Stop non-essential emails about your orders (tracking updates, surveys)? Notices you need to receive your parcel still arrive.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: 'You will no longer receive non-essential emails about your orders. Delivery updates you need still arrive.',
  invalidUnsubscribe: 'This unsubscribe link is not valid.',
  stages: {
    accepted: 'Order accepted',
    packed: 'Packed',
    handed_to_carrier: 'Handed to the carrier',
    in_transit: 'On its way',
    arrived_in_city: 'In your city',
    out_for_delivery: 'Out for delivery',
    delivered: 'Delivered',
  },
};

const ru: PageStrings = {
  invalidRating: 'Эта ссылка для оценки недействительна или устарела.',
  invalidTracking: 'Эта ссылка для отслеживания недействительна.',
  rateTitle: 'Как мы справились?',
  rateScale: 'От {min} (плохо) до {max} (отлично):',
  rateThanks: 'Спасибо! Ваша оценка {score} записана.',
  rateFailed: 'К сожалению, оценку не удалось записать.',
  commentLabel: 'Хотите что-то добавить? (необязательно)',
  commentSend: 'Отправить комментарий',
  orderTitle: 'Заказ {orderId}',
  promised: 'Обещанная доставка: {date}',
  delayed: 'Задержка: {reason}.',
  courier: 'Курьер приедет {window}.',
  cancelled: 'Этот заказ отменён.',
  returning: 'Возврат оформляется.',
  returned: 'Возврат завершён, деньги возвращены.',
  returnUntil: 'Вернуть товар можно до {date}.',
  returnButton: 'Оформить возврат',
  returnOpened: 'Возврат оформлен: мы пришлём вам инструкции.',
  returnRefused: 'Этот заказ уже нельзя вернуть. Пожалуйста, свяжитесь с нами.',
  unsubscribeTitle: 'Отписаться',
  unsubscribeQuestion: 'Больше не присылать необязательные письма о заказах (статусы доставки, опросы)? Уведомления, нужные для получения посылки, будут приходить по-прежнему.',
  unsubscribeButton: 'Отписаться',
  unsubscribed: 'Необязательные письма о заказах больше не придут. Нужные для доставки уведомления будут приходить по-прежнему.',
  invalidUnsubscribe: 'Эта ссылка для отписки недействительна.',
  stages: {
    accepted: 'Заказ принят',
    packed: 'Упакован',
    handed_to_carrier: 'Передан в доставку',
    in_transit: 'В пути',
    arrived_in_city: 'В вашем городе',
    out_for_delivery: 'У курьера',
    delivered: 'Доставлен',
  },
};

const pl: PageStrings = {
  invalidRating: 'Ten link do oceny jest nieprawidłowy lub wygasł.',
  invalidTracking: 'Ten link do śledzenia jest nieprawidłowy.',
  rateTitle: 'Jak nam poszło?',
  rateScale: 'Od {min} (źle) do {max} (świetnie):',
  rateThanks: 'Dziękujemy! Twoja ocena {score} została zapisana.',
  rateFailed: 'Niestety nie udało się zapisać oceny.',
  commentLabel: 'Chcesz coś dodać? (opcjonalnie)',
  commentSend: 'Wyślij komentarz',
  orderTitle: 'Zamówienie {orderId}',
  promised: 'Obiecana dostawa: {date}',
  delayed: 'Opóźnienie: {reason}.',
  courier: 'Kurier przyjedzie {window}.',
  cancelled: 'To zamówienie zostało anulowane.',
  returning: 'Zwrot jest w toku.',
  returned: 'Zwrot zakończony, pieniądze zostały zwrócone.',
  returnUntil: 'Możesz je zwrócić do {date}.',
  returnButton: 'Zwróć',
  returnOpened: 'Zwrot został przyjęty: wyślemy Ci instrukcje.',
  returnRefused: 'Tego zamówienia nie można już zwrócić. Skontaktuj się z nami.',
  unsubscribeTitle: 'Wypisz się',
  unsubscribeQuestion: 'Nie wysyłać już nieobowiązkowych e-maili o zamówieniach (statusy przesyłki, ankiety)? Powiadomienia potrzebne do odbioru paczki nadal będą przychodzić.',
  unsubscribeButton: 'Wypisz mnie',
  unsubscribed: 'Nie będziesz już dostawać nieobowiązkowych e-maili o zamówieniach. Potrzebne powiadomienia o dostawie nadal będą przychodzić.',
  invalidUnsubscribe: 'Ten link do wypisania się jest nieprawidłowy.',
  stages: {
    accepted: 'Zamówienie przyjęte',
    packed: 'Spakowane',
    handed_to_carrier: 'Przekazane przewoźnikowi',
    in_transit: 'W drodze',
    arrived_in_city: 'W Twoim mieście',
    out_for_delivery: 'U kuriera',
    delivered: 'Dostarczone',
  },
};

const STRINGS: Record<string, PageStrings> = { en, ru, pl };

/** The pages' words in `language` (English when there are none). */
export function pageStrings(language: string): PageStrings {
  return STRINGS[language] ?? en;
}

/** The page languages, for content negotiation. */
export const PAGE_LANGUAGES = Object.keys(STRINGS);

/** A string with its `{name}` slots filled. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
