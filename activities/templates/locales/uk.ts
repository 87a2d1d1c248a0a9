/**
 * Ukrainian (українська): formal "ви", many of them customers of Polish shops. A greeting takes the given
 * name in the nominative, as Russian does: the vocative ("Оксано") cannot be derived reliably from any
 * name a shop sends (foreign names, unknown gender), and a wrong vocative reads worse than none.
 */
import type { Catalog } from '../catalog-shape';
import type { Locale, PageStrings } from './locale';

const days = '{days, plural, one {# день} few {# дні} many {# днів} other {# дня}}';
/** "протягом 1 дня / 2 днів / 5 днів / 1,5 дня": the genitive after "протягом". */
const within = (n: string) => `Повернути замовлення можна протягом # ${n}. `;
const withinDays = `{returnDays, plural, =0 {} one {${within('дня')}} few {${within('днів')}} many {${within('днів')}} other {${within('дня')}}}`;
/** The kind of point after "у" where the parcel goes (accusative), and where it waits (locative). */
const kind = '{pointKind, select, locker {поштомат} post_office {поштове відділення} other {пункт видачі}}';
const kindIn = '{pointKind, select, locker {у поштоматі} post_office {у поштовому відділенні} other {у пункті видачі}}';

const catalog: Catalog = {
  common: {
    rateText: 'Як усе пройшло? Оцініть цей етап від {min} до {max}: {url}',
    rateEmail: 'Як усе пройшло? Оцініть цей етап від {min} до {max}:',
    rateSms: 'Оцінка {min}–{max}: надішліть цифру.',
    support: 'Маєте запитання? Зв’яжіться з нами: {support}',
    unsubscribe: 'Відписатися від необов’язкових листів: {url}',
    unsubscribeLink: 'Відписатися від необов’язкових листів',
    trackLink: 'Відстежити замовлення',
    promiseDate: '{date}',
    promiseWindow: 'з {from} по {to}',
    window: '{day} з {from} до {to}',
    option: '{n}) {from}–{to}',
    spokenOption: '{n}, якщо зручно з {from} до {to}',
    notInCity: 'посилка ще не надійшла до вашого міста',
    thanks: 'Дякуємо! Вашу відповідь отримано.',
    chooseWindow: 'Обрати час доставки',
  },
  reasons: {
    'carrier-eta': 'служба доставки перенесла очікувану дату доставки',
    'carrier-silent': 'служба доставки давно не повідомляла про рух посилки',
    consignee_not_home: 'кур’єр нікого не застав за адресою доставки',
    address_problem: 'службі доставки потрібно уточнити адресу',
    damaged: 'посилку пошкоджено під час перевезення',
    customs: 'посилка проходить митне оформлення',
    weather: 'несприятлива погода затримує доставку',
    capacity: 'служба доставки зараз має більше відправлень, ніж зазвичай',
    lost: 'служба доставки поки не може знайти посилку',
    other: 'служба доставки повідомила про проблему з посилкою',
  },
  templates: {
    confirmation: {
      subject: '{shop}: замовлення {orderId} прийнято',
      text: '{hasName, select, yes {Добрий день, {givenName}!} other {Добрий день!}} Ми прийняли ваше замовлення {orderId}: {items}. Доставимо його {promise}.',
      sms: '{shop}: замовлення {orderId} прийнято. Доставка {promise}.',
    },
    tracking: {
      subject: '{shop}: замовлення {orderId} вже в дорозі',
      text: 'Ваше замовлення {orderId} передано службі доставки {carrier}. <track>Відстежити замовлення</track>',
      sms: '{shop}: замовлення {orderId} в дорозі ({carrier}). <track>Відстеження</track>',
    },
    delay: {
      subject: `{shop}: замовлення {orderId} затримується на ${days}`,
      text:
        `{hasName, select, yes {{givenName}, просимо вибачення:} other {Просимо вибачення:}} ваше замовлення {orderId} буде доставлено на ${days} пізніше, ніж ми обіцяли. ` +
        'Причина затримки: {reason}. Нова дата доставки — {newDate}. <track>Відстежити замовлення</track>',
      sms: `{shop}: вибачте, замовлення {orderId} затримується на ${days} ({reason}). Нова дата: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: замовлення {orderId} вже у вашому місті',
      text: 'Ваше замовлення {orderId} прибуло до міста {city}. Кур’єр зателефонує вам, щоб узгодити час доставки.',
      sms: '{shop}: замовлення {orderId} вже у вашому місті. Кур’єр зателефонує, щоб узгодити час.',
    },
    'courier-call': {
      subject: '{shop}: доставка {window}',
      text: 'Кур’єр привезе ваше замовлення {orderId} {window}. Назвіть кур’єру PIN-код для отримання: {pin}.',
      sms: '{shop}: кур’єр привезе замовлення {orderId} {window}. PIN-код: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: коли доставити замовлення {orderId}?',
      text: 'Ваше замовлення {orderId} буде доставлено {day}. Який час вам зручний: {windows}? <track>Оберіть його на сторінці замовлення</track> або зв’яжіться з нами: {support}.',
      sms: '{shop}: замовлення {orderId} доставимо {day}. Коли зручно? Надішліть цифру: {options}.',
      voice:
        'Добрий день, це {shop}. Ваше замовлення {orderId} буде доставлено {day}. Коли вам зручно його отримати? Натисніть {spokenOptions}.',
    },
    'failed-attempt': {
      subject: '{shop}: не вдалося доставити замовлення {orderId}',
      text: 'Кур’єр не зміг доставити ваше замовлення {orderId}{hasReason, select, yes { ({reason})} other {}}. Він зателефонує вам, щоб узгодити новий час доставки.',
      sms: '{shop}: кур’єр не зміг доставити замовлення {orderId}. Він зателефонує, щоб узгодити новий час.',
    },
    handover: {
      subject: '{shop}: замовлення {orderId} доставлено',
      text:
        'Ваше замовлення {orderId} доставлено. Будь ласка, перевірте посилку: якщо щось пошкоджено або чогось бракує, повідомте нам. ' +
        `${withinDays}Зв’язатися з нами: {support}.`,
      sms: '{shop}: замовлення {orderId} доставлено. Перевірте його; питання та повернення: {support}.',
    },
    'confirmation-pickup': {
      subject: '{shop}: замовлення {orderId} прийнято',
      text: `{hasName, select, yes {Добрий день, {givenName}!} other {Добрий день!}} Ми прийняли ваше замовлення {orderId}: {items}. Доставимо його {promise} у ${kind} {pointName} ({pointAddress}) і повідомимо, коли його можна буде забрати.`,
      sms: '{shop}: замовлення {orderId} прийнято. Доставка {promise}: {pointName}, {pointAddress}.',
    },
    'arrival-pickup': {
      subject: '{shop}: замовлення {orderId} вже у вашому місті',
      text: `Ваше замовлення {orderId} прибуло до міста {city}. Ми повідомимо, щойно його можна буде забрати ${kindIn} {pointName}.`,
      sms: '{shop}: замовлення {orderId} вже у вашому місті. Повідомимо, коли його можна буде забрати ({pointName}).',
    },
    'ready-for-pickup': {
      subject: '{shop}: замовлення {orderId} можна забрати',
      text:
        `Ваше замовлення {orderId} чекає на вас ${kindIn} {pointName} за адресою: {pointAddress}.{hasHours, select, yes { Години роботи: {pointHours}.} other {}} ` +
        '{hasCode, select, yes {Код отримання: {pickupCode}.} other {Скористайтеся кодом від {carrier}.}} Будь ласка, заберіть посилку до {pickupUntil}.{hasMap, select, yes { <map>Показати на мапі</map>} other {}}',
      sms: '{shop}: замовлення {orderId} чекає на вас: {pointName}, {pointAddress}. {hasCode, select, yes {Код: {pickupCode}.} other {Код у повідомленні від {carrier}.}} Забрати до {pickupUntil}.{hasMap, select, yes { <map>Мапа</map>} other {}}',
      voice: `Добрий день, це {shop}. Ваше замовлення {orderId} чекає на вас ${kindIn} {pointName} за адресою: {pointAddress}. {hasCode, select, yes {Код отримання: {spokenCode}. Повторюю: {spokenCode}.} other {Скористайтеся кодом, який надіслав {carrier}.}} Будь ласка, заберіть посилку до {pickupUntil}.`,
    },
    'pickup-reminder': {
      subject: '{shop}: нагадуємо про замовлення {orderId}',
      text: `Нагадуємо: ваше замовлення {orderId} досі чекає на вас ${kindIn} {pointName} за адресою: {pointAddress}. {hasCode, select, yes {Код отримання: {pickupCode}.} other {Скористайтеся кодом від {carrier}.}} Будь ласка, заберіть посилку до {pickupUntil}.`,
      sms: '{shop}: замовлення {orderId} ще чекає на вас ({pointName}). {hasCode, select, yes {Код: {pickupCode}.} other {Код у повідомленні від {carrier}.}} Забрати до {pickupUntil}.',
      voice: `Добрий день, це {shop}. Нагадуємо: ваше замовлення {orderId} ще чекає на вас ${kindIn} {pointName}. {hasCode, select, yes {Код отримання: {spokenCode}.} other {Скористайтеся кодом, який надіслав {carrier}.}} Будь ласка, заберіть посилку до {pickupUntil}.`,
    },
    'pickup-expired': {
      subject: '{shop}: замовлення {orderId} не отримано',
      text:
        `Термін зберігання вашого замовлення {orderId} ${kindIn} {pointName} минув. ` +
        '{afterExpiry, select, refund {Посилка повернеться до магазину, і ми повернемо вам гроші.} resend {Посилка повернеться до магазину, і ми надішлемо її вам повторно.} other {Посилка повернеться до магазину.}} ' +
        'Якщо у вас є запитання, зв’яжіться з нами: {support}.',
      sms: '{shop}: термін зберігання замовлення {orderId} минув. {afterExpiry, select, refund {Воно повернеться до магазину, гроші ми повернемо.} resend {Воно повернеться до магазину, і ми надішлемо його повторно.} other {Воно повернеться до магазину.}} Питання: {support}.',
    },
    'handover-pickup': {
      subject: '{shop}: замовлення {orderId} отримано',
      text: `Дякуємо, що забрали замовлення {orderId}. Будь ласка, перевірте посилку: якщо щось пошкоджено або чогось бракує, повідомте нам. ${withinDays}Зв’язатися з нами: {support}.`,
      sms: '{shop}: дякуємо, що забрали замовлення {orderId}. Перевірте його; питання та повернення: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: повернення замовлення {orderId} оформлено',
      text: 'Ми оформили повернення замовлення {orderId} — пояснювати причину не потрібно. Запакуйте товари: кур’єр зателефонує вам, щоб домовитися, коли їх забрати.',
      sms: '{shop}: повернення замовлення {orderId} оформлено. Запакуйте товари, кур’єр зателефонує.',
    },
    'return-received': {
      subject: '{shop}: ми отримали ваше повернення',
      text: 'Ми отримали товари, які ви повернули із замовлення {orderId}. Гроші повернемо найближчим часом.',
      sms: '{shop}: повернення із замовлення {orderId} отримано. Гроші повернемо найближчим часом.',
    },
    'return-refund': {
      subject: '{shop}: гроші повернуто',
      text: 'Ми повернули гроші за замовлення {orderId}{hasAmount, select, yes { ({amount})} other {}}. Зарахування на рахунок може тривати кілька днів.',
      sms: '{shop}: гроші за замовлення {orderId} повернуто.',
    },
    closing: {
      subject: '{shop}: дякуємо за покупку!',
      text:
        '{hasName, select, yes {{givenName}, дякуємо за покупку в {shop}!} other {Дякуємо за покупку в {shop}!}} ' +
        'Одне запитання: наскільки ймовірно, що ви знову замовите в нас?',
      sms: '{shop}: дякуємо за покупку! Наскільки ймовірно, що ви знову замовите в нас? Надішліть число від {min} до {max}.',
      voice:
        'Добрий день, це {shop}. Дякуємо за покупку! Наскільки ймовірно, що ви знову замовите в нас? Наберіть число від {min} до {max} і натисніть решітку.',
      answer: {
        text: 'Ваша відповідь — від {min} (точно ні) до {max} (обов’язково замовлю): {url}',
        email: 'Оберіть відповідь — від {min} (точно ні) до {max} (обов’язково замовлю):',
      },
    },
    cancellation: {
      subject: '{shop}: замовлення {orderId} скасовано',
      text: 'Ваше замовлення {orderId} скасовано{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: замовлення {orderId} скасовано. Питання: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: замовлення {orderId} закрито',
      text: 'Ми закрили ваше замовлення {orderId}{hasReason, select, yes { ({reason})} other {}}. Повернути його більше не можна. Якщо у вас залишилися запитання, зв’яжіться з нами: {support}.',
      sms: '{shop}: замовлення {orderId} закрито, повернути його більше не можна. Питання: {support}.',
    },
    'follow-up': {
      subject: '{shop}: просимо вибачення{hasName, select, yes {, {givenName}} other {}}',
      text: 'Дякуємо, що повідомили нам: із замовленням {orderId} не все пройшло гладко. Нам дуже шкода. Служба підтримки розбереться з цим сьогодні ж, а ви можете зв’язатися з нами напряму: {support}.',
      sms: '{shop}: шкода, що із замовленням {orderId} не все пройшло гладко. Ми вже розбираємося; зв’язок: {support}.',
    },
  },
};

const pages: PageStrings = {
  invalidRating: 'Посилання для оцінки недійсне або термін його дії минув.',
  invalidTracking: 'Посилання для відстеження недійсне.',
  rateTitle: 'Оцініть, будь ласка, нашу роботу',
  rateScale: 'Від {min} (погано) до {max} (чудово):',
  rateThanks: 'Дякуємо! Ми отримали вашу оцінку: {score}.',
  rateFailed: 'На жаль, не вдалося зберегти оцінку.',
  commentLabel: 'Бажаєте щось додати? (необов’язково)',
  commentSend: 'Надіслати коментар',
  orderTitle: 'Замовлення {orderId}',
  promised: 'Дата доставки: {date}',
  delayed: 'Доставка затримується: {reason}.',
  courier: 'Кур’єр приїде {window}.',
  pin: 'Назвіть кур’єру PIN-код для отримання: {pin}.',
  cancelled: 'Замовлення скасовано.',
  returning: 'Повернення оформлюється.',
  returned: 'Повернення завершено, гроші перераховано.',
  returnUntil: 'Повернути товар можна до {date}.',
  returnButton: 'Оформити повернення',
  returnOpened: 'Заявку на повернення прийнято: ми надішлемо вам інструкції.',
  returnRefused: 'Це замовлення вже не можна повернути. Будь ласка, зв’яжіться з нами.',
  trackingNumber: 'Номер відстеження: {number}',
  windowQuestion: 'Кур’єр ще не зателефонував. Оберіть зручний час доставки:',
  windowChosen: 'Дякуємо! Кур’єр приїде {window}.',
  windowStale: 'Цей варіант уже недоступний. Актуальний час доставки вказано на сторінці замовлення.',
  backToOrder: 'Повернутися до замовлення',
  supportContact: 'Маєте запитання щодо замовлення? Зв’яжіться з нами:',
  unsubscribeTitle: 'Відписка від листів',
  unsubscribeQuestion:
    'Відмовитися від необов’язкових листів про замовлення (статуси доставки, опитування)? Повідомлення, потрібні для отримання посилки, надходитимуть і далі.',
  unsubscribeButton: 'Відписатися',
  unsubscribed:
    'Ви відписалися від необов’язкових листів про замовлення. Повідомлення, потрібні для доставки, надходитимуть і далі.',
  invalidUnsubscribe: 'Посилання для відписки недійсне.',
  stages: {
    accepted: 'Замовлення прийнято',
    packed: 'Зібрано',
    handed_to_carrier: 'Передано службі доставки',
    in_transit: 'У дорозі',
    arrived_in_city: 'Прибуло у ваше місто',
    out_for_delivery: 'Передано кур’єру',
    ready_for_pickup: 'Очікує в пункті видачі',
    delivered: 'Доставлено',
  },
  collected: 'Отримано',
  pointHeading: 'Пункт видачі',
  pointKind: { locker: 'Поштомат', shop: 'Пункт видачі', post_office: 'Поштове відділення' },
  pointHours: 'Години роботи: {hours}',
  pointMap: 'Показати на мапі',
  pickupCode: 'Код отримання: {code}',
  pickupQrAlt: 'QR-код для отримання посилки',
  pickupCodeFromCarrier: 'Для отримання скористайтеся кодом від {carrier}.',
  pickupUntil: 'Заберіть посилку до {date}',
  pickupExpired: 'Посилку не забрали вчасно. Вона повертається до магазину.',
  pointChoiceHeading: 'Заберіть замовлення в пункті видачі',
  pointChangeHeading: 'Оберіть інший пункт видачі',
  pointChoiceButton: 'Доставити сюди',
  pointChosen:
    'Ваше замовлення чекатиме на вас у пункті «{name}». Ми повідомимо, коли його можна буде забрати, і надішлемо код отримання.',
  pointChoiceLate: "Змінити місце отримання вже неможливо. Будь ласка, зв'яжіться з нами.",
};

export const uk: Locale = {
  language: 'uk',
  name: 'Ukrainian',
  catalog,
  pages,
  // Only Google voices speak Ukrainian on Twilio (no Polly or basic voice does), so the call names one:
  // https://www.twilio.com/docs/voice/twiml/say/text-speech (and the SDK's SayVoice list).
  say: { language: 'uk-UA', voice: 'Google.uk-UA-Wavenet-A' },
  journey: {
    // A Ukrainian customer of a Polish shop, the case the issue names: Polish city, carrier and złoty.
    persona: {
      name: 'Оксана Коваленко',
      email: 'oksana.kovalenko@example.com',
      phone: '+48601765432',
      timezone: 'Europe/Warsaw',
      city: 'Wrocław',
      carrier: 'InPost',
      trackingNumber: '620111022345678954321876',
      item: 'Електрочайник',
      refund: '199,00 zł',
    },
    phrases: {
      storm: 'буря закрила автостраду A4',
      backlog: 'у сортувальному центрі накопичилися посилки',
      notHome: 'нікого не було вдома',
      tooSmall: 'замалий',
      atRequest: 'на ваше прохання',
    },
  },
};
