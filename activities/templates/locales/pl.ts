/**
 * Polish notices (powiadomienia po polsku): "Ty" with capitalised pronouns, gender-neutral forms, and
 * no name: the vocative cannot be derived reliably and a nominative ("Dzień dobry, Anna Nowak!") reads as a machine.
 */
import type { Catalog } from '../catalog-shape';
import type { Locale, PageStrings } from './locale';

const days = '{days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}';
const returnDays = (n: string) => `Zamówienie możesz zwrócić w ciągu # ${n}. `;
const withinDays = `{returnDays, plural, =0 {} one {${returnDays('dnia')}} few {${returnDays('dni')}} many {${returnDays('dni')}} other {${returnDays('dnia')}}}`;
/** The kind of point the parcel goes to ("do" + genitive) and waits at ("w" + locative). */
const kindTo =
  '{pointKind, select, locker {do automatu paczkowego} post_office {do placówki pocztowej} other {do punktu odbioru}}';
const kindIn =
  '{pointKind, select, locker {w automacie paczkowym} post_office {w placówce pocztowej} other {w punkcie odbioru}}';

const catalog: Catalog = {
  common: {
    rateText: 'Jak oceniasz ten etap? Wybierz ocenę od {min} do {max}: {url}',
    rateEmail: 'Jak oceniasz ten etap? Wybierz ocenę od {min} do {max}:',
    rateSms: 'Oceń nas: odpisz cyfrą {min}–{max}.',
    support: 'Masz pytania? Skontaktuj się z nami: {support}',
    unsubscribe: 'Wypisz się z dodatkowych powiadomień e-mail: {url}',
    unsubscribeLink: 'Wypisz się z dodatkowych powiadomień e-mail',
    trackLink: 'Śledź przesyłkę',
    promiseDate: '{date}',
    promiseWindow: 'między {from} a {to}',
    window: '{day} w godz. {from}–{to}',
    option: '{n} – {from}–{to}',
    spokenOption: '{n}, jeśli pasuje Ci od {from} do {to}',
    notInCity: 'przesyłka nie dotarła jeszcze do Twojego miasta',
    thanks: 'Dziękujemy! Zapisaliśmy Twoją odpowiedź.',
    chooseWindow: 'Wybierz godzinę dostawy',
  },
  reasons: {
    'carrier-eta': 'przewoźnik przesunął przewidywany termin doręczenia',
    'carrier-silent': 'przewoźnik od dłuższego czasu nie przekazał informacji o przesyłce',
    consignee_not_home: 'kurier nie zastał nikogo pod adresem dostawy',
    address_problem: 'przewoźnik musi doprecyzować adres dostawy',
    damaged: 'przesyłka została uszkodzona w transporcie',
    customs: 'przesyłka przechodzi odprawę celną',
    weather: 'trudne warunki pogodowe opóźniają dostawy',
    capacity: 'przewoźnik ma obecnie więcej przesyłek niż zwykle',
    lost: 'przewoźnik nie może obecnie odnaleźć przesyłki',
    other: 'przewoźnik zgłosił problem z przesyłką',
  },
  templates: {
    confirmation: {
      subject: '{shop}: zamówienie {orderId} przyjęte',
      text: 'Dzień dobry! Przyjęliśmy Twoje zamówienie {orderId}: {items}. Dostarczymy je {promise}.',
      sms: '{shop}: zamówienie {orderId} przyjęte. Dostawa {promise}.',
    },
    tracking: {
      subject: '{shop}: zamówienie {orderId} jest w drodze',
      text: 'Twoje zamówienie {orderId} zostało przekazane przewoźnikowi {carrier}. <track>Śledź przesyłkę</track>',
      sms: '{shop}: zamówienie {orderId} jest w drodze ({carrier}). <track>Śledź przesyłkę</track>',
    },
    delay: {
      subject: `{shop}: zamówienie {orderId} spóźni się o ${days}`,
      text:
        `Przepraszamy! Twoje zamówienie {orderId} dotrze o ${days} później, niż obiecaliśmy. Powód: {reason}. ` +
        'Nowa data dostawy: {newDate}. <track>Śledź przesyłkę</track>',
      sms: `{shop}: przepraszamy, zamówienie {orderId} spóźni się o ${days} ({reason}). Nowa data: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: zamówienie {orderId} jest już w Twoim mieście',
      text: 'Twoje zamówienie {orderId} dotarło do miasta {city}. Kurier zadzwoni, aby uzgodnić godzinę dostawy.',
      sms: '{shop}: zamówienie {orderId} jest już w Twoim mieście. Kurier zadzwoni, aby uzgodnić godzinę.',
    },
    'courier-call': {
      subject: '{shop}: dostawa {window}',
      text: 'Kurier dostarczy Twoje zamówienie {orderId} {window}. Podaj kurierowi kod PIN: {pin}.',
      sms: '{shop}: kurier dostarczy zamówienie {orderId} {window}. PIN: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: kiedy dostarczyć zamówienie {orderId}?',
      text: 'Twoje zamówienie {orderId} zostanie dostarczone {day}. Które godziny Ci odpowiadają: {windows}? <track>Wybierz je na stronie przesyłki</track> lub skontaktuj się z nami: {support}.',
      sms: '{shop}: zamówienie {orderId} dostarczymy {day}. Które godziny Ci pasują? Odpisz cyfrą: {options}.',
      voice:
        'Dzień dobry, tu {shop}. Twoje zamówienie {orderId} zostanie dostarczone {day}. Kiedy kurier ma przyjechać? Naciśnij {spokenOptions}.',
    },
    'failed-attempt': {
      subject: '{shop}: nie zastaliśmy Cię',
      text: 'Kurier nie mógł dostarczyć Twojego zamówienia {orderId}{hasReason, select, yes { ({reason})} other {}}. Zadzwoni, aby uzgodnić nowy termin dostawy.',
      sms: '{shop}: kurier nie mógł dostarczyć zamówienia {orderId}. Zadzwoni, aby uzgodnić nowy termin.',
    },
    handover: {
      subject: '{shop}: zamówienie {orderId} dostarczone',
      text:
        'Twoje zamówienie {orderId} zostało dostarczone. Sprawdź przesyłkę: jeśli coś jest uszkodzone lub czegoś brakuje, daj nam znać. ' +
        `${withinDays}Kontakt: {support}.`,
      sms: '{shop}: zamówienie {orderId} dostarczone. Sprawdź przesyłkę; reklamacje i zwroty: {support}.',
    },
    'confirmation-pickup': {
      subject: '{shop}: zamówienie {orderId} przyjęte',
      text: `Dzień dobry! Przyjęliśmy Twoje zamówienie {orderId}: {items}. Dostarczymy je {promise} ${kindTo} {pointName}, {pointAddress}. Damy znać, gdy będzie gotowe do odbioru.`,
      sms: '{shop}: zamówienie {orderId} przyjęte. Dostawa {promise}: {pointName}, {pointAddress}.',
    },
    'arrival-pickup': {
      subject: '{shop}: zamówienie {orderId} jest już w Twoim mieście',
      text: `Twoje zamówienie {orderId} dotarło do miasta {city}. Damy znać, gdy tylko będzie gotowe do odbioru ${kindIn} {pointName}.`,
      sms: '{shop}: zamówienie {orderId} jest już w Twoim mieście. Damy znać, gdy będzie gotowe do odbioru ({pointName}).',
    },
    'ready-for-pickup': {
      subject: '{shop}: zamówienie {orderId} czeka na odbiór',
      text:
        `Twoje zamówienie {orderId} czeka na Ciebie ${kindIn} {pointName}, {pointAddress}.{hasHours, select, yes { Godziny otwarcia: {pointHours}.} other {}} ` +
        '{hasCode, select, yes {Kod odbioru: {pickupCode}.} other {Użyj kodu przesłanego przez {carrier}.}} Paczkę można odebrać do {pickupUntil}.{hasMap, select, yes { <map>Pokaż na mapie</map>} other {}}',
      sms: '{shop}: zamówienie {orderId} czeka na odbiór: {pointName}, {pointAddress}. {hasCode, select, yes {Kod: {pickupCode}.} other {Kod w wiadomości od {carrier}.}} Odbiór do {pickupUntil}.{hasMap, select, yes { <map>Mapa</map>} other {}}',
      voice: `Dzień dobry, tu {shop}. Twoje zamówienie {orderId} czeka na odbiór ${kindIn} {pointName}, {pointAddress}. {hasCode, select, yes {Kod odbioru: {spokenCode}. Powtarzam: {spokenCode}.} other {Prosimy użyć kodu przesłanego przez {carrier}.}} Paczkę można odebrać do {pickupUntil}.`,
    },
    'pickup-reminder': {
      subject: '{shop}: przypominamy o zamówieniu {orderId}',
      text: `Przypominamy: Twoje zamówienie {orderId} nadal czeka na Ciebie ${kindIn} {pointName}, {pointAddress}. {hasCode, select, yes {Kod odbioru: {pickupCode}.} other {Użyj kodu przesłanego przez {carrier}.}} Paczkę można odebrać do {pickupUntil}.`,
      sms: '{shop}: zamówienie {orderId} nadal czeka na odbiór ({pointName}). {hasCode, select, yes {Kod: {pickupCode}.} other {Kod w wiadomości od {carrier}.}} Odbiór do {pickupUntil}.',
      voice: `Dzień dobry, tu {shop}. Przypominamy: Twoje zamówienie {orderId} nadal czeka na odbiór ${kindIn} {pointName}. {hasCode, select, yes {Kod odbioru: {spokenCode}.} other {Prosimy użyć kodu przesłanego przez {carrier}.}} Paczkę można odebrać do {pickupUntil}.`,
    },
    'pickup-expired': {
      subject: '{shop}: zamówienie {orderId} nie zostało odebrane',
      text:
        `Minął termin odbioru Twojego zamówienia {orderId} ${kindIn} {pointName}. ` +
        '{afterExpiry, select, refund {Paczka wróci do sklepu, a my zwrócimy Ci pieniądze.} resend {Paczka wróci do sklepu, a my wyślemy ją do Ciebie ponownie.} other {Paczka wróci do sklepu.}} ' +
        'W razie pytań skontaktuj się z nami: {support}.',
      sms: '{shop}: minął termin odbioru zamówienia {orderId}. {afterExpiry, select, refund {Paczka wróci do sklepu, a my zwrócimy Ci pieniądze.} resend {Paczka wróci do sklepu, a my wyślemy ją ponownie.} other {Paczka wróci do sklepu.}} Pytania: {support}.',
    },
    'handover-pickup': {
      subject: '{shop}: zamówienie {orderId} odebrane',
      text: `Dziękujemy za odebranie zamówienia {orderId}. Sprawdź przesyłkę: jeśli coś jest uszkodzone lub czegoś brakuje, daj nam znać. ${withinDays}Kontakt: {support}.`,
      sms: '{shop}: dziękujemy za odebranie zamówienia {orderId}. Sprawdź przesyłkę; reklamacje i zwroty: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: zwrot zamówienia {orderId} przyjęty',
      text: 'Przyjęliśmy zwrot zamówienia {orderId} – nie musisz podawać powodu. Zapakuj produkty, a kurier zadzwoni, aby umówić odbiór.',
      sms: '{shop}: zwrot zamówienia {orderId} przyjęty. Zapakuj produkty, kurier zadzwoni.',
    },
    'return-received': {
      subject: '{shop}: otrzymaliśmy Twój zwrot',
      text: 'Otrzymaliśmy produkty zwrócone z zamówienia {orderId}. Wkrótce zwrócimy Ci pieniądze.',
      sms: '{shop}: otrzymaliśmy zwrot z zamówienia {orderId}. Wkrótce zwrócimy Ci pieniądze.',
    },
    'return-refund': {
      subject: '{shop}: pieniądze zwrócone',
      text: 'Zwróciliśmy pieniądze za zamówienie {orderId}{hasAmount, select, yes { ({amount})} other {}}. Środki mogą pojawić się na koncie w ciągu kilku dni.',
      sms: '{shop}: pieniądze za zamówienie {orderId} zwrócone.',
    },
    closing: {
      subject: '{shop}: dziękujemy za zakupy!',
      text: 'Dziękujemy za zakupy w {shop}! Jedno pytanie: jak prawdopodobne jest, że znów zrobisz u nas zakupy?',
      sms: '{shop}: dziękujemy za zakupy! Jak prawdopodobne jest, że znów zrobisz u nas zakupy? Odpisz liczbą od {min} do {max}.',
      voice:
        'Dzień dobry, tu {shop}. Dziękujemy za zakupy! Jak prawdopodobne jest, że znów zrobisz u nas zakupy? Wybierz liczbę od {min} do {max} i naciśnij krzyżyk.',
      answer: {
        text: 'Twoja odpowiedź – od {min} (na pewno nie) do {max} (na pewno tak): {url}',
        email: 'Wybierz odpowiedź – od {min} (na pewno nie) do {max} (na pewno tak):',
      },
    },
    cancellation: {
      subject: '{shop}: zamówienie {orderId} anulowane',
      text: 'Twoje zamówienie {orderId} zostało anulowane{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: zamówienie {orderId} anulowane. Pytania: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: zamówienie {orderId} zamknięte',
      text: 'Zamknęliśmy Twoje zamówienie {orderId}{hasReason, select, yes { ({reason})} other {}}. Zwrot tego zamówienia nie jest już możliwy. W razie pytań skontaktuj się z nami: {support}.',
      sms: '{shop}: zamówienie {orderId} zamknięte; zwrot nie jest już możliwy. Pytania: {support}.',
    },
    'follow-up': {
      subject: '{shop}: przepraszamy',
      text: 'Dziękujemy za informację, że przy zamówieniu {orderId} coś poszło nie tak. Przepraszamy. Nasz zespół obsługi klienta zajmie się tym jeszcze dziś; możesz też skontaktować się z nami bezpośrednio: {support}.',
      sms: '{shop}: przykro nam, że przy zamówieniu {orderId} coś poszło nie tak. Zajmujemy się tym; kontakt: {support}.',
    },
  },
};

const pages: PageStrings = {
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
  pin: 'Podaj kurierowi kod PIN: {pin}.',
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
  supportContact: 'Masz pytania dotyczące zamówienia? Skontaktuj się z nami:',
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
    ready_for_pickup: 'Gotowe do odbioru',
    delivered: 'Dostarczone',
  },
  collected: 'Odebrane',
  pointHeading: 'Punkt odbioru',
  pointKind: { locker: 'Automat paczkowy', shop: 'Punkt odbioru', post_office: 'Placówka pocztowa' },
  pointHours: 'Godziny otwarcia: {hours}',
  pointMap: 'Pokaż na mapie',
  pickupCode: 'Kod odbioru: {code}',
  pickupQrAlt: 'Kod QR z kodem odbioru',
  pickupCodeFromCarrier: 'Odbierz ją kodem przesłanym przez {carrier}.',
  pickupUntil: 'Paczkę można odebrać do {date}',
  pickupExpired: 'Paczka nie została odebrana w terminie. Wraca do sklepu.',
  pointChoiceHeading: 'Odbierz paczkę w punkcie odbioru',
  pointChangeHeading: 'Wybierz inny punkt odbioru',
  pointChoiceButton: 'Wyślij paczkę tutaj',
  pointChosen:
    'Paczka będzie na Ciebie czekać w punkcie {name}. Damy znać, gdy będzie gotowa do odbioru, i podamy kod odbioru.',
  pointChoiceLate: 'Nie można już zmienić miejsca dostawy. Prosimy o kontakt.',
};

export const pl: Locale = {
  language: 'pl',
  name: 'Polish',
  catalog,
  pages,
  say: { language: 'pl-PL' },
  journey: {
    persona: {
      name: 'Anna Nowak',
      email: 'anna.nowak@example.com',
      phone: '+48601234567',
      timezone: 'Europe/Warsaw',
      city: 'Kraków',
      carrier: 'InPost',
      trackingNumber: '620111022345678912345678',
      item: 'Czajnik elektryczny',
      refund: '199,00 zł',
    },
    phrases: {
      storm: 'burza zamknęła autostradę A4',
      backlog: 'w sortowni są zaległości',
      notHome: 'nikogo nie było w domu',
      tooSmall: 'za mały',
      atRequest: 'na Twoją prośbę',
    },
  },
};
