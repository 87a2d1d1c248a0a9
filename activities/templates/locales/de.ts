/**
 * German (Deutsch): formal "Sie". A greeting with the given name says "Hallo Anna," as German shops do; a
 * formal "Frau/Herr" needs the surname and a gender Doorstep does not have. Reasons follow "Grund:", since a
 * carrier's free text cannot take the verb-final order a "weil" clause needs.
 */
import type { Catalog } from '../catalog-shape';
import type { Locale, PageStrings } from './locale';

const days = '{days, plural, one {# Tag} other {# Tage}}';
const withinDays =
  '{returnDays, plural, =0 {} one {Sie können sie innerhalb von # Tag zurückgeben. } other {Sie können sie innerhalb von # Tagen zurückgeben. }}';
/** The kind of point the parcel goes to (accusative) and waits at (dative). */
const kindTo =
  '{pointKind, select, locker {an die Paketstation} post_office {in die Postfiliale} other {in den Paketshop}}';
const kindAt =
  '{pointKind, select, locker {an der Paketstation} post_office {in der Postfiliale} other {im Paketshop}}';

const catalog: Catalog = {
  common: {
    rateText: 'Wie waren wir? Bewerten Sie diesen Schritt von {min} bis {max}: {url}',
    rateEmail: 'Wie waren wir? Bewerten Sie diesen Schritt von {min} bis {max}:',
    rateSms: 'Bewerten Sie uns: Antworten Sie mit {min}–{max}.',
    support: 'Fragen? {support}',
    unsubscribe: 'Von nicht notwendigen E-Mails abmelden: {url}',
    unsubscribeLink: 'Von nicht notwendigen E-Mails abmelden',
    trackLink: 'Sendung verfolgen',
    promiseDate: 'am {date}',
    promiseWindow: 'zwischen dem {from} und dem {to}',
    window: 'am {day} zwischen {from} und {to} Uhr',
    option: '{n} für {from}–{to} Uhr',
    spokenOption: '{n} für {from} bis {to} Uhr',
    notInCity: 'das Paket hat Ihre Stadt noch nicht erreicht',
    thanks: 'Vielen Dank! Wir haben Ihre Antwort gespeichert.',
    chooseWindow: 'Lieferzeit wählen',
  },
  reasons: {
    'carrier-eta': 'der Paketdienst rechnet jetzt mit einer späteren Zustellung',
    'carrier-silent': 'der Paketdienst meldet seit längerem keinen Fortschritt',
    consignee_not_home: 'der Zusteller hat an der Lieferadresse niemanden angetroffen',
    address_problem: 'der Paketdienst muss die Lieferadresse klären',
    damaged: 'das Paket wurde beim Transport beschädigt',
    customs: 'das Paket befindet sich in der Zollabfertigung',
    weather: 'schlechtes Wetter verzögert die Zustellung',
    capacity: 'der Paketdienst hat derzeit mehr Sendungen als üblich',
    lost: 'der Paketdienst kann das Paket derzeit nicht finden',
    other: 'der Paketdienst hat ein Problem mit dem Paket gemeldet',
  },
  templates: {
    confirmation: {
      subject: '{shop}: Bestellung {orderId} ist eingegangen',
      text: '{hasName, select, yes {Hallo {givenName},} other {Guten Tag,}} wir haben Ihre Bestellung {orderId} erhalten: {items}. Wir liefern sie {promise}.',
      sms: '{shop}: Bestellung {orderId} ist eingegangen. Lieferung {promise}.',
    },
    tracking: {
      subject: '{shop}: Bestellung {orderId} ist unterwegs',
      text: 'Ihre Bestellung {orderId} wurde an {carrier} übergeben. <track>Hier können Sie sie verfolgen</track>',
      sms: '{shop}: Bestellung {orderId} ist bei {carrier}. <track>Sendung verfolgen</track>',
    },
    delay: {
      subject: `{shop}: Bestellung {orderId} verspätet sich um ${days}`,
      text:
        `{hasName, select, yes {Es tut uns leid, {givenName}:} other {Es tut uns leid:}} Ihre Bestellung {orderId} kommt ${days} später als versprochen. ` +
        'Grund: {reason}. Neuer Liefertermin: {newDate}. <track>Hier können Sie sie verfolgen</track>',
      sms: `{shop}: Entschuldigung, Bestellung {orderId} verspätet sich um ${days} ({reason}). Neuer Termin: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: Bestellung {orderId} ist in {city} angekommen',
      text: 'Ihre Bestellung {orderId} ist in {city} angekommen. Der Kurier ruft Sie an, um einen Liefertermin zu vereinbaren.',
      sms: '{shop}: Bestellung {orderId} ist in {city}. Der Kurier ruft Sie an, um eine Uhrzeit zu vereinbaren.',
    },
    'courier-call': {
      subject: '{shop}: Lieferung {window}',
      text: 'Der Kurier bringt Ihre Bestellung {orderId} {window}. Bitte nennen Sie ihm diese Liefer-PIN: {pin}.',
      sms: '{shop}: Der Kurier bringt Bestellung {orderId} {window}. Liefer-PIN: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: Wann dürfen wir Bestellung {orderId} liefern?',
      text: 'Ihre Bestellung {orderId} wird am {day} geliefert. Welche Zeit passt Ihnen: {windows} Uhr? <track>Wählen Sie sie auf der Sendungsseite</track> oder kontaktieren Sie uns: {support}.',
      sms: '{shop}: Bestellung {orderId} wird am {day} geliefert. Wann passt es Ihnen? Antworten Sie mit {options}.',
      voice:
        'Guten Tag, hier ist {shop}. Ihre Bestellung {orderId} wird am {day} geliefert. Wann soll der Kurier kommen? Drücken Sie {spokenOptions}.',
    },
    'failed-attempt': {
      subject: '{shop}: Wir haben Sie leider nicht angetroffen',
      text: 'Der Kurier konnte Ihre Bestellung {orderId} nicht zustellen{hasReason, select, yes { ({reason})} other {}}. Sie erhalten einen Anruf, um einen neuen Termin zu vereinbaren.',
      sms: '{shop}: Der Kurier konnte Bestellung {orderId} nicht zustellen. Sie erhalten einen Anruf für einen neuen Termin.',
    },
    handover: {
      subject: '{shop}: Bestellung {orderId} zugestellt',
      text:
        'Ihre Bestellung {orderId} wurde zugestellt. Bitte prüfen Sie das Paket gleich: Wenn etwas beschädigt ist oder fehlt, sagen Sie uns Bescheid. ' +
        `${withinDays}Kontakt: {support}.`,
      sms: '{shop}: Bestellung {orderId} zugestellt. Bitte prüfen Sie sie; Probleme oder Rückgabe: {support}.',
    },
    'confirmation-pickup': {
      subject: '{shop}: Bestellung {orderId} ist eingegangen',
      text: `{hasName, select, yes {Hallo {givenName},} other {Guten Tag,}} wir haben Ihre Bestellung {orderId} erhalten: {items}. Wir liefern sie {promise} ${kindTo} {pointName}, {pointAddress}, und sagen Ihnen Bescheid, sobald sie abholbereit ist.`,
      sms: '{shop}: Bestellung {orderId} ist eingegangen. Lieferung {promise} an {pointName}, {pointAddress}.',
    },
    'arrival-pickup': {
      subject: '{shop}: Bestellung {orderId} ist in {city} angekommen',
      text: `Ihre Bestellung {orderId} ist in {city} angekommen. Wir sagen Ihnen Bescheid, sobald Sie sie ${kindAt} {pointName} abholen können.`,
      sms: '{shop}: Bestellung {orderId} ist in {city}. Wir melden uns, sobald sie bei {pointName} abholbereit ist.',
    },
    'ready-for-pickup': {
      subject: '{shop}: Bestellung {orderId} ist abholbereit',
      text:
        `Ihre Bestellung {orderId} liegt ${kindAt} {pointName}, {pointAddress}, für Sie bereit.{hasHours, select, yes { Öffnungszeiten: {pointHours}.} other {}} ` +
        '{hasCode, select, yes {Ihr Abholcode: {pickupCode}.} other {Nutzen Sie den Code, den Ihnen {carrier} geschickt hat.}} Bitte holen Sie das Paket bis {pickupUntil} Uhr ab.{hasMap, select, yes { <map>Auf der Karte zeigen</map>} other {}}',
      sms: '{shop}: Bestellung {orderId} liegt bereit: {pointName}, {pointAddress}. {hasCode, select, yes {Code: {pickupCode}.} other {Code von {carrier}.}} Abholen bis {pickupUntil} Uhr.{hasMap, select, yes { <map>Karte</map>} other {}}',
      voice: `Guten Tag, hier ist {shop}. Ihre Bestellung {orderId} liegt ${kindAt} {pointName}, {pointAddress}, für Sie bereit. {hasCode, select, yes {Ihr Abholcode lautet {spokenCode}. Ich wiederhole: {spokenCode}.} other {Bitte nutzen Sie den Code, den Ihnen {carrier} geschickt hat.}} Bitte holen Sie das Paket bis {pickupUntil} Uhr ab.`,
    },
    'pickup-reminder': {
      subject: '{shop}: Bestellung {orderId} wartet auf Sie',
      text: `Eine Erinnerung: Ihre Bestellung {orderId} liegt noch ${kindAt} {pointName}, {pointAddress}, für Sie bereit. {hasCode, select, yes {Ihr Abholcode: {pickupCode}.} other {Nutzen Sie den Code, den Ihnen {carrier} geschickt hat.}} Bitte holen Sie das Paket bis {pickupUntil} Uhr ab.`,
      sms: '{shop}: Bestellung {orderId} wartet noch bei {pointName}. {hasCode, select, yes {Code: {pickupCode}.} other {Code von {carrier}.}} Abholen bis {pickupUntil} Uhr.',
      voice: `Guten Tag, hier ist {shop}. Eine Erinnerung: Ihre Bestellung {orderId} liegt noch ${kindAt} {pointName} für Sie bereit. {hasCode, select, yes {Ihr Abholcode lautet {spokenCode}.} other {Bitte nutzen Sie den Code, den Ihnen {carrier} geschickt hat.}} Bitte holen Sie das Paket bis {pickupUntil} Uhr ab.`,
    },
    'pickup-expired': {
      subject: '{shop}: Bestellung {orderId} wurde nicht abgeholt',
      text:
        `Die Abholfrist für Ihre Bestellung {orderId} ${kindAt} {pointName} ist abgelaufen. ` +
        '{afterExpiry, select, refund {Das Paket geht an den Shop zurück, und wir erstatten Ihnen den Betrag.} resend {Das Paket geht an den Shop zurück, und wir senden es Ihnen erneut zu.} other {Das Paket geht an den Shop zurück.}} ' +
        'Bei Fragen erreichen Sie uns hier: {support}.',
      sms: '{shop}: Die Abholfrist für Bestellung {orderId} ist abgelaufen. {afterExpiry, select, refund {Das Paket geht zurück; Sie erhalten eine Erstattung.} resend {Das Paket geht zurück; wir senden es erneut.} other {Das Paket geht an den Shop zurück.}} Fragen: {support}.',
    },
    'handover-pickup': {
      subject: '{shop}: Bestellung {orderId} abgeholt',
      text: `Vielen Dank, dass Sie Ihre Bestellung {orderId} abgeholt haben. Bitte prüfen Sie das Paket gleich: Wenn etwas beschädigt ist oder fehlt, sagen Sie uns Bescheid. ${withinDays}Kontakt: {support}.`,
      sms: '{shop}: Danke, dass Sie Bestellung {orderId} abgeholt haben. Bitte prüfen Sie sie; Probleme oder Rückgabe: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: Rückgabe von Bestellung {orderId} angenommen',
      text: 'Wir haben Ihre Rückgabe von Bestellung {orderId} angenommen – ganz ohne Begründung. Packen Sie die Artikel ein; der Kurier ruft Sie an, um die Abholung zu vereinbaren.',
      sms: '{shop}: Rückgabe von Bestellung {orderId} angenommen. Packen Sie die Artikel ein; der Kurier ruft Sie an.',
    },
    'return-received': {
      subject: '{shop}: Ihre Rücksendung ist angekommen',
      text: 'Wir haben die Artikel erhalten, die Sie aus Bestellung {orderId} zurückgeschickt haben. Ihre Erstattung ist unterwegs.',
      sms: '{shop}: Ihre Rücksendung zu Bestellung {orderId} ist angekommen. Die Erstattung ist unterwegs.',
    },
    'return-refund': {
      subject: '{shop}: Betrag erstattet',
      text: 'Wir haben Ihnen den Betrag für Bestellung {orderId} erstattet{hasAmount, select, yes { ({amount})} other {}}. Es kann einige Tage dauern, bis er auf Ihrem Konto erscheint.',
      sms: '{shop}: Erstattung für Bestellung {orderId} veranlasst.',
    },
    closing: {
      subject: '{shop}: Vielen Dank!',
      text:
        '{hasName, select, yes {Vielen Dank für Ihren Einkauf bei {shop}, {givenName}!} other {Vielen Dank für Ihren Einkauf bei {shop}!}} ' +
        'Eine Frage: Wie wahrscheinlich ist es, dass Sie wieder bei uns bestellen?',
      sms: '{shop}: Vielen Dank für Ihre Bestellung! Wie wahrscheinlich ist es, dass Sie wieder bei uns bestellen? Antworten Sie mit einer Zahl von {min} bis {max}.',
      voice:
        'Guten Tag, hier ist {shop}. Vielen Dank für Ihre Bestellung! Wie wahrscheinlich ist es, dass Sie wieder bei uns bestellen? Drücken Sie eine Zahl von {min} bis {max} und dann die Rautetaste.',
      answer: {
        text: 'Antworten Sie von {min} (sehr unwahrscheinlich) bis {max} (sehr wahrscheinlich): {url}',
        email: 'Tippen Sie auf Ihre Antwort, von {min} (sehr unwahrscheinlich) bis {max} (sehr wahrscheinlich):',
      },
    },
    cancellation: {
      subject: '{shop}: Bestellung {orderId} storniert',
      text: 'Ihre Bestellung {orderId} wurde storniert{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: Bestellung {orderId} storniert. Fragen: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: Bestellung {orderId} abgeschlossen',
      text: 'Wir haben Ihre Bestellung {orderId} abgeschlossen{hasReason, select, yes { ({reason})} other {}}. Eine Rückgabe ist nicht mehr möglich; bei Fragen wenden Sie sich bitte an {support}.',
      sms: '{shop}: Bestellung {orderId} abgeschlossen; eine Rückgabe ist nicht mehr möglich. Fragen: {support}.',
    },
    'follow-up': {
      subject: '{shop}: Das tut uns leid{hasName, select, yes {, {givenName}} other {}}',
      text: 'Danke, dass Sie uns gesagt haben, dass bei Bestellung {orderId} etwas schiefgelaufen ist. Das tut uns leid. Unser Kundenservice kümmert sich noch heute darum; Sie erreichen uns auch direkt: {support}.',
      sms: '{shop}: Schade, dass bei Bestellung {orderId} etwas schiefgelaufen ist. Wir kümmern uns; Kontakt: {support}.',
    },
  },
};

const pages: PageStrings = {
  invalidRating: 'Dieser Bewertungslink ist ungültig oder abgelaufen.',
  invalidTracking: 'Dieser Sendungslink ist ungültig.',
  rateTitle: 'Wie waren wir?',
  rateScale: 'Von {min} (schlecht) bis {max} (ausgezeichnet):',
  rateThanks: 'Vielen Dank! Ihre Bewertung ({score}) ist gespeichert.',
  rateFailed: 'Leider konnte die Bewertung nicht gespeichert werden.',
  commentLabel: 'Möchten Sie noch etwas hinzufügen? (optional)',
  commentSend: 'Kommentar senden',
  orderTitle: 'Bestellung {orderId}',
  promised: 'Zugesagte Lieferung: {date}',
  delayed: 'Verspätet: {reason}.',
  courier: 'Der Kurier kommt {window}.',
  pin: 'Bitte nennen Sie dem Kurier diese Liefer-PIN: {pin}.',
  cancelled: 'Diese Bestellung wurde storniert.',
  returning: 'Ihre Rückgabe ist in Bearbeitung.',
  returned: 'Ihre Rückgabe ist abgeschlossen und der Betrag erstattet.',
  returnUntil: 'Sie können die Bestellung bis zum {date} zurückgeben.',
  returnButton: 'Zurückgeben',
  returnOpened: 'Ihre Rückgabe ist angemeldet: Wir senden Ihnen die Anleitung zu.',
  returnRefused: 'Diese Bestellung kann nicht mehr zurückgegeben werden. Bitte kontaktieren Sie uns.',
  trackingNumber: 'Sendungsnummer: {number}',
  windowQuestion: 'Der Kurier hat noch nicht angerufen. Wählen Sie eine Zeit für die Lieferung:',
  windowChosen: 'Vielen Dank! Der Kurier kommt {window}.',
  windowStale: 'Diese Auswahl ist nicht mehr möglich. Die aktuelle Lieferzeit sehen Sie auf der Sendungsseite.',
  backToOrder: 'Zurück zu Ihrer Bestellung',
  supportContact: 'Fragen zu Ihrer Bestellung? Kontaktieren Sie uns:',
  unsubscribeTitle: 'Abmelden',
  unsubscribeQuestion:
    'Keine nicht notwendigen E-Mails zu Ihren Bestellungen mehr erhalten (Sendungsupdates, Umfragen)? Nachrichten, die Sie für den Empfang Ihres Pakets brauchen, kommen weiterhin.',
  unsubscribeButton: 'Abmelden',
  unsubscribed:
    'Sie erhalten keine nicht notwendigen E-Mails zu Ihren Bestellungen mehr. Lieferinformationen, die Sie brauchen, kommen weiterhin.',
  invalidUnsubscribe: 'Dieser Abmeldelink ist ungültig.',
  stages: {
    accepted: 'Bestellung eingegangen',
    packed: 'Verpackt',
    handed_to_carrier: 'An den Versanddienst übergeben',
    in_transit: 'Unterwegs',
    arrived_in_city: 'In Ihrer Stadt',
    out_for_delivery: 'In Zustellung',
    ready_for_pickup: 'Abholbereit',
    delivered: 'Zugestellt',
  },
  collected: 'Abgeholt',
  pointHeading: 'Abholstelle',
  pointKind: { locker: 'Paketstation', shop: 'Paketshop', post_office: 'Postfiliale' },
  pointHours: 'Öffnungszeiten: {hours}',
  pointMap: 'Auf der Karte zeigen',
  pickupCode: 'Abholcode: {code}',
  pickupQrAlt: 'QR-Code Ihres Abholcodes',
  pickupCodeFromCarrier: 'Holen Sie es mit dem Code ab, den Ihnen {carrier} geschickt hat.',
  pickupUntil: 'Bitte holen Sie das Paket bis {date} ab',
  pickupExpired: 'Das Paket wurde nicht rechtzeitig abgeholt. Es geht an den Shop zurück.',
  pointChoiceHeading: 'Lieber an einer Abholstelle abholen',
  pointChangeHeading: 'Eine andere Abholstelle wählen',
  pointChoiceButton: 'Paket hierhin senden',
  pointChosen:
    'Ihr Paket wartet an der Abholstelle {name} auf Sie. Wir sagen Ihnen Bescheid, sobald es bereitliegt, mit dem Abholcode.',
  pointChoiceLate: 'Der Lieferort kann nicht mehr geändert werden. Bitte kontaktieren Sie uns.',
};

export const de: Locale = {
  language: 'de',
  name: 'German',
  catalog,
  pages,
  // The account's default voice speaks de-DE (the basic and Polly voices both do):
  // https://www.twilio.com/docs/voice/twiml/say/text-speech
  say: { language: 'de-DE' },
  journey: {
    persona: {
      name: 'Lena Schmidt',
      email: 'lena.schmidt@example.com',
      phone: '+4915112345678',
      timezone: 'Europe/Berlin',
      city: 'Köln',
      carrier: 'DHL',
      trackingNumber: '00340434161234567890',
      item: 'Wasserkocher',
      refund: '49,90 €',
    },
    phrases: {
      storm: 'ein Sturm hat die A1 gesperrt',
      backlog: 'im Sortierzentrum gibt es einen Rückstau',
      notHome: 'niemand war zu Hause',
      tooSmall: 'zu klein',
      atRequest: 'auf Ihren Wunsch',
    },
  },
};
