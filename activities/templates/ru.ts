/** Русские уведомления. */
import type { Catalog } from './catalog';

const days = '{days, plural, one {# день} few {# дня} many {# дней} other {# дня}}';

export const ru: Catalog = {
  common: {
    rateText: 'Как мы справились? Оцените от {min} до {max}: {url}',
    rateEmail: 'Как мы справились? Оцените этот шаг от {min} до {max}:',
    rateSms: 'Оцените: ответьте цифрой {min}-{max}.',
    support: 'Вопросы? {support}',
    unsubscribe: 'Отписаться от необязательных писем: {url}',
    unsubscribeLink: 'Отписаться от необязательных писем',
    trackLink: 'Отследить посылку',
    promiseDate: '{date}',
    promiseWindow: 'с {from} по {to}',
    window: '{day} с {from} до {to}',
    option: '{n} — {from}–{to}',
    notInCity: 'посылка ещё не прибыла в ваш город',
    thanks: 'Спасибо! Мы записали ваш ответ.',
  },
  templates: {
    confirmation: {
      subject: '{shop}: заказ {orderId} принят',
      text: 'Здравствуйте, {name}! Мы приняли ваш заказ {orderId}: {items}. Доставим его {promise}.',
      sms: '{shop}: заказ {orderId} принят. Доставка {promise}.',
    },
    tracking: {
      subject: '{shop}: заказ {orderId} в пути',
      text: 'Ваш заказ {orderId} передан в службу доставки {carrier}. Следить за ним можно здесь: {trackingUrl}',
      sms: '{shop}: заказ {orderId} передан {carrier}. Отслеживание: {trackingUrl}',
    },
    delay: {
      subject: `{shop}: заказ {orderId} задержится на ${days}`,
      text:
        `{name}, приносим извинения: ваш заказ {orderId} прибудет на ${days} позже обещанного, потому что {reason}. ` +
        'Новая дата доставки — {newDate}. Следить за заказом: {trackingUrl}',
      sms: `{shop}: извините, заказ {orderId} задержится на ${days} ({reason}). Новая дата: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: заказ {orderId} уже в вашем городе',
      text: 'Ваш заказ {orderId} прибыл в ваш город ({city}). Курьер позвонит, чтобы договориться о времени доставки.',
      sms: '{shop}: заказ {orderId} уже в вашем городе. Курьер позвонит, чтобы договориться о времени.',
    },
    'courier-call': {
      subject: '{shop}: доставка {window}',
      text: 'Курьер привезёт ваш заказ {orderId} {window}. Назовите курьеру PIN-код доставки: {pin}.',
      sms: '{shop}: курьер привезёт заказ {orderId} {window}. PIN-код: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: когда доставить заказ {orderId}?',
      text: 'Ваш заказ {orderId} уже у курьера. Какое время вам удобно: {options}? Ответьте номером на наше SMS или позвоните: {support}.',
      sms: '{shop}: заказ {orderId} у курьера. Когда удобно? Ответьте: {options}.',
      voice: 'Здравствуйте, это {shop}. Ваш заказ {orderId} уже у курьера. Когда вам удобно его получить? Нажмите {options}.',
    },
    'failed-attempt': {
      subject: '{shop}: не удалось доставить заказ {orderId}',
      text: 'Курьер не смог доставить ваш заказ {orderId}{hasReason, select, yes { ({reason})} other {}}. Он позвонит, чтобы договориться о новом времени.',
      sms: '{shop}: курьер не смог доставить заказ {orderId}. Он позвонит, чтобы договориться о новом времени.',
    },
    handover: {
      subject: '{shop}: заказ {orderId} доставлен',
      text:
        'Ваш заказ {orderId} доставлен. Пожалуйста, проверьте посылку: если что-то повреждено или чего-то не хватает, сообщите нам. ' +
        '{returnDays, plural, =0 {} one {Вернуть товар можно в течение # дня. } few {Вернуть товар можно в течение # дней. } ' +
        'many {Вернуть товар можно в течение # дней. } other {Вернуть товар можно в течение # дня. }}Контакты: {support}.',
      sms: '{shop}: заказ {orderId} доставлен. Проверьте его; вопросы и возврат: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: возврат заказа {orderId} оформлен',
      text: 'Мы приняли ваш возврат по заказу {orderId}, без лишних вопросов. Упакуйте товары, и курьер позвонит, чтобы договориться, когда их забрать.',
      sms: '{shop}: возврат по заказу {orderId} оформлен. Упакуйте товары, курьер позвонит.',
    },
    'return-received': {
      subject: '{shop}: мы получили ваш возврат',
      text: 'Мы получили товары, которые вы вернули по заказу {orderId}. Деньги скоро вернутся к вам.',
      sms: '{shop}: возврат по заказу {orderId} получен. Деньги скоро вернутся к вам.',
    },
    'return-refund': {
      subject: '{shop}: деньги возвращены',
      text: 'Мы вернули деньги за заказ {orderId}{hasAmount, select, yes { ({amount})} other {}}. Они могут появиться на счёте через несколько дней.',
      sms: '{shop}: деньги за заказ {orderId} возвращены.',
    },
    closing: {
      subject: '{shop}: спасибо!',
      text: 'Спасибо за покупку в {shop}, {name}! Один вопрос: насколько вероятно, что вы закажете у нас снова, по шкале от 0 до 10?',
      sms: '{shop}: спасибо за покупку! Насколько вероятно, что вы закажете у нас снова? Ответьте от 0 до 10.',
    },
    cancellation: {
      subject: '{shop}: заказ {orderId} отменён',
      text: 'Ваш заказ {orderId} отменён{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: заказ {orderId} отменён. Вопросы: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: заказ {orderId} закрыт',
      text: 'Мы закрыли ваш заказ {orderId}{hasReason, select, yes { ({reason})} other {}}. Вернуть его через нас больше нельзя; если остались вопросы, напишите нам: {support}.',
      sms: '{shop}: заказ {orderId} закрыт, возврат больше невозможен. Вопросы: {support}.',
    },
    'follow-up': {
      subject: '{shop}: приносим извинения, {name}',
      text: 'Спасибо, что рассказали: с заказом {orderId} не всё прошло хорошо. Нам очень жаль. Служба поддержки разберётся сегодня же; вы можете связаться с нами напрямую: {support}.',
      sms: '{shop}: жаль, что с заказом {orderId} не всё прошло хорошо. Мы разбираемся; связь: {support}.',
    },
  },
};
