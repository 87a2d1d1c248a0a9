/**
 * The agent's actions on a chain, each a form that leads to a confirmation step before anything
 * happens. Only the actions that make sense at the chain's stage are offered.
 */
import type { ComponentChildren } from 'preact';
import type { ChainState } from '../../../workflows/contract';
import { needsAttention, rankOf } from '../../../workflows/chain-state';
import type { Staff } from '../session';
import { Layout } from './layout';

function ActionForm({
  orderId,
  action,
  csrf,
  title,
  children,
}: {
  orderId: string;
  action: string;
  csrf: string;
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={`/console/orders/${encodeURIComponent(orderId)}/actions/${action}`}
      class="action"
      data-action={action}
    >
      <h3>{title}</h3>
      <input type="hidden" name="_csrf" value={csrf} />
      {children}
      <button>{title}…</button>
    </form>
  );
}

const Reason = ({ required = false }) => (
  <label>
    Reason{required ? '' : ' (optional)'} <input name="reason" maxLength={300} required={required} />
  </label>
);

export function ActionForms({ state, csrf }: { state: ChainState; csrf: string }) {
  const open = rankOf(state.stage) < rankOf('delivered');
  const sent = state.touchpoints.filter((t) => t.notices.some((n) => n.status === 'sent' || n.status === 'delivered'));
  const props = { orderId: state.orderId, csrf };
  return (
    <section class="card actions">
      <h2>Actions</h2>
      {needsAttention(state) && (
        <ActionForm {...props} action="acknowledge" title="Acknowledge">
          <label>
            Note (what was done or decided) <textarea name="note" maxLength={500} required />
          </label>
        </ActionForm>
      )}
      {sent.length > 0 && (
        <ActionForm {...props} action="resend" title="Resend a notice">
          <label>
            Notice{' '}
            <select name="touchpoint">
              {sent.map((t) => (
                <option value={t.key}>{t.key}</option>
              ))}
            </select>
          </label>
        </ActionForm>
      )}
      {open && (
        <ActionForm {...props} action="set-promise" title="Set a new promise">
          <label>
            New date <input type="date" name="promisedDate" required />
          </label>
          <Reason required />
        </ActionForm>
      )}
      {open && (
        <ActionForm {...props} action="courier-call" title="Record the courier call">
          <label>
            Day (customer time) <input type="date" name="date" required />
          </label>
          <label>
            From <input type="time" name="from" required /> to <input type="time" name="to" required />
          </label>
        </ActionForm>
      )}
      {state.returnUntil && (
        <ActionForm {...props} action="open-return" title="Open a return">
          <Reason />
        </ActionForm>
      )}
      {open && (
        <ActionForm {...props} action="cancel" title="Cancel the order">
          <Reason />
        </ActionForm>
      )}
    </section>
  );
}

export interface ConfirmProps {
  staff: Staff;
  orderId: string;
  action: string;
  sentence: string;
  fields: Record<string, string>;
  requestId: string;
}

/** The confirmation step: says what will happen; the action runs once even if this form is sent twice. */
export function ConfirmPage({ staff, orderId, action, sentence, fields, requestId }: ConfirmProps) {
  const back = `/console/orders/${encodeURIComponent(orderId)}`;
  return (
    <Layout title="Confirm" staff={staff}>
      <form method="post" action={`${back}/actions/${action}`} class="card confirm">
        <h1>Order {orderId}: confirm</h1>
        <p class="sentence">{sentence}</p>
        {Object.entries(fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="_csrf" value={staff.csrf} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="confirmed" value="1" />
        <button>Confirm</button> <a href={back}>Back</a>
      </form>
    </Layout>
  );
}
