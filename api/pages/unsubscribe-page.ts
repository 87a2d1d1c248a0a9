/** Confirms an unsubscribe with a button, so that link scanners (which only GET) change nothing. */
import { escape, layout } from './layout';

export function unsubscribePage(token: string): string {
  return layout(
    'en',
    'Unsubscribe',
    `<h1>Unsubscribe</h1><p>Stop non-essential emails about your orders (tracking updates, surveys)? Notices you need to receive your parcel still arrive.</p>
<form method="post" action="/u/${escape(token)}"><button>Unsubscribe</button></form>`,
  );
}
