/** Powiadomienia po polsku. */
import type { Catalog } from './catalog';

const days = '{days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}';
const returnDays = (n: string) => `Możesz je zwrócić w ciągu # ${n}. `;

export const pl: Catalog = {
  common: {
    rateText: 'Jak nam poszło? Oceń od {min} do {max}: {url}',
    rateEmail: 'Jak nam poszło? Oceń ten etap od {min} do {max}:',
    rateSms: 'Oceń: odpisz cyfrą {min}-{max}.',
    support: 'Pytania? {support}',
    unsubscribe: 'Wypisz się z nieobowiązkowych wiadomości: {url}',
    unsubscribeLink: 'Wypisz się z nieobowiązkowych wiadomości',
    trackLink: 'Śledź przesyłkę',
    promiseDate: '{date}',
    promiseWindow: 'między {from} a {to}',
    window: '{day} w godz. {from}–{to}',
    option: '{n} – {from}–{to}',
    notInCity: 'przesyłka nie dotarła jeszcze do Twojego miasta',
    thanks: 'Dziękujemy! Zapisaliśmy Twoją odpowiedź.',
  },
  templates: {
    confirmation: {
      subject: '{shop}: zamówienie {orderId} przyjęte',
      text: 'Dzień dobry, {name}! Przyjęliśmy Twoje zamówienie {orderId}: {items}. Dostarczymy je {promise}.',
      sms: '{shop}: zamówienie {orderId} przyjęte. Dostawa {promise}.',
    },
    tracking: {
      subject: '{shop}: zamówienie {orderId} jest w drodze',
      text: 'Twoje zamówienie {orderId} zostało przekazane przewoźnikowi {carrier}. Śledź je tutaj: {trackingUrl}',
      sms: '{shop}: zamówienie {orderId} jest u przewoźnika {carrier}. Śledź: {trackingUrl}',
    },
    delay: {
      subject: `{shop}: zamówienie {orderId} spóźni się o ${days}`,
      text:
        `Przepraszamy, {name}: Twoje zamówienie {orderId} dotrze o ${days} później, niż obiecaliśmy, ponieważ {reason}. ` +
        'Nowa data dostawy: {newDate}. Śledź je tutaj: {trackingUrl}',
      sms: `{shop}: przepraszamy, zamówienie {orderId} spóźni się o ${days} ({reason}). Nowa data: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: zamówienie {orderId} jest już w Twoim mieście',
      text: 'Twoje zamówienie {orderId} dotarło do miasta {city}. Kurier zadzwoni, aby uzgodnić godzinę dostawy.',
      sms: '{shop}: zamówienie {orderId} jest już w Twoim mieście. Kurier zadzwoni, aby uzgodnić godzinę.',
    },
    'courier-call': {
      subject: '{shop}: dostawa {window}',
      text: 'Kurier dostarczy Twoje zamówienie {orderId} {window}. Podaj kurierowi kod PIN dostawy: {pin}.',
      sms: '{shop}: kurier dostarczy zamówienie {orderId} {window}. PIN: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: kiedy dostarczyć zamówienie {orderId}?',
      text: 'Twoje zamówienie {orderId} jest już u kuriera. Która godzina Ci odpowiada: {options}? Odpisz numerem na naszego SMS-a lub zadzwoń: {support}.',
      sms: '{shop}: zamówienie {orderId} jest u kuriera. Kiedy Ci pasuje? Odpisz: {options}.',
      voice: 'Dzień dobry, tu {shop}. Twoje zamówienie {orderId} jest już u kuriera. Kiedy mamy je dostarczyć? Naciśnij {options}.',
    },
    'failed-attempt': {
      subject: '{shop}: nie zastaliśmy Cię',
      text: 'Kurier nie mógł dostarczyć zamówienia {orderId}{hasReason, select, yes { ({reason})} other {}}. Zadzwoni, aby uzgodnić nowy termin.',
      sms: '{shop}: kurier nie mógł dostarczyć zamówienia {orderId}. Zadzwoni, aby uzgodnić nowy termin.',
    },
    handover: {
      subject: '{shop}: zamówienie {orderId} dostarczone',
      text:
        'Twoje zamówienie {orderId} zostało dostarczone. Sprawdź przesyłkę: jeśli coś jest uszkodzone lub czegoś brakuje, daj nam znać. ' +
        `{returnDays, plural, =0 {} one {${returnDays('dnia')}} few {${returnDays('dni')}} many {${returnDays('dni')}} other {${returnDays('dnia')}}}` +
        'Kontakt: {support}.',
      sms: '{shop}: zamówienie {orderId} dostarczone. Sprawdź je; problemy i zwroty: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: zwrot zamówienia {orderId} przyjęty',
      text: 'Przyjęliśmy zwrot zamówienia {orderId}, bez zbędnych pytań. Zapakuj produkty, a kurier zadzwoni, aby umówić odbiór.',
      sms: '{shop}: zwrot zamówienia {orderId} przyjęty. Zapakuj produkty, kurier zadzwoni.',
    },
    'return-received': {
      subject: '{shop}: otrzymaliśmy Twój zwrot',
      text: 'Otrzymaliśmy produkty zwrócone z zamówienia {orderId}. Zwrot pieniędzy jest już w drodze.',
      sms: '{shop}: zwrot z zamówienia {orderId} dotarł. Pieniądze są już w drodze.',
    },
    'return-refund': {
      subject: '{shop}: pieniądze zwrócone',
      text: 'Zwróciliśmy pieniądze za zamówienie {orderId}{hasAmount, select, yes { ({amount})} other {}}. Mogą pojawić się na koncie w ciągu kilku dni.',
      sms: '{shop}: pieniądze za zamówienie {orderId} zwrócone.',
    },
    closing: {
      subject: '{shop}: dziękujemy!',
      text: 'Dziękujemy za zakupy w {shop}, {name}! Jedno pytanie: jak bardzo prawdopodobne jest, że znów u nas zamówisz, w skali od 0 do 10?',
      sms: '{shop}: dziękujemy za zakupy! Jak bardzo prawdopodobne jest, że znów u nas zamówisz? Odpisz od 0 do 10.',
    },
    cancellation: {
      subject: '{shop}: zamówienie {orderId} anulowane',
      text: 'Twoje zamówienie {orderId} zostało anulowane{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: zamówienie {orderId} anulowane. Pytania: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: zamówienie {orderId} zamknięte',
      text: 'Zamknęliśmy Twoje zamówienie {orderId}{hasReason, select, yes { ({reason})} other {}}. Nie można go już zwrócić za naszym pośrednictwem; w razie pytań napisz do nas: {support}.',
      sms: '{shop}: zamówienie {orderId} zamknięte; zwrot nie jest już możliwy. Pytania: {support}.',
    },
    'follow-up': {
      subject: '{shop}: przepraszamy, {name}',
      text: 'Dziękujemy, że dałeś nam znać, że przy zamówieniu {orderId} coś poszło nie tak. Przepraszamy. Nasz zespół wsparcia zajmie się tym jeszcze dziś; możesz też skontaktować się z nami bezpośrednio: {support}.',
      sms: '{shop}: przykro nam, że przy zamówieniu {orderId} coś poszło nie tak. Zajmujemy się tym; kontakt: {support}.',
    },
  },
};
