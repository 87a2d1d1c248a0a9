/** English notices. */
import type { Catalog } from '../catalog-shape';
import type { Locale, PageStrings } from './locale';

const days = '{days, plural, one {# day} other {# days}}';
/** The kind of point, after "the". */
const kind = '{pointKind, select, locker {parcel locker} post_office {post office} other {pickup point}}';
const withinDays =
  '{returnDays, plural, =0 {} one {You can return it within # day. } other {You can return it within # days. }}';

const catalog: Catalog = {
  common: {
    rateText: 'How did we do? Rate it from {min} to {max}: {url}',
    rateEmail: 'How did we do? Rate this step from {min} to {max}:',
    rateSms: 'Reply {min}-{max} to rate it.',
    support: 'Questions? {support}',
    unsubscribe: 'Unsubscribe from non-essential emails: {url}',
    unsubscribeLink: 'Unsubscribe from non-essential emails',
    trackLink: 'Track your parcel',
    promiseDate: 'on {date}',
    promiseWindow: 'between {from} and {to}',
    window: 'on {day} between {from} and {to}',
    option: '{n} for {from}–{to}',
    spokenOption: '{n} for {from} to {to}',
    notInCity: 'the parcel has not reached your city yet',
    thanks: 'Thank you! We have recorded your answer.',
    chooseWindow: 'Choose a delivery time',
  },
  reasons: {
    'carrier-eta': 'the carrier now expects to deliver it later',
    'carrier-silent': 'the carrier has not reported any progress with the parcel',
    consignee_not_home: 'the courier found nobody at the delivery address',
    address_problem: 'the carrier needs the delivery address clarified',
    damaged: 'the parcel was damaged in transit',
    customs: 'the parcel is being held at customs',
    weather: 'bad weather is holding up deliveries',
    capacity: 'the carrier is handling more parcels than usual',
    lost: 'the carrier cannot locate the parcel at the moment',
    other: 'the carrier reported a problem with the parcel',
  },
  templates: {
    confirmation: {
      subject: '{shop}: order {orderId} accepted',
      text: '{hasName, select, yes {Hello {givenName},} other {Hello,}} we have accepted your order {orderId}: {items}. We will deliver it {promise}.',
      sms: '{shop}: order {orderId} accepted. Delivery {promise}.',
    },
    tracking: {
      subject: '{shop}: order {orderId} is on its way',
      text: 'Your order {orderId} has been handed to {carrier}. <track>Follow it here</track>',
      sms: '{shop}: order {orderId} is with {carrier}. <track>Track it</track>',
    },
    delay: {
      subject: `{shop}: order {orderId} will be ${days} late`,
      text:
        `{hasName, select, yes {We are sorry, {givenName}:} other {We are sorry:}} your order {orderId} will arrive ${days} later than we promised, because {reason}. ` +
        'The new delivery date is {newDate}. <track>Follow it here</track>',
      sms: `{shop}: sorry, order {orderId} is ${days} late ({reason}). New date: {newDate}.`,
    },
    arrival: {
      subject: '{shop}: order {orderId} has reached {city}',
      text: 'Your order {orderId} has reached {city}. The courier will call you to agree a delivery time.',
      sms: '{shop}: order {orderId} is in {city}. The courier will call you to agree a time.',
    },
    'courier-call': {
      subject: '{shop}: delivery {window}',
      text: 'The courier will bring your order {orderId} {window}. Give the courier this delivery PIN: {pin}.',
      sms: '{shop}: the courier brings order {orderId} {window}. Delivery PIN: {pin}.',
    },
    'courier-call-request': {
      subject: '{shop}: when shall we deliver order {orderId}?',
      text: 'Your order {orderId} is due for delivery on {day}. Which time suits you: {windows}? <track>Choose it on the tracking page</track> or contact us: {support}.',
      sms: '{shop}: order {orderId} is due for delivery on {day}. When suits you? Reply {options}.',
      voice:
        'Hello, this is {shop}. Your order {orderId} is due for delivery on {day}. When shall the courier come? Press {spokenOptions}.',
    },
    'failed-attempt': {
      subject: '{shop}: we missed you',
      text: 'The courier could not deliver your order {orderId}{hasReason, select, yes { ({reason})} other {}}. They will call you to agree a new time.',
      sms: '{shop}: the courier could not deliver order {orderId}. They will call you to agree a new time.',
    },
    handover: {
      subject: '{shop}: order {orderId} delivered',
      text:
        'Your order {orderId} has been delivered. Please check the parcel now: if anything is damaged or missing, tell us. ' +
        `${withinDays}Contact: {support}.`,
      sms: '{shop}: order {orderId} delivered. Please check it; problems or returns: {support}.',
    },
    'confirmation-pickup': {
      subject: '{shop}: order {orderId} accepted',
      text: `{hasName, select, yes {Hello {givenName},} other {Hello,}} we have accepted your order {orderId}: {items}. We will deliver it {promise} to the ${kind} {pointName}, {pointAddress}, and let you know when it is ready for pickup.`,
      sms: '{shop}: order {orderId} accepted. Delivery {promise} to {pointName}, {pointAddress}.',
    },
    'arrival-pickup': {
      subject: '{shop}: order {orderId} has reached {city}',
      text: 'Your order {orderId} has reached {city}. We will let you know as soon as it is ready for pickup at {pointName}.',
      sms: '{shop}: order {orderId} is in {city}. We will tell you when it is ready at {pointName}.',
    },
    'ready-for-pickup': {
      subject: '{shop}: order {orderId} is ready for pickup',
      text:
        `Your order {orderId} is waiting for you at the ${kind} {pointName}, {pointAddress}.{hasHours, select, yes { Opening hours: {pointHours}.} other {}} ` +
        '{hasCode, select, yes {Your pickup code is {pickupCode}.} other {Use the code {carrier} sent you.}} Please collect the parcel by {pickupUntil}.{hasMap, select, yes { <map>Show it on the map</map>} other {}}',
      sms: '{shop}: order {orderId} is ready at {pointName}, {pointAddress}. {hasCode, select, yes {Code: {pickupCode}.} other {Use the code {carrier} sent you.}} Collect by {pickupUntil}.{hasMap, select, yes { <map>Map</map>} other {}}',
      voice:
        'Hello, this is {shop}. Your order {orderId} is ready for pickup at {pointName}, {pointAddress}. {hasCode, select, yes {Your pickup code is {spokenCode}. Once again: {spokenCode}.} other {Please use the code {carrier} sent you.}} Please collect it by {pickupUntil}.',
    },
    'pickup-reminder': {
      subject: '{shop}: order {orderId} is waiting for you',
      text: 'A reminder: your order {orderId} is still waiting for you at {pointName}, {pointAddress}. {hasCode, select, yes {Your pickup code is {pickupCode}.} other {Use the code {carrier} sent you.}} Please collect the parcel by {pickupUntil}.',
      sms: '{shop}: order {orderId} is still waiting at {pointName}. {hasCode, select, yes {Code: {pickupCode}.} other {Use the code {carrier} sent you.}} Collect by {pickupUntil}.',
      voice:
        'Hello, this is {shop}. A reminder: your order {orderId} is still waiting for you at {pointName}. {hasCode, select, yes {Your pickup code is {spokenCode}.} other {Please use the code {carrier} sent you.}} Please collect it by {pickupUntil}.',
    },
    'pickup-expired': {
      subject: '{shop}: order {orderId} was not collected',
      text:
        'Your order {orderId} was not collected from {pointName} in time. ' +
        '{afterExpiry, select, refund {It is going back to the shop, and we will refund you.} resend {It is going back to the shop, and we will send it to you again.} other {It is going back to the shop.}} ' +
        'If you have a question, contact us: {support}.',
      sms: '{shop}: order {orderId} was not collected in time. {afterExpiry, select, refund {It goes back to the shop and you will be refunded.} resend {It goes back and the shop will send it again.} other {It goes back to the shop.}} Questions: {support}.',
    },
    'handover-pickup': {
      subject: '{shop}: order {orderId} collected',
      text: `Thank you for collecting your order {orderId}. Please check the parcel now: if anything is damaged or missing, tell us. ${withinDays}Contact: {support}.`,
      sms: '{shop}: thank you for collecting order {orderId}. Please check it; problems or returns: {support}.',
    },
    'return-accepted': {
      subject: '{shop}: return of order {orderId} accepted',
      text: 'We have accepted your return of order {orderId}, no questions asked. Pack the items and the courier will call you to arrange the pickup.',
      sms: '{shop}: return of order {orderId} accepted. Pack the items; the courier will call you.',
    },
    'return-received': {
      subject: '{shop}: we received your return',
      text: 'We have received the items you returned from order {orderId}. Your refund is on its way.',
      sms: '{shop}: we received your return of order {orderId}. Your refund is on its way.',
    },
    'return-refund': {
      subject: '{shop}: refund issued',
      text: 'We have refunded order {orderId}{hasAmount, select, yes { ({amount})} other {}}. It may take a few days to show on your account.',
      sms: '{shop}: refund for order {orderId} issued.',
    },
    closing: {
      subject: '{shop}: thank you',
      text:
        '{hasName, select, yes {Thank you for shopping with {shop}, {givenName}!} other {Thank you for shopping with {shop}!}} ' +
        'One question: how likely are you to order from us again?',
      sms: '{shop}: thank you for your order! How likely are you to order from us again? Reply with a number from {min} to {max}.',
      voice:
        'Hello, this is {shop}. Thank you for your order! How likely are you to order from us again? Press a number from {min} to {max}, then the hash key.',
      answer: {
        text: 'Answer from {min} (not at all likely) to {max} (extremely likely): {url}',
        email: 'Tap your answer, from {min} (not at all likely) to {max} (extremely likely):',
      },
    },
    cancellation: {
      subject: '{shop}: order {orderId} cancelled',
      text: 'Your order {orderId} has been cancelled{hasReason, select, yes { ({reason})} other {}}.',
      sms: '{shop}: order {orderId} cancelled. Questions: {support}.',
    },
    'cancellation-after-delivery': {
      subject: '{shop}: order {orderId} closed',
      text: 'We have closed your order {orderId}{hasReason, select, yes { ({reason})} other {}}. It can no longer be returned; if you have a question about it, contact {support}.',
      sms: '{shop}: order {orderId} closed; it can no longer be returned. Questions: {support}.',
    },
    'follow-up': {
      subject: '{shop}: we are sorry{hasName, select, yes {, {givenName}} other {}}',
      text: 'Thank you for telling us that order {orderId} did not go well. We are sorry. Our support team will look into it today; you can also reach us directly: {support}.',
      sms: '{shop}: sorry that order {orderId} did not go well. We are on it; reach us at {support}.',
    },
  },
};

