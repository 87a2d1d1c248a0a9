/**
 * The rating page in the customer's language. A one-click link's score (`?s=4`) is shown chosen and
 * recorded once a person is there (see rating-script.ts); a comment can follow. Opening the link
 * records nothing, with or without script, which is what link scanners do.
 */
import { CustomerLayout, type PageBrand } from './layout';
import { ratingScript } from './rating-script';
import { fill, pageStrings } from './strings';

export interface RatingPageProps {
  token: string;
  min: number;
  max: number;
  preset?: number;
  lang: string;
  brand?: PageBrand;
}

/** The rating page; a preset outside the scale is ignored. */
export function RatingPage({ token, min, max, preset, lang, brand }: RatingPageProps) {
  const t = pageStrings(lang);
  const chosen = preset !== undefined && preset >= min && preset <= max ? preset : undefined;
  return (
    <CustomerLayout lang={lang} title={t.rateTitle} brand={brand}>
      <h1>{t.rateTitle}</h1>
      <p id="scale">{fill(t.rateScale, { min, max })}</p>
      <div class="scores" role="group" aria-labelledby="scale">
        {Array.from({ length: max - min + 1 }, (_, i) => (
          <button type="button" data-score={min + i} aria-pressed={min + i === chosen}>
            {min + i}
          </button>
        ))}
      </div>
      <p id="status" role="status" />
      <form id="comment-form">
        <label for="comment">{t.commentLabel}</label>
        <textarea id="comment" maxLength={2000} />
        <button>{t.commentSend}</button>
      </form>
      <script
        dangerouslySetInnerHTML={{
          __html: ratingScript({ token, preset: chosen, thanks: t.rateThanks, failed: t.rateFailed }),
        }}
      />
    </CustomerLayout>
  );
}
