/**
 * Russian notices (русские уведомления): formal "вы", greeting by given name in the nominative, never the
 * full name.
 */
import type { Catalog } from '../catalog-shape';
import type { Locale, PageStrings } from './locale';

const days = '{days, plural, one {# день} few {# дня} many {# дней} other {# дня}}';
/** "в течение 1 дня / 2 дней / 5 дней / 1,5 дня": the genitive after "в течение". */
const withinDays =
  '{returnDays, plural, =0 {} one {Вернуть заказ можно в течение # дня. } few {Вернуть заказ можно в течение # дней. } many {Вернуть заказ можно в течение # дней. } other {Вернуть заказ можно в течение # дня. }}';
/** The kind of point after "в" where the parcel goes (accusative) and where it waits (prepositional). */
const kind = '{pointKind, select, locker {постамат} post_office {почтовое отделение} other {пункт выдачи}}';
const kindIn = '{pointKind, select, locker {в постамате} post_office {в почтовом отделении} other {в пункте выдачи}}';

const catalog: Catalog = {
  common: {
    rateText: 'Как всё прошло? Оцените этот этап от {min} до {max}: {url}',
    rateEmail: 'Как всё прошло? Оцените этот этап от {min} до {max}:',
    rateSms: 'Оценка {min}–{max}: ответьте цифрой.',
    support: 'Есть вопросы? Свяжитесь с нами: {support}',
    unsubscribe: 'Отписаться от необязательных писем: {url}',
    unsubscribeLink: 'Отписаться от необязательных писем',
    trackLink: 'Отследить заказ',
    promiseDate: '{date}',
    promiseWindow: 'с {from} по {to}',
    window: '{day} с {from} до {to}',
    option: '{n} — {from}–{to}',
    spokenOption: '{n}, если удобно с {from} до {to}',
    notInCity: 'посылка ещё не прибыла в ваш город',
    thanks: 'Спасибо! Ваш ответ получен.',
    chooseWindow: 'Выбрать время доставки',
  },
  reasons: {
    'carrier-eta': 'служба доставки перенесла ожидаемую дату доставки',
    'carrier-silent': 'служба доставки давно не сообщала о движении посылки',
    consignee_not_home: 'курьер никого не застал по адресу доставки',
    address_problem: 'службе доставки нужно уточнить адрес',
    damaged: 'посылка была повреждена при перевозке',
    customs: 'посылка проходит таможенное оформление',
    weather: 'неблагоприятная погода задерживает доставку',
    capacity: 'у службы доставки сейчас больше отправлений, чем обычно',
    lost: 'служба доставки пока не может найти посылку',
    other: 'служба доставки сообщила о проблеме с посылкой',
  },
  templates: {
    confirmation: {
      subject: '{shop}: заказ {orderId} принят',
      text: '{hasName, select, yes {Здравствуйте, {givenName}!} other {Здравствуйте!}} Мы приняли ваш заказ {orderId}: {items}. Доставим его {promise}.',
      sms: '{shop}: заказ {orderId} принят. Доставка {promise}.',
    },
    tracking: {
      subject: '{shop}: заказ {orderId} в пути',
      text: 'Ваш заказ {orderId} передан в службу доставки {carrier}. <track>Отследить заказ</track>',
      sms: '{shop}: заказ {orderId} в пути ({carrier}). <track>Отслеживание</track>',
    },
    delay: {
      subject: `{shop}: заказ {orderId} задержится на ${days}`,
      text:
        `{hasName, select, yes {{givenName}, приносим извинения:} other {Приносим извинения:}} ваш заказ {orderId} будет доставлен на ${days} позже обещанного. ` +
        'Причина задержки: {reason}. Новая дата доставки — {newDate}. <track>Отследить заказ</track>',
      sms: `{shop}: извините, заказ {orderId} задержится на ${days} ({reason}). Новая дата: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: заказ {orderId} уже в вашем городе',
      text: 'Ваш заказ {orderId} прибыл в город {city}. Курьер позвонит вам, чтобы договориться о времени доставки.',
      sms: '{shop}: заказ {orderId} уже в вашем городе. Курьер позвонит, чтобы договориться о времени.',
    },
    'courier-call': {
      subject: '{shop}: доставка {window}',
      text: 'Курьер привезёт ваш заказ {orderId} {window}. Назовите курьеру PIN-код для получения: {pin}.',
      sms: '{shop}: курьер привезёт заказ {orderId} {window}. PIN-код: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: когда доставить заказ {orderId}?',
      text: 'Ваш заказ {orderId} будет доставлен {day}. Какое время вам удобно: {windows}? <track>Выберите его на странице заказа</track> или свяжитесь с нами: {support}.',
      sms: '{shop}: заказ {orderId} доставим {day}. Когда удобно? Ответьте цифрой: {options}.',
      voice:
        'Здравствуйте, это {shop}. Ваш заказ {orderId} будет доставлен {day}. Когда вам удобно его получить? Нажмите {spokenOptions}.',
    },
    'failed-attempt': {
      subject: '{shop}: не удалось доставить заказ {orderId}',
      text: 'Курьер не смог доставить ваш заказ {orderId}{hasReason, select, yes { ({reason})} other {}}. Он позвонит вам, чтобы договориться о новом времени доставки.',
      sms: '{shop}: курьер не смог доставить заказ {orderId}. Он позвонит, чтобы договориться о новом времени.',
    },
    handover: {
      subject: '{shop}: заказ {orderId} доставлен',
      text:
        'Ваш заказ {orderId} доставлен. Пожалуйста, проверьте посылку: если что-то повреждено или чего-то не хватает, сообщите нам. ' +
        `${withinDays}Связаться с нами: {support}.`,
      sms: '{shop}: заказ {orderId} доставлен. Проверьте его; вопросы и возврат: {support}.',
    },
    'confirmation-pickup': {
      subject: '{shop}: заказ {orderId} принят',
      text: `{hasName, select, yes {Здравствуйте, {givenName}!} other {Здравствуйте!}} Мы приняли ваш заказ {orderId}: {items}. Доставим его {promise} в ${kind} {pointName} ({pointAddress}) и сообщим, когда его можно будет забрать.`,
      sms: '{shop}: заказ {orderId} принят. Доставка {promise}: {pointName}, {pointAddress}.',
    },
    'arrival-pickup': {
      subject: '{shop}: заказ {orderId} уже в вашем городе',
      text: `Ваш заказ {orderId} прибыл в город {city}. Мы сообщим, как только его можно будет забрать ${kindIn} {pointName}.`,
      sms: '{shop}: заказ {orderId} уже в вашем городе. Сообщим, когда его можно будет забрать ({pointName}).',
    },
    'ready-for-pickup': {
      subject: '{shop}: заказ {orderId} можно забрать',
      text:
        `Ваш заказ {orderId} ждёт вас ${kindIn} {pointName} по адресу: {pointAddress}.{hasHours, select, yes { Часы работы: {pointHours}.} other {}} ` +
        '{hasCode, select, yes {Код получения: {pickupCode}.} other {Используйте код от {carrier}.}} Пожалуйста, заберите посылку до {pickupUntil}.{hasMap, select, yes { <map>Показать на карте</map>} other {}}',
      sms: '{shop}: заказ {orderId} ждёт вас: {pointName}, {pointAddress}. {hasCode, select, yes {Код: {pickupCode}.} other {Код в сообщении от {carrier}.}} Забрать до {pickupUntil}.{hasMap, select, yes { <map>Карта</map>} other {}}',
      voice: `Здравствуйте, это {shop}. Ваш заказ {orderId} ждёт вас ${kindIn} {pointName} по адресу: {pointAddress}. {hasCode, select, yes {Код получения: {spokenCode}. Повторяю: {spokenCode}.} other {Используйте код, который прислал {carrier}.}} Пожалуйста, заберите посылку до {pickupUntil}.`,
    },
    'pickup-reminder': {
      subject: '{shop}: напоминаем о заказе {orderId}',
      text: `Напоминаем: ваш заказ {orderId} по-прежнему ждёт вас ${kindIn} {pointName} по адресу: {pointAddress}. {hasCode, select, yes {Код получения: {pickupCode}.} other {Используйте код от {carrier}.}} Пожалуйста, заберите посылку до {pickupUntil}.`,
      sms: '{shop}: заказ {orderId} ещё ждёт вас ({pointName}). {hasCode, select, yes {Код: {pickupCode}.} other {Код в сообщении от {carrier}.}} Забрать до {pickupUntil}.',
      voice: `Здравствуйте, это {shop}. Напоминаем: ваш заказ {orderId} ещё ждёт вас ${kindIn} {pointName}. {hasCode, select, yes {Код получения: {spokenCode}.} other {Используйте код, который прислал {carrier}.}} Пожалуйста, заберите посылку до {pickupUntil}.`,
    },
    'pickup-expired': {
      subject: '{shop}: заказ {orderId} не был получен',
      text:
        `Срок хранения вашего заказа {orderId} ${kindIn} {pointName} истёк. ` +
        '{afterExpiry, select, refund {Посылка вернётся в магазин, и мы вернём вам деньги.} resend {Посылка вернётся в магазин, и мы отправим её вам повторно.} other {Посылка вернётся в магазин.}} ' +
        'Если у вас есть вопросы, свяжитесь с нами: {support}.',
      sms: '{shop}: срок хранения заказа {orderId} истёк. {afterExpiry, select, refund {Он вернётся в магазин, деньги мы вернём.} resend {Он вернётся в магазин, и мы отправим его повторно.} other {Он вернётся в магазин.}} Вопросы: {support}.',
    },
    'handover-pickup': {
      subject: '{shop}: заказ {orderId} получен',
      text: `Спасибо, что забрали заказ {orderId}. Пожалуйста, проверьте посылку: если что-то повреждено или чего-то не хватает, сообщите нам. ${withinDays}Связаться с нами: {support}.`,
      sms: '{shop}: спасибо, что забрали заказ {orderId}. Проверьте его; вопросы и возврат: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: возврат заказа {orderId} оформлен',
      text: 'Мы оформили возврат по заказу {orderId} — объяснять причину не нужно. Упакуйте товары: курьер позвонит вам, чтобы договориться, когда их забрать.',
      sms: '{shop}: возврат по заказу {orderId} оформлен. Упакуйте товары, курьер позвонит.',
    },
    'return-received': {
      subject: '{shop}: мы получили ваш возврат',
      text: 'Мы получили товары, которые вы вернули по заказу {orderId}. Деньги вернём в ближайшее время.',
      sms: '{shop}: возврат по заказу {orderId} получен. Деньги вернём в ближайшее время.',
    },
    'return-refund': {
      subject: '{shop}: деньги возвращены',
      text: 'Мы вернули деньги за заказ {orderId}{hasAmount, select, yes { ({amount})} other {}}. Зачисление на счёт может занять несколько дней.',
      sms: '{shop}: деньги за заказ {orderId} возвращены.',
    },
    closing: {
      subject: '{shop}: спасибо за покупку!',
      text:
        '{hasName, select, yes {{givenName}, спасибо за покупку в {shop}!} other {Спасибо за покупку в {shop}!}} ' +
        'Один вопрос: насколько вероятно, что вы снова закажете у нас?',
      sms: '{shop}: спасибо за покупку! Насколько вероятно, что вы снова закажете у нас? Ответьте числом от {min} до {max}.',
      voice:
        'Здравствуйте, это {shop}. Спасибо за покупку! Насколько вероятно, что вы снова закажете у нас? Наберите число от {min} до {max} и нажмите решётку.',
      answer: {
        text: 'Ваш ответ — от {min} (точно нет) до {max} (обязательно закажу): {url}',
        email: 'Выберите ответ — от {min} (точно нет) до {max} (обязательно закажу):',
      },
    },
    cancellation: {
      subject: '{shop}: заказ {orderId} отменён',
      text: 'Ваш заказ {orderId} отменён{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: заказ {orderId} отменён. Вопросы: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: заказ {orderId} закрыт',
      text: 'Мы закрыли ваш заказ {orderId}{hasReason, select, yes { ({reason})} other {}}. Оформить возврат по нему больше нельзя. Если у вас остались вопросы, свяжитесь с нами: {support}.',
      sms: '{shop}: заказ {orderId} закрыт, возврат по нему больше невозможен. Вопросы: {support}.',
    },
    'follow-up': {
      subject: '{shop}: приносим извинения{hasName, select, yes {, {givenName}} other {}}',
      text: 'Спасибо, что сообщили нам: с заказом {orderId} не всё прошло гладко. Нам очень жаль. Служба поддержки разберётся сегодня же, а вы можете связаться с нами напрямую: {support}.',
      sms: '{shop}: жаль, что с заказом {orderId} не всё прошло гладко. Мы разбираемся; связь: {support}.',
    },
  },
};

const pages: PageStrings = {
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
  pin: 'Назовите курьеру PIN-код для получения: {pin}.',
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
  supportContact: 'Остались вопросы по заказу? Свяжитесь с нами:',
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
    ready_for_pickup: 'Ожидает в пункте выдачи',
    delivered: 'Доставлен',
  },
  collected: 'Получен',
  pointHeading: 'Пункт выдачи',
  pointKind: { locker: 'Постамат', shop: 'Пункт выдачи', post_office: 'Почтовое отделение' },
  pointHours: 'Часы работы: {hours}',
  pointMap: 'Показать на карте',
  pickupCode: 'Код получения: {code}',
  pickupQrAlt: 'QR-код для получения посылки',
  pickupCodeFromCarrier: 'Для получения используйте код от {carrier}.',
  pickupUntil: 'Заберите посылку до {date}',
  pickupExpired: 'Посылку не забрали вовремя. Она возвращается в магазин.',
  pointChoiceHeading: 'Заберите заказ в пункте выдачи',
  pointChangeHeading: 'Выберите другой пункт выдачи',
  pointChoiceButton: 'Доставить сюда',
  pointChosen:
    'Ваш заказ будет ждать вас в пункте «{name}». Мы сообщим, когда его можно будет забрать, и пришлём код получения.',
  pointChoiceLate: 'Изменить место получения уже нельзя. Пожалуйста, свяжитесь с нами.',
};

export const ru: Locale = {
  language: 'ru',
  name: 'Russian',
  catalog,
  pages,
  say: { language: 'ru-RU' },
  journey: {
    persona: {
      name: 'Ольга Петрова',
      email: 'olga.petrova@example.com',
      phone: '+79161234567',
      timezone: 'Europe/Moscow',
      city: 'Москва',
      carrier: 'СДЭК',
      trackingNumber: '1487256310',
      item: 'Электрочайник',
      refund: '4 990 ₽',
    },
    phrases: {
      storm: 'метель закрыла трассу М-7',
      backlog: 'в сортировочном центре скопились посылки',
      notHome: 'никого не было дома',
      tooSmall: 'слишком маленький',
      atRequest: 'по вашей просьбе',
    },
  },
};
