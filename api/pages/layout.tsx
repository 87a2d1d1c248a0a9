/**
 * The frame of every customer page: mobile-first, in the customer's language, no script but what a page brings,
 * and the shop's logo and colours when its voice sets them (as plain as before when it does not).
 */
import type { ComponentChildren } from 'preact';
import type { AppConfig, Brand } from '../../common/config';

// Every colour pair keeps WCAG AA contrast (4.5:1 for text): stages not reached yet are #595959 on white (7:1).
const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
button{font-size:1.2rem;margin:.2rem;padding:.5rem .8rem}textarea{width:100%;min-height:5rem}
.scores button[aria-pressed=true]{background:#1b4d8c;color:#fff;border:2px solid #1b4d8c}
ol.stages{padding-left:1.2rem}ol.stages li{color:#595959}ol.stages li.done{color:#1b1b1b}ol.stages li.done::after{content:" ✓"}ol.stages li.current{font-weight:700}
.windows button{display:block;width:100%;text-align:left}
.point-option{display:block;margin:.4rem 0}.point-option input{margin-right:.5rem}
.pickup .code{font-family:ui-monospace,monospace;font-size:1.6rem;letter-spacing:.1em}
.qr{width:min(16rem,80vw);background:#fff}.qr svg{display:block;width:100%;height:auto}
header.brand{padding-bottom:.5rem;margin-bottom:1rem}header.brand img{display:block;height:40px;width:auto}`;

/** A shop's brand as its pages wear it: the logo's alt text is the shop's name. */
export interface PageBrand extends Brand {
  shopName: string;
}

/** The brand of a shop's pages by shop id; undefined for a shop without one (or unknown). */
export type Brands = (shop: string) => PageBrand | undefined;

/** The pages' brands from the config: a shop whose voice sets no brand keeps the plain pages. */
export function shopBrands({ shops, voices }: Pick<AppConfig, 'shops' | 'voices'>): Brands {
  return (shop) => {
    const brand = voices.get(shop)?.brand;
    const name = shops.get(shop)?.name;
    return brand && name ? { ...brand, shopName: name } : undefined;
  };
}

/**
 * The brand's colours over the plain style: buttons filled with the primary colour (white text on it, 4.5:1
 * checked at config time), links in it, and the header rule and the score buttons' borders in the accent.
 */
function brandStyle({ primaryColor: primary, accentColor: accent }: PageBrand): string {
  return [
    primary &&
      `button{background:${primary};color:#fff;border:2px solid ${primary};border-radius:.3rem}a{color:${primary}}` +
        `.scores button{background:#fff;color:#1b1b1b}` +
        `.scores button[aria-pressed=true]{background:${primary};color:#fff;border-color:${primary}}`,
    accent && `header.brand{border-bottom:3px solid ${accent}}.scores button{border:2px solid ${accent}}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The shop's header: its logo (fixed height), or its name when it has colours but no logo. */
function BrandHeader({ brand }: { brand: PageBrand }) {
  return (
    <header class="brand">
      {brand.logoUrl ? <img src={brand.logoUrl} alt={brand.shopName} height={40} /> : <p>{brand.shopName}</p>}
    </header>
  );
}

export function CustomerLayout({
  lang,
  title,
  brand,
  children,
}: {
  lang: string;
  title: string;
  brand?: PageBrand;
  children: ComponentChildren;
}) {
  const style = brand ? `${STYLE}\n${brandStyle(brand)}` : STYLE;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        {brand && <BrandHeader brand={brand} />}
        <main>{children}</main>
      </body>
    </html>
  );
}

/** A page with only a message, titled by it; `back` links to where the customer came from. */
export function CustomerMessage({
  lang,
  message,
  back,
  brand,
}: {
  lang: string;
  message: string;
  back?: { href: string; label: string };
  brand?: PageBrand;
}) {
  return (
    <CustomerLayout lang={lang} title={message} brand={brand}>
      <p>{message}</p>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
    </CustomerLayout>
  );
}