const pages: PageStrings = {
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
  pin: 'Give the courier this delivery PIN: {pin}.',
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
  supportContact: 'Questions about your order? Contact us:',
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
    ready_for_pickup: 'Ready for pickup',
    delivered: 'Delivered',
  },
  collected: 'Collected',
  pointHeading: 'Pickup point',
  pointKind: { locker: 'Parcel locker', shop: 'Pickup point', post_office: 'Post office' },
  pointHours: 'Opening hours: {hours}',
  pointMap: 'Show on the map',
  pickupCode: 'Pickup code: {code}',
  pickupQrAlt: 'QR code of your pickup code',
  pickupCodeFromCarrier: 'Collect it with the code {carrier} sent you.',
  pickupUntil: 'Collect it by {date}',
  pickupExpired: 'Nobody collected the parcel in time. It is on its way back to the shop.',
  pointChoiceHeading: 'Collect it from a pickup point instead',
  pointChangeHeading: 'Collect it from another point',
  pointChoiceButton: 'Send my parcel here',
  pointChosen:
    'Your parcel will wait for you at {name}. We will tell you when it is ready, with the code to collect it.',
  pointChoiceLate: 'It is too late to change where your parcel goes. Please contact us.',
};

export const en: Locale = {
  language: 'en',
  name: 'English',
  catalog,
  pages,
  say: { language: 'en-GB' },
  journey: {
    persona: {
      name: 'Emma Clarke',
      email: 'emma.clarke@example.com',
      phone: '+447700900123',
      timezone: 'Europe/London',
      city: 'Leeds',
      carrier: 'Evri',
      trackingNumber: 'H01HYA0012345678',
      item: 'Electric kettle',
      refund: '£49.90',
    },
    phrases: {
      storm: 'a storm closed the M62 motorway',
      backlog: 'the sorting centre has a backlog',
      notHome: 'nobody was at home',
      tooSmall: 'too small',
      atRequest: 'at your request',
    },
  },
};
