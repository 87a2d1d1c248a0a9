/** Confirms an unsubscribe with a button, so that link scanners (which only GET) change nothing. */
import { CustomerLayout } from './layout';
import { pageStrings } from './strings';

export function UnsubscribePage({ token, lang }: { token: string; lang: string }) {
  const t = pageStrings(lang);
  return (
    <CustomerLayout lang={lang} title={t.unsubscribeTitle}>
      <h1>{t.unsubscribeTitle}</h1>
      <p>{t.unsubscribeQuestion}</p>
      <form method="post" action={`/u/${token}`}>
        <button>{t.unsubscribeButton}</button>
      </form>
    </CustomerLayout>
  );
}
