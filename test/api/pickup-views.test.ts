/**
 * The tracking page and the console's timeline of a pickup-point chain, rendered from hand-made chain states: the
 * customer's stage line ends at the point (ready for pickup, collected), the point and, while the parcel waits,
 * the code, its QR code and the deadline; after the deadline the expired line instead; support reads the mode,
 * the point, the code and the deadline in the customer's zone. A home chain's page keeps today's line.
 */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { TimelinePage } from '../../api/console/views/timeline';
import { pickupQr, waitingPickup } from '../../api/pages/pickup-section';
import { TrackingPage } from '../../api/pages/tracking-page';
import { initialState } from '../../workflows/chain-state';
import type { ChainState, Stage } from '../../workflows/contract';
import { LOCKER, order, shop } from '../helpers/fixtures';

const UNTIL = '2026-12-08T17:00:00Z';

/** A Polish customer's chain in Warsaw at `stage`, delivered as `delivery` says, its parcel waiting as `pickup`. */
function chain(stage: Stage, extra: Partial<ChainState> = {}): ChainState {
  const o = order({ customer: { ...order().customer, locale: 'pl-PL', timezone: 'Europe/Warsaw' } });
  return { ...initialState({ order: o, shop: shop(), trackingUrl: 'https://track.example/t' }), stage, ...extra };
}
const atPoint = (stage: Stage, pickup?: ChainState['pickup']) =>
  chain(stage, { delivery: { mode: 'pickup_point', point: LOCKER }, ...(pickup && { pickup }) });

/** The tracking page as the route renders it: with the waiting code's QR code. */
async function trackingPage(state: ChainState): Promise<string> {
  const waiting = waitingPickup(state);
  return render(
    h(TrackingPage, { state, lang: 'pl', token: 't', pickupQr: waiting && (await pickupQr(waiting.code)) }),
  );
}
/** The stages both modes pass, in Polish. */
const ON_THE_WAY = ['Zamówienie przyjęte', 'Spakowane', 'Przekazane przewoźnikowi', 'W drodze', 'W mieście doręczenia'];
const stagesOf = (page: string) => [...page.matchAll(/<li[^>]*>([^<]+)<\/li>/g)].map((m) => m[1]);

describe('the tracking page of a pickup-point order', () => {
  it('shows the point, the code as text and as a QR code with its alt text, and the deadline in Warsaw time', async () => {
    const page = await trackingPage(atPoint('ready_for_pickup', { code: '482913', until: UNTIL }));
    expect(stagesOf(page)).toEqual([...ON_THE_WAY, 'Gotowe do odbioru', 'Odebrane']);
    expect(page).toContain('<li class="done current" aria-current="step">Gotowe do odbioru</li>');
    expect(page).toContain('<h2 id="pickup-point">Punkt odbioru</h2>');
    expect(page).toContain('<strong class="point-name">Paczkomat KRA01M</strong>');
    expect(page).toContain('<p class="point-address">ul. Długa 1, 31-147 Kraków</p>');
    expect(page).toContain('Godziny otwarcia: 24/7');
    expect(page).toContain('<a href="https://maps.example/KRA01M">Pokaż na mapie</a>');
    expect(page).toContain('Kod odbioru: <strong class="code">482913</strong>');
    expect(page).toMatch(
      /<div class="qr" role="img" aria-label="Kod QR z kodem odbioru"><svg [^>]*viewBox="0 0 \d+ \d+"/,
    );
    // 17:00 UTC is 18:00 in Warsaw in December.
    expect(page).toContain('Paczkę można odebrać do 8 grudnia 2026, 18:00');
  });

  it('after the deadline says the parcel goes back instead of showing the code; once collected the line ends done', async () => {
    const expired = await trackingPage(atPoint('returning', { code: '482913', until: UNTIL, expired: true }));
    expect(expired).toContain('<p class="pickup-expired">Paczka nie została odebrana w terminie. Wraca do sklepu.</p>');
    expect(expired).not.toContain('482913');
    expect(expired).not.toContain('<svg');
    // The line stays at the point, not collected, and the parcel going back is no customer's return.
    expect(expired).toContain('<li class="done current" aria-current="step">Gotowe do odbioru</li><li>Odebrane</li>');
    expect(expired).not.toContain('Zwrot');

    const collected = await trackingPage(atPoint('delivered', { code: '482913', until: UNTIL }));
    expect(collected).toContain('<li class="done current" aria-current="step">Odebrane</li>');
    expect(collected).toContain('Paczkomat KRA01M');
    expect(collected).not.toContain('482913');
  });

  it('without a code (the carrier sends its own) names the carrier instead, with no code or QR, and the deadline', async () => {
    const page = await trackingPage({ ...atPoint('ready_for_pickup', { until: UNTIL }), carrier: 'InPost' });
    expect(page).toContain('<p class="code-from-carrier">Odbierz ją kodem przesłanym przez InPost.</p>');
    expect(page).not.toContain('class="code"');
    expect(page).not.toContain('<svg');
    expect(page).toContain('Paczkę można odebrać do 8 grudnia 2026, 18:00');
  });

  it("a home order's page keeps its line through out for delivery, with no pickup point", async () => {
    const page = await trackingPage(chain('out_for_delivery'));
    expect(stagesOf(page)).toEqual([...ON_THE_WAY, 'Wydane do doręczenia', 'Dostarczone']);
    expect(page).not.toContain('class="pickup"');
    expect(page).not.toContain('Punkt odbioru');
  });
});

describe("the console's timeline of a pickup-point chain", () => {
  const staff = { username: 'ola', name: 'Ola', shop: 'acme', role: 'viewer' as const, csrf: 'c' };
  const header = (state: ChainState) => render(h(TimelinePage, { staff, state }));

  it('shows the mode, the point where the parcel is now, the code, the deadline and reminder in the customer’s zone', () => {
    const page = header(
      atPoint('ready_for_pickup', { code: '482913', until: UNTIL, reminderAt: '2026-12-07T17:00:00Z' }),
    );
    expect(page).toContain('Delivery <strong class="delivery-mode">pickup point</strong>');
    expect(page).toMatch(/Pickup point now: <strong class="point-name">Paczkomat KRA01M<\/strong> \(parcel locker, id/);
    expect(page).toContain('<span class="point-address">ul. Długa 1, 31-147 Kraków</span>');
    expect(page).toContain('Pickup code <strong class="pickup-code">482913</strong>');
    expect(page).toContain('<strong class="pickup-until">8 Dec 2026, 18:00</strong>');
    expect(page).toContain('reminder due 7 Dec 2026, 18:00');
    expect(page).not.toContain('Expired');
  });

  it('says the carrier sent the code when the chain has none (InPost and CDEK send it themselves)', () => {
    const page = header(atPoint('ready_for_pickup', { until: UNTIL }));
    expect(page).toContain('The carrier sent the customer the pickup code · collect by');
    expect(page).not.toContain('class="pickup-code"');
  });

  it('flags an expired wait; a home chain says home and nothing of a point', () => {
    const expired = header(atPoint('returning', { code: '482913', until: UNTIL, expired: true }));
    expect(expired).toContain('Expired: nobody collected it by the deadline; it goes back to the shop.');
    const home = header(chain('in_transit'));
    expect(home).toContain('Delivery <strong class="delivery-mode">home</strong>');
    expect(home).not.toContain('Pickup');
  });
});
