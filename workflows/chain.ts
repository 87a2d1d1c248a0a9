/**
 * The order chain: one workflow per order, walking confirmation → tracking → arrival or delay →
 * courier call → handover → optional return → closing. Backend events arrive as a validated Update
 * and are handled in order by the main loop; the promise guard, the call deadline and the return
 * window are durable timers.
 */
import {
  ApplicationFailure,
  type ChildWorkflowHandle,
  condition,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { NoticeFacts } from '../activities/templates/render';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { ChainInput, ChainState, Delay, Stage, Touchpoint, TrackingEvent } from './contract';
import {
  addDays,
  addTouchpoint,
  daysBetween,
  initialState,
  isTrackingStage,
  latest,
  rankOf,
  rejectionOf,
  skipPending,
  stageAfter,
} from './chain-state';
import { chainStateQuery, ratingSignal, returnEventSignal, returnProgressSignal, trackingEventUpdate } from './definitions';
import { notify } from './notify';
import { returnChainWorkflow } from './return-chain';
import { ATTENTION, SHOP, STAGE } from './search-attributes';
import { scaleOf, type TemplateId, type TouchpointId } from './touchpoints';

const { guardTime } = proxyLocalActivities<Activities>({ startToCloseTimeout: '5 seconds', retry: { maximumAttempts: 5 } });

const DAY_MS = 86_400_000;
type TimerName = 'guard' | 'call' | 'returnWindow';

/** Runs one order's chain until it is closed (or cancelled) and its feedback window has passed. */
export async function chainWorkflow(input: ChainInput): Promise<ChainState> {
  const { order, shop } = input;
  const state = initialState(input);
  const inbox: TrackingEvent[] = [];
  const seen = new Set<string>();
  const timers: Partial<Record<TimerName, number>> = {};
  const pin = String(parseInt(uuid4().slice(0, 8), 16) % 10_000).padStart(4, '0');
  let called = false;
  let returnReceived = false;
  // The active part of the chain is over: cancelled, or delivered and past any return.
  let done = false;
  let returnChild: ChildWorkflowHandle<typeof returnChainWorkflow> | undefined;

  const now = () => new Date().getTime();
  const tp = (name: TouchpointId) => latest(state, name)!;
  // Chains started without Doorstep's search attributes (the time-skipping test server has no
  // visibility store to register them in) keep them unset.
  const indexed = workflowInfo().typedSearchAttributes.get(SHOP) !== undefined;
  const index = (pair: SearchAttributeUpdatePair) => indexed && upsertSearchAttributes([pair]);
  const setStage = (stage: Stage) => {
    if (stage !== state.stage) index({ key: STAGE, value: stage });
    state.stage = stage;
  };
  const flag = (reason: string) => {
    state.attention.push(reason);
    index({ key: ATTENTION, value: true });
  };
  const send = async (t: Touchpoint, facts?: NoticeFacts, template?: TemplateId) => {
    const failed = await notify(input, t, facts, template);
    if (failed) flag(failed);
  };

  setHandler(chainStateQuery, () => state);
  setHandler(
    trackingEventUpdate,
    (event) => {
      if (seen.has(event.eventId)) return { stage: state.stage, duplicate: true };
      seen.add(event.eventId);
      const stage = stageAfter(state.stage, event);
      const late = stage === state.stage && isTrackingStage(event.type);
      state.events.push({ eventId: event.eventId, type: event.type, at: event.at, applied: !late });
      if (event.type === 'return_received') returnReceived = true;
      setStage(stage);
      if (!late) inbox.push(event);
      return { stage, duplicate: false };
    },
    {
      validator: (event) => {
        if (seen.has(event.eventId)) return;
        const why = rejectionOf(state, event, { returnReceived, returnOpen: order.returnWindowDays > 0 && !done });
        if (why) throw ApplicationFailure.create({ type: 'ImpossibleTransition', message: why, nonRetryable: true });
      },
    },
  );
  setHandler(ratingSignal, ({ touchpoint, score, comment, at }) => {
    const target = state.touchpoints.find((t) => t.key === touchpoint);
    if (!target) return;
    target.rating = { score, comment, at };
    if (score <= (scaleOf(touchpoint) === 10 ? 6 : 2)) flag(`low rating ${score} on ${touchpoint}`);
  });
  setHandler(returnProgressSignal, (update) => {
    const i = state.touchpoints.findIndex((t) => t.key === update.key);
    if (i >= 0) state.touchpoints[i] = { ...update, rating: state.touchpoints[i].rating ?? update.rating };
    if (update.notices.some((n) => n.status === 'failed')) flag(`notice ${update.key} failed`);
  });

  async function armGuard(): Promise<void> {
    if (rankOf(state.stage) >= rankOf('arrived_in_city')) return;
    const at = await guardTime({ promisedDate: state.promisedDate, timezone: order.customer.timezone, leadTimeHours: shop.courierLeadTimeHours });
    timers.guard = Date.parse(at);
  }

  async function recordDelay(newDate: string, reason: string, source: Delay['source']): Promise<void> {
    const delay: Delay = { days: daysBetween(state.promisedDate, newDate), reason, newDate, at: new Date().toISOString(), source };
    state.delays.push(delay);
    state.promisedDate = newDate;
    state.promisedWindow = undefined;
    if (state.delays.length === 2) flag('second delay: service recovery needed');
    await send(addTouchpoint(state, 'delay'), { days: delay.days, reason, newDate });
    await armGuard();
  }

  function leaveStagesBehind(): void {
    const rank = rankOf(state.stage);
    if (rank > rankOf('in_transit')) skipPending(state, ['tracking']);
    if (rank > rankOf('arrived_in_city')) skipPending(state, ['arrival']);
    if (rank >= rankOf('arrived_in_city')) delete timers.guard;
  }

  async function handle(event: TrackingEvent): Promise<void> {
    switch (event.type) {
      case 'handed_to_carrier':
      case 'in_transit':
        if (tp('tracking').status === 'pending') await send(tp('tracking'));
        return;
      case 'arrived_in_city':
        leaveStagesBehind();
        if (tp('arrival').status === 'pending') await send(tp('arrival'));
        return;
      case 'out_for_delivery':
        leaveStagesBehind();
        if (!called) timers.call = now() + shop.courierCallDeadlineMinutes * 60_000;
        return;
      case 'eta_changed':
        if (daysBetween(state.promisedDate, event.data.newEta) > 0) await recordDelay(event.data.newEta, event.data.reason, 'carrier');
        return;
      case 'courier_called':
        called = true;
        delete timers.call;
        await send(tp('courier-call'), { window: event.data.window, pin });
        return;
      case 'delivery_failed':
        called = false;
        await send(addTouchpoint(state, 'failed-attempt'), { reason: event.data.reason });
        addTouchpoint(state, 'courier-call');
        timers.call = now() + shop.courierCallDeadlineMinutes * 60_000;
        return;
      case 'delivered':
        return delivered(event);
      case 'return_requested':
        return startReturn();
      case 'return_received':
      case 'refund_issued':
        await returnChild?.signal(returnEventSignal, event);
        return;
      case 'cancelled':
        done = true;
        await send(addTouchpoint(state, 'cancellation'), { reason: event.data.reason });
        skipPending(state);
        return;
      default:
        return;
    }
  }

  async function delivered(event: Extract<TrackingEvent, { type: 'delivered' }>): Promise<void> {
    leaveStagesBehind();
    delete timers.call;
    const call = tp('courier-call');
    if (!called && !call.notices.length) {
      call.status = 'conflict';
      state.conflicts.push({ type: 'delivered_without_call', at: event.at, detail: 'delivered without any call to agree a time' });
    }
    if (event.data.pin && event.data.pin !== pin) {
      state.conflicts.push({ type: 'pin_mismatch', at: event.at, detail: 'the PIN given to the courier does not match the one sent' });
    }
    await send(tp('handover'), { returnDays: order.returnWindowDays });
    if (order.returnWindowDays > 0) timers.returnWindow = now() + order.returnWindowDays * DAY_MS;
    else done = true;
  }

  async function startReturn(): Promise<void> {
    delete timers.returnWindow;
    for (const name of ['return-accepted', 'return-received', 'return-refund'] as const) addTouchpoint(state, name);
    const parentWorkflowId = workflowInfo().workflowId;
    returnChild = await startChild(returnChainWorkflow, {
      workflowId: `${parentWorkflowId}-return`,
      args: [{ ...input, parentWorkflowId }],
    });
    void returnChild.result().then(
      () => (done = true),
      (err: Error) => {
        flag(`return chain failed: ${err.message}`);
        done = true;
      },
    );
  }

  async function onTimer(name: TimerName): Promise<void> {
    delete timers[name];
    if (name === 'returnWindow') {
      done = true;
    } else if (name === 'guard') {
      await recordDelay(addDays(state.promisedDate, shop.guardDelayDays), 'the parcel has not reached your city yet', 'guard');
    } else if (name === 'call') {
      tp('courier-call').note = 'no courier call reported in time: Doorstep contacted the customer';
      await send(tp('courier-call'), {}, 'courier-call-request');
    }
  }

  await send(tp('confirmation'), { promisedDate: state.promisedDate, promisedWindow: state.promisedWindow });
  await armGuard();
  while (!done) {
    const due = Object.entries(timers).sort((a, b) => a[1] - b[1])[0] as [TimerName, number] | undefined;
    const woke = await condition(() => inbox.length > 0 || done, due ? Math.max(1, due[1] - now()) : undefined);
    if (inbox.length) await handle(inbox.shift()!);
    else if (!woke && due) await onTimer(due[0]);
  }

  if (state.stage !== 'cancelled') {
    setStage('closed');
    skipPending(state, ['tracking', 'arrival']);
    await send(tp('closing'));
  }
  // The chain stays open a while so that late ratings still land on their touchpoints.
  await condition(() => false, Math.max(1, shop.feedbackWindowDays * DAY_MS));
  return state;
}
