/** Confirms an unsubscribe with a button, so that link scanners (which only GET) change nothing. */
import { CustomerLayout, type PageBrand } from './layout';
import { pageStrings } from './strings';

export function UnsubscribePage({ token, lang, brand }: { token: string; lang: string; brand?: PageBrand }) {
  const t = pageStrings(lang);
  return (
    <CustomerLayout lang={lang} title={t.unsubscribeTitle} brand={brand}>
      <h1>{t.unsubscribeTitle}</h1>
      <p>{t.unsubscribeQuestion}</p>
      <form method="post" action={`/u/${token}`}>
        <button>{t.unsubscribeButton}</button>
      </form>
    </CustomerLayout>
  );
}
