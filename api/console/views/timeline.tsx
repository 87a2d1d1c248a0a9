/**
 * One chain as support sees it: how the parcel reaches the customer (home or the pickup point, with the pickup
 * code and deadline), every touchpoint with its notices (the exact text, delivery status
 * and the reason of each send decision), ratings and comments; beside it the promise revisions,
 * tracking events, conflicts, the audit trail and, for agents, the actions.
 */
import type { CarrierStatus, ChainState, Notice, Touchpoint } from '../../../workflows/contract';
import { scaleOf } from '../../../workflows/touchpoints';
import { canAct, type Staff } from '../session';
import { ActionForms } from './actions';
import { DeliveryCard } from './delivery-card';
import { Layout } from './layout';
import { customerTime, day } from './time';

type At = (iso: string) => string;

function NoticeCard({ notice, at }: { notice: Notice; at: At }) {
  return (
    <div class="card notice">
      <div>
        <span class={`badge ${notice.status}`}>{notice.status}</span> {notice.channel ?? 'no channel'} · {at(notice.at)}
        {notice.revision > 1 && <span class="muted"> · resend #{notice.revision - 1}</span>}
        {notice.templateVersion !== undefined && <span class="muted"> · shop template v{notice.templateVersion}</span>}
      </div>
      {notice.subject && (
        <div>
          <strong>{notice.subject}</strong>
        </div>
      )}
      {notice.text && <div class="notice-text">{notice.text}</div>}
      <ul class="decisions">
        {notice.decisions.map((d) => (
          <li>
            <span class="muted">{at(d.at)}</span> {d.outcome}
            {d.channel && ` (${d.channel})`}: {d.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TouchpointCard({ tp, at }: { tp: Touchpoint; at: At }) {
  const { rating } = tp;
  return (
    <section class="card touchpoint" data-touchpoint={tp.key}>
      <h3>
        {tp.key} <span class={`badge ${tp.status}`}>{tp.status}</span>
        {tp.at && <span class="muted"> {at(tp.at)}</span>}
      </h3>
      {tp.note && <p class="muted">{tp.note}</p>}
      {rating && (
        <p class={`rating ${rating.recovered ? 'alert card' : ''}`}>
          Rated <strong>{rating.score}</strong> of {scaleOf(tp.key)} at {at(rating.at)}
          {rating.changedAt && ` (changed ${at(rating.changedAt)})`}
          {rating.comment && <>: “{rating.comment}”</>}
          {rating.recovered && ' — low: support alerted, customer followed up'}
        </p>
      )}
      {tp.notices.map((n) => (
        <NoticeCard notice={n} at={at} />
      ))}
    </section>
  );
}

/** What the carrier itself said with an event: its own status code and text, and its ETA. */
function CarrierSaid({ status }: { status: CarrierStatus }) {
  return (
    <span class="muted">
      carrier: <code>{status.code}</code>
      {status.text && ` ${status.text}`}
      {status.eta && ` · ETA ${day(status.eta)}`}
    </span>
  );
}

function Side({ state, at }: { state: ChainState; at: At }) {
  return (
    <>
      <section class="card">
        <h2>Promise revisions</h2>
        {state.delays.length === 0 ? (
          <p>Never delayed.</p>
        ) : (
          <ol class="delays">
            {state.delays.map((d) => (
              <li>
                {at(d.at)}: +{d.days} day{d.days === 1 ? '' : 's'} to {day(d.newDate)} ({d.source}) — {d.reason}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="card">
        <h2>Tracking events</h2>
        <table>
          <tbody>
            {state.events.map((e) => (
              <tr>
                <td class="muted">{at(e.at)}</td>
                <td>
                  {e.type.replaceAll('_', ' ')}
                  {e.reason && `: ${e.reason.replaceAll('_', ' ')}`}
                </td>
                <td>{e.applied ? '' : <span class="badge">late, stage kept</span>}</td>
                <td class="carrier-status">{e.carrierStatus && <CarrierSaid status={e.carrierStatus} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card">
        <h2>Conflicts</h2>
        {state.conflicts.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {state.conflicts.map((c) => (
              <li class="alert">
                {at(c.at)} {c.type.replaceAll('_', ' ')}: {c.detail}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card audit">
        <h2>Audit trail</h2>
        {state.audit.length === 0 ? (
          <p>No support actions yet.</p>
        ) : (
          <ul>
            {state.audit.map((a) => (
              <li>
                {at(a.at)} {a.actor}: {a.action} — {a.detail}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** What needs attention: reasons support acknowledged (who, when, the note) and those new since. */
function Attention({ state, at }: { state: ChainState; at: At }) {
  const ack = state.acknowledged;
  const seen = ack?.seen ?? 0;
  if (!state.attention.length) return null;
  return (
    <section class="attention-reasons" aria-label="Attention">
      {ack && (
        <p class="card acknowledged">
          Acknowledged by <strong>{ack.actor}</strong> at {at(ack.at)}: “{ack.note}”
        </p>
      )}
      <ul>
        {state.attention.map((reason, i) =>
          i < seen ? (
            <li class="attention seen">
              {reason} <span class="badge">acknowledged</span>
            </li>
          ) : (
            <li class="alert card attention">
              Needs attention: {reason}
              {ack && <span class="badge new"> new since the acknowledgement</span>}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

export interface TimelineProps {
  staff: Staff;
  state: ChainState;
  /** Set after an action: what happened, or why it could not. */
  flash?: { ok: boolean; message: string };
  /** Field errors of a refused action form. */
  errors?: string[];
}

export function TimelinePage({ staff, state, flash, errors }: TimelineProps) {
  const at: At = (iso) => customerTime(iso, state.timezone);
  const promise = state.promisedWindow
    ? `${day(state.promisedWindow.from)} – ${day(state.promisedWindow.to)}`
    : day(state.promisedDate);
  return (
    <Layout title={`Order ${state.orderId}`} staff={staff}>
      {flash && (
        <p class={`card ${flash.ok ? 'done' : 'alert'}`} role="status">
          {flash.message}
        </p>
      )}
      {errors && errors.length > 0 && (
        <ul class="card alert" role="alert">
          {errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      <div class="card">
        <h1>Order {state.orderId}</h1>
        <p>
          Stage <strong class="stage">{state.stage.replaceAll('_', ' ')}</strong> · promised{' '}
          <strong class="promise">{promise}</strong> · carrier {state.carrier} · customer {state.locale}, times in{' '}
          {state.timezone}
        </p>
        {state.trackingNumber && (
          <p>
            Tracking number <strong class="tracking-number">{state.trackingNumber}</strong>
          </p>
        )}
        <DeliveryCard state={state} at={at} />
        {state.courierWindow && (
          <p>
            Courier window: {at(state.courierWindow.from)} – {at(state.courierWindow.to)} (agreed by{' '}
            {state.courierWindow.agreedBy})
          </p>
        )}
        {state.deliveryProof && (
          <p>
            Proof of delivery <strong class="delivery-proof">{state.deliveryProof}</strong>
          </p>
        )}
        <Attention state={state} at={at} />
        <p class="muted">
          <a href={state.trackingUrl}>The customer's tracking page</a>
        </p>
      </div>
      <div class="grid">
        <div>
          <h2>Touchpoints</h2>
          {state.touchpoints.map((tp) => (
            <TouchpointCard tp={tp} at={at} />
          ))}
        </div>
        <div>
          {canAct(staff) && <ActionForms state={state} csrf={staff.csrf} />}
          <Side state={state} at={at} />
        </div>
      </div>
    </Layout>
  );
}
