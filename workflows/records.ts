/**
 * What a chain tells the world beyond its customer, in the background: the facts the reports
 * aggregate, and support alerts when the chain needs attention (the `attention` list and search
 * attribute, an email to support, the shop's webhook).
 */
import { type ActivityFailure, log, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities, AlertKind, ChainFact } from '../activities';
import type { ChainInput, ChainState, Stage } from './contract';
import { isFinal } from './chain-state';
import { chainWorkflowId } from './definitions';
import { FAILURE } from './failures';
import { Lane } from './lane';
import { nowIso } from './clock';
import { localDay, plusDays } from './local-time';
import { ATTENTION, index } from './search-attributes';

// Facts are retried until the store is back: the reports must not miss one.
const { recordFact } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// An alert is retried for about an hour (mail server or webhook down), then given up on the chain.
const { alertSupport } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: [FAILURE.supportAlertFailed],
  },
});

type FactBody = ChainFact extends infer F
  ? F extends ChainFact
    ? Omit<F, 'chainId' | 'shop' | 'carrier' | 'at'>
    : never
  : never;

export class ChainRecords {
  private readonly facts = new Lane((err) =>
    this.note(`a fact for the reports could not be recorded: ${(err as Error).message}`),
  );
  private readonly alerts = new Lane((err) =>
    this.note(`support could not be alerted: ${(err as ActivityFailure).cause?.message ?? (err as Error).message}`),
  );

  /** The last stage logged (a new chain's 'accepted' goes with its 'started' fact). */
  private loggedStage: Stage;

  constructor(
    private readonly input: ChainInput,
    private readonly state: ChainState,
  ) {
    this.loggedStage = state.stage;
  }

  /** Nothing is being recorded or alerted. */
  idle(): boolean {
    return this.facts.idle() && this.alerts.idle();
  }

  /** Records a fact for the reports (workflow time). */
  fact(body: FactBody): void {
    const ref = {
      chainId: chainWorkflowId(this.input.shop.id, this.input.order.orderId),
      shop: this.input.shop.id,
      carrier: this.input.order.carrier,
      at: nowIso(),
    };
    this.facts.add(() => recordFact({ ...ref, ...body } as ChainFact));
  }

  /**
   * Logs the chain's stage once it has moved. The final one (closed, cancelled) is a fact too, for
   * the metrics' funnel and lifecycle counters; the API records the stages events move the chain to
   * (the answer of each Update), which costs the chain no activity. Chains before 0.2 did not.
   */
  stage(): void {
    const { stage } = this.state;
    if (stage === this.loggedStage) return;
    this.loggedStage = stage;
    log.info('chain moved on', { stage });
    if (isFinal(stage) && patched('final-stage-fact')) this.fact({ kind: 'stage', stage });
  }

  /**
   * The parcel was handed over at `at`: whether that kept the carrier's promise (the first one, moved
   * by the delays the carrier did not cause; in the customer's calendar), and the conflicts the
   * delivery revealed (from index `known` on), each flagged.
   */
  delivered(at: string, known: number): void {
    for (const [i, conflict] of this.state.conflicts.entries()) {
      if (i < known) continue;
      this.fact({ kind: 'conflict', n: i + 1, type: conflict.type });
      this.flag(`conflict: ${conflict.detail}`, 'conflict');
    }
    const { order } = this.input;
    const firstPromise = order.promisedDate ?? order.promisedWindow!.to;
    const excused = this.state.delays.filter((d) => d.carrierCaused === false).reduce((days, d) => days + d.days, 0);
    this.fact({
      kind: 'delivered',
      onTime: localDay(Date.parse(at), order.customer.timezone) <= plusDays(firstPromise, excused),
    });
  }

  /** The chain needs attention: shown on the chain, findable by the attention filter, and support is alerted. */
  flag(reason: string, kind: AlertKind): void {
    this.state.attention.push(reason);
    index({ key: ATTENTION, value: true });
    const alert = {
      shop: this.input.shop,
      orderId: this.input.order.orderId,
      carrier: this.input.order.carrier,
      n: this.state.attention.length,
      kind,
      reason,
      at: nowIso(),
    };
    this.alerts.add(() => alertSupport(alert));
  }

  /** Support has seen what needs attention: the chain leaves the attention filter until `flag` raises something new. */
  acknowledge(acknowledged: NonNullable<ChainState['acknowledged']>): void {
    this.state.acknowledged = acknowledged;
    index({ key: ATTENTION, value: false });
  }

  /** Something support should read on the chain, without alerting anyone (the alert itself failed). */
  private note(reason: string): void {
    this.state.attention.push(reason);
  }
}
