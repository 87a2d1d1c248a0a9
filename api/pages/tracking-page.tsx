/**
 * The customer's tracking page in their language: the progress line, the current promise, the
 * latest delay and its reason, the agreed courier window, and a return button while returns are
 * open. Nothing a customer should not see (no notices, ratings or support notes).
 */
import { customerDates } from '../../activities/templates/dates';
import { TRACKING_STAGES, type ChainState } from '../../workflows/contract';
import { CustomerLayout } from './layout';
import { fill, pageStrings } from './strings';

export function TrackingPage({ state, lang, token }: { state: ChainState; lang: string; token: string }) {
  const t = pageStrings(lang);
  const { day, shortDay, time } = customerDates(state.timezone, state.locale);
  const { stage } = state;
  // Stages after delivery (return, closed) keep the whole line done; a cancelled chain shows none.
  const stages: readonly string[] = TRACKING_STAGES;
  const reached = stages.includes(stage) ? stages.indexOf(stage) : stage === 'cancelled' ? -1 : stages.length - 1;
  const beforeDelivery = reached < stages.indexOf('delivered');
  const delay = state.delays.at(-1);
  const window = state.courierWindow;
  const lines = [
    stage === 'cancelled' ? t.cancelled : fill(t.promised, { date: day(state.promisedDate) }),
    delay && stage !== 'cancelled' && beforeDelivery ? fill(t.delayed, { reason: delay.reason }) : undefined,
    window && beforeDelivery
      ? fill(t.courier, { window: `${shortDay(window.from)} ${time(window.from)}–${time(window.to)}` })
      : undefined,
    stage === 'returning' ? t.returning : stage === 'returned' ? t.returned : undefined,
    state.returnUntil ? fill(t.returnUntil, { date: day(state.returnUntil) }) : undefined,
  ].filter((l): l is string => l !== undefined);
  const title = fill(t.orderTitle, { orderId: state.orderId });
  return (
    <CustomerLayout lang={lang} title={title}>
      <h1>{title}</h1>
      <ol class="stages">
        {TRACKING_STAGES.map((s, i) => (
          <li class={[i <= reached && 'done', i === reached && 'current'].filter(Boolean).join(' ')}>{t.stages[s]}</li>
        ))}
      </ol>
      {lines.map((l) => (
        <p>{l}</p>
      ))}
      {state.returnUntil && (
        <form method="post" action={`/t/${token}/return`}>
          <button>{t.returnButton}</button>
        </form>
      )}
    </CustomerLayout>
  );
}
