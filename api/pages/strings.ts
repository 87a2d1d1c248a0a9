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
  trackingNumber: string;
  windowQuestion: string;
  windowChosen: string;
  windowStale: string;
  backToOrder: string;
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
  trackingNumber: 'Tracking number: {number}',
  windowQuestion: 'The courier has not called yet. Choose a time for the delivery:',
  windowChosen: 'Thank you! The courier comes {window}.',
  windowStale: 'This choice is no longer open. The tracking page shows the current delivery time.',
  backToOrder: 'Back to your order',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeQuestion:
    'Stop non-essential emails about your orders (tracking updates, surveys)? Notices you need to receive your parcel still arrive.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed:
    'You will no longer receive non-essential emails about your orders. Delivery updates you need still arrive.',
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
  invalidRating: 'Ссылка для оценки недействительна или срок её действия истёк.',
  invalidTracking: 'Ссылка для отслеживания недействительна.',
  rateTitle: 'Оцените, пожалуйста, нашу работу',
  rateScale: 'От {min} (плохо) до {max} (отлично):',
  rateThanks: 'Спасибо! Мы получили вашу оценку: {score}.',
  rateFailed: 'К сожалению, не удалось сохранить оценку.',
  commentLabel: 'Хотите что-нибудь добавить? (необязательно)',
  commentSend: 'Отправить комментарий',
  orderTitle: 'Заказ {orderId}',
  promised: 'Дата доставки: {date}',
  delayed: 'Доставка задерживается: {reason}.',
  courier: 'Курьер приедет {window}.',
  cancelled: 'Заказ отменён.',
  returning: 'Возврат оформляется.',
  returned: 'Возврат завершён, деньги перечислены.',
  returnUntil: 'Вернуть товар можно до {date}.',
  returnButton: 'Оформить возврат',
  returnOpened: 'Заявка на возврат принята: мы пришлём вам инструкции.',
  returnRefused: 'Этот заказ уже нельзя вернуть. Пожалуйста, свяжитесь с нами.',
  trackingNumber: 'Трек-номер: {number}',
  windowQuestion: 'Курьер ещё не позвонил. Выберите удобное время доставки:',
  windowChosen: 'Спасибо! Курьер приедет {window}.',
  windowStale: 'Этот вариант уже недоступен. Актуальное время доставки указано на странице заказа.',
  backToOrder: 'Вернуться к заказу',
  unsubscribeTitle: 'Отписка от писем',
  unsubscribeQuestion:
    'Отказаться от необязательных писем о заказах (статусы доставки, опросы)? Уведомления, необходимые для получения посылки, по-прежнему будут приходить.',
  unsubscribeButton: 'Отписаться',
  unsubscribed:
    'Вы отписались от необязательных писем о заказах. Уведомления, необходимые для доставки, по-прежнему будут приходить.',
  invalidUnsubscribe: 'Ссылка для отписки недействительна.',
  stages: {
    accepted: 'Заказ принят',
    packed: 'Собран',
    handed_to_carrier: 'Передан в службу доставки',
    in_transit: 'В пути',
    arrived_in_city: 'Прибыл в ваш город',
    out_for_delivery: 'Передан курьеру',
    delivered: 'Доставлен',
  },
};

const pl: PageStrings = {
  invalidRating: 'Link do oceny jest nieprawidłowy lub wygasł.',
  invalidTracking: 'Link do śledzenia przesyłki jest nieprawidłowy.',
  rateTitle: 'Prosimy o ocenę naszej obsługi',
  rateScale: 'Od {min} (źle) do {max} (bardzo dobrze):',
  rateThanks: 'Dziękujemy! Ocena {score} została zapisana.',
  rateFailed: 'Niestety, nie udało się zapisać oceny.',
  commentLabel: 'Komentarz (opcjonalnie)',
  commentSend: 'Wyślij komentarz',
  orderTitle: 'Zamówienie {orderId}',
  promised: 'Planowana dostawa: {date}',
  delayed: 'Dostawa jest opóźniona: {reason}.',
  courier: 'Kurier przyjedzie {window}.',
  cancelled: 'Zamówienie zostało anulowane.',
  returning: 'Zwrot jest w trakcie realizacji.',
  returned: 'Zwrot został zakończony, pieniądze zostały przelane.',
  returnUntil: 'Zwrotu można dokonać do {date}.',
  returnButton: 'Zwróć zamówienie',
  returnOpened: 'Zgłoszenie zwrotu zostało przyjęte. Wkrótce prześlemy instrukcje.',
  returnRefused: 'Tego zamówienia nie można już zwrócić. Prosimy o kontakt.',
  trackingNumber: 'Numer przesyłki: {number}',
  windowQuestion: 'Kurier jeszcze nie zadzwonił. Prosimy wybrać dogodny termin dostawy:',
  windowChosen: 'Dziękujemy! Kurier przyjedzie {window}.',
  windowStale: 'Ten termin nie jest już dostępny. Aktualny termin dostawy widać na stronie zamówienia.',
  backToOrder: 'Wróć do zamówienia',
  unsubscribeTitle: 'Rezygnacja z wiadomości',
  unsubscribeQuestion:
    'Zrezygnować z nieobowiązkowych e-maili o zamówieniach (statusy przesyłki, ankiety)? Wiadomości potrzebne do odbioru paczki nadal będą wysyłane.',
  unsubscribeButton: 'Wypisz mnie',
  unsubscribed:
    'Nieobowiązkowe e-maile o zamówieniach nie będą już wysyłane. Wiadomości potrzebne do dostawy nadal będą przychodzić.',
  invalidUnsubscribe: 'Link do rezygnacji z wiadomości jest nieprawidłowy.',
  stages: {
    accepted: 'Zamówienie przyjęte',
    packed: 'Spakowane',
    handed_to_carrier: 'Przekazane przewoźnikowi',
    in_transit: 'W drodze',
    arrived_in_city: 'W mieście doręczenia',
    out_for_delivery: 'Wydane do doręczenia',
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
