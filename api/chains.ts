/**
 * The API's side of Temporal: start a chain idempotently, deliver events and ratings, read and list
 * chains. Temporal errors become ChainError with the HTTP status the API answers.
 */
import {
  Client,
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, type UpdateDefinition } from '@temporalio/common';
import { logger } from '../common/logger';
import { isFinal, rankOf } from '../workflows/chain-state';
import type { ChainInput, ChainState, OrderInput, Stage, TrackingEvent } from '../workflows/contract';
import { chainWorkflow } from '../workflows';
import {
  chainStateQuery,
  deliveryPinQuery,
  chainWorkflowId,
  customerReplyUpdate,
  deliveryReceiptSignal,
  ratingUpdate,
  supportActionUpdate,
  trackingEventUpdate,
  type CustomerReply,
  type DeliveryReceipt,
  type EventResult,
  type RatingInput,
  type RatingResult,
  type SupportActionInput,
} from '../workflows/definitions';
import { CARRIER, STAGE } from '../workflows/search-attributes';
import type { AddressKeyer } from '../store/address-key';
import type { Facts } from '../store/facts';
import type { Parcels } from '../store/parcels';
import type { Tombstones } from '../store/tombstones';
import { isPageToken, listQuery, summaryOf, type ChainFilter, type ChainSummary } from './chain-list';
import { chainStartOptions, sameBody } from './chain-start';
import { runTemplateTest } from './template-test';
import type { TemplateTestInput, TemplateTestResult } from '../activities';

/** gRPC's INVALID_ARGUMENT status. */
const INVALID_ARGUMENT = 3;

/** The workflow is not there (never started, or deleted) or has finished. */
export function isGone(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || /not found|already completed/i.test(String((err as Error)?.message));
}

/** A failure the API reports as problem+json with this status. */
export class ChainError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Chains of one Temporal namespace, addressed by shop and order id. */
export class Chains {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly addressKey: AddressKeyer,
    /**
     * Where the stages events move chains to are kept (the metrics' funnel; scripts that send no events go
     * without).
     */
    private readonly stages?: Pick<Facts, 'moveStage'>,
    /** Order ids that never start again (finished or erased); scripts that start nothing go without. */
    private readonly tombstones?: Pick<Tombstones, 'find'>,
    /** The parcel index a carrier's event finds its chain by; scripts that send no tracking numbers go without. */
    private readonly parcels?: Pick<Parcels, 'link'>,
  ) {}

  /** Has the worker send a staff member's template test (see api/template-test.ts); undefined: no answer yet. */
  templateTest(id: string, input: TemplateTestInput, waitMs: number): Promise<TemplateTestResult | undefined> {
    return runTemplateTest(this.client, this.taskQueue, id, input, waitMs);
  }

  private handle(shop: string, orderId: string): WorkflowHandle<typeof chainWorkflow> {
    return this.client.workflow.getHandle(chainWorkflowId(shop, orderId));
  }

  /**
   * Starts the chain of an order. The same order body again answers `created: false` with the
   * current stage; a different body for a known order is a 409; an erased order, or a finished one
   * Temporal no longer holds, is a 410 (it never starts again). `given` is the body as sent, when
   * the shop's defaults completed `input.order`.
   */
  async start(input: ChainInput, given: OrderInput = input.order): Promise<{ created: boolean; stage: Stage }> {
    const { order, shop } = input;
    const closed = await this.tombstones?.find(chainWorkflowId(shop.id, order.orderId));
    const gone = new ChainError(
      410,
      `order ${order.orderId} ${closed?.reason === 'erased' ? 'was erased' : 'has finished'}: its chain cannot start again`,
    );
    if (closed?.reason === 'erased') throw gone;
    if (!closed) {
      try {
        const contacts = [order.customer.email, order.customer.phone]
          .filter((c) => c !== undefined)
          .map(this.addressKey);
        await this.client.workflow.start(chainWorkflow, chainStartOptions(input, this.taskQueue, contacts, given));
        await this.link(shop.id, order.orderId, order.carrier, order.trackingNumber);
        return { created: true, stage: 'accepted' };
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }
    // Known to Temporal (running, or finished and still kept): the same body is a repeat.
    const described = await this.handle(shop.id, order.orderId)
      .describe()
      .catch((err: unknown) => {
        throw isGone(err) ? gone : err;
      });
    if (!sameBody(described.memo, given)) {
      throw new ChainError(409, `order ${order.orderId} already exists with a different body`);
    }
    // A repeat also files the parcel: the first start's filing may have failed after the chain started.
    await this.link(shop.id, order.orderId, order.carrier, order.trackingNumber);
    return { created: false, stage: (described.typedSearchAttributes.get(STAGE) ?? 'accepted') as Stage };
  }

  /**
   * Delivers a tracking event; 404 for an unknown order (or, given `carrier`, an order another
   * carrier carries; names compared without case), 409 for an impossible transition.
   */
  async event(shop: string, orderId: string, event: TrackingEvent, carrier?: string): Promise<EventResult> {
    const trackingNumber = event.type === 'handed_to_carrier' ? event.data.trackingNumber : undefined;
    // The order's carrier: to check the caller's, and to file a parcel under it.
    const ordersCarrier =
      carrier !== undefined || (trackingNumber && this.parcels) ? await this.carrierOf(shop, orderId) : undefined;
    if (carrier !== undefined && ordersCarrier?.toLowerCase() !== carrier.toLowerCase())
      throw new ChainError(404, `no order ${orderId}`);
    const result = await this.moved(shop, orderId, await this.update(shop, orderId, trackingEventUpdate, event));
    // A duplicate files it too: the first delivery's filing may have failed after the chain took the event.
    if (ordersCarrier) await this.link(shop, orderId, ordersCarrier, trackingNumber);
    return result;
  }

  /** The carrier of an order's chain (its CARRIER search attribute); 404 for an unknown order. */
  private async carrierOf(shop: string, orderId: string): Promise<string | undefined> {
    const described = await this.handle(shop, orderId)
      .describe()
      .catch(async (err: unknown) => {
        throw await this.notFoundOrClosed(shop, orderId, err);
      });
    return described.typedSearchAttributes.get(CARRIER);
  }

  /** Files an order's parcel in the parcel index, when it has a tracking number (a failure fails the call: it is retried). */
  private async link(shop: string, orderId: string, carrier: string, trackingNumber?: string): Promise<void> {
    if (!trackingNumber || !this.parcels) return;
    await this.parcels.link({ shop, carrier, trackingNumber, chainId: chainWorkflowId(shop, orderId), orderId });
  }

  /** A support action; 404 for an unknown order, 409 when it cannot be done now. */
  async act(shop: string, orderId: string, input: SupportActionInput): Promise<EventResult> {
    return this.moved(shop, orderId, await this.update(shop, orderId, supportActionUpdate, input));
  }

  /**
   * Keeps the stage an event or action moved the chain to, for the metrics' funnel (a final stage is
   * the chain's own to record). A duplicate answers the chain's stage too: a retry whose first answer
   * was lost sets it. The chain has taken the event whatever happens here: a store error is logged,
   * and the chain's next move (or its retry) sets its stage right.
   */
  private async moved(shop: string, orderId: string, result: EventResult): Promise<EventResult> {
    if (this.stages && !isFinal(result.stage)) {
      await this.stages
        .moveStage(chainWorkflowId(shop, orderId), result.stage, rankOf(result.stage))
        .catch((err: Error) => {
          logger.warn({ shop, orderId, err: err.message }, 'could not keep the stage for the metrics');
        });
    }
    return result;
  }

  /** Records a customer's rating on its touchpoint; 409 when its check is closed, 410 once the chain has finished. */
  rate(shop: string, orderId: string, rating: RatingInput): Promise<RatingResult> {
    return this.update(shop, orderId, ratingUpdate, rating, 410);
  }

  /** The delivery PIN of an order whose courier window is agreed, for its customer's tracking page. */
  pin(shop: string, orderId: string): Promise<string | undefined> {
    return this.handle(shop, orderId).query(deliveryPinQuery);
  }

  /** The chain as support sees it. */
  async state(shop: string, orderId: string): Promise<ChainState> {
    let state: ChainState;
    try {
      state = await this.handle(shop, orderId).query(chainStateQuery);
    } catch (err) {
      throw await this.notFoundOrClosed(shop, orderId, err);
    }
    // The id scheme keeps shops apart (the configuration refuses ids that could collide); this holds it.
    if (state.shop !== shop || state.orderId !== orderId) throw new ChainError(404, `no order ${orderId}`);
    return state;
  }

  /** Runs a chain Update: its validator's refusal is a 409; an unknown order 404; a finished chain `closedStatus`. */
  private async update<R, A>(
    shop: string,
    orderId: string,
    def: UpdateDefinition<R, [A]>,
    arg: A,
    closedStatus = 409,
  ): Promise<R> {
    try {
      return await this.handle(shop, orderId).executeUpdate(def, { args: [arg] });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
        throw new ChainError(409, err.cause.message);
      throw await this.notFoundOrClosed(shop, orderId, err, closedStatus);
    }
  }

  /**
   * Hands a delivery receipt to the workflow that sent the notice, or to its chain once that one
   * has finished (a return chain's late receipt); nothing when both have.
   */
  async receipt(workflowId: string, chainId: string, receipt: DeliveryReceipt): Promise<void> {
    for (const id of new Set([workflowId, chainId])) {
      try {
        return await this.client.workflow.getHandle(id).signal(deliveryReceiptSignal, receipt);
      } catch (err) {
        if (!isGone(err)) throw err;
      }
    }
  }

  /** Hands a digit the customer sent to the chain; whether it counted (false too when the chain has finished). */
  async reply(chainId: string, reply: CustomerReply): Promise<boolean> {
    try {
      return await this.client.workflow.getHandle(chainId).executeUpdate(customerReplyUpdate, { args: [reply] });
    } catch (err) {
      if (isGone(err)) return false;
      throw err;
    }
  }

  /** One page of a shop's chains, newest first, filtered through Temporal visibility. */
  async list(
    shop: string,
    filter: ChainFilter,
    page: { size: number; token?: string },
  ): Promise<{ items: ChainSummary[]; nextPageToken?: string }> {
    const contactKey = filter.contact ? this.addressKey(filter.contact) : undefined;
    const token = page.token ? Buffer.from(page.token, 'base64url') : undefined;
    // Visibility's page tokens are JSON objects: anything else is the caller's mistake, told at once.
    if (token && !isPageToken(token)) throw new ChainError(400, 'the page token is not valid');
    const res = await this.client.workflowService
      .listWorkflowExecutions({
        namespace: this.client.options.namespace,
        query: listQuery(shop, filter, contactKey),
        pageSize: page.size,
        nextPageToken: token,
      })
      .catch((err: unknown) => {
        // Only the server's refusal of the token is the caller's mistake; an outage stays an outage.
        throw token && isGrpcServiceError(err) && err.code === INVALID_ARGUMENT
          ? new ChainError(400, 'the page token is not valid')
          : err;
      });
    const items = (res.executions ?? []).map((e) => summaryOf(shop, e));
    const next = res.nextPageToken?.length ? Buffer.from(res.nextPageToken).toString('base64url') : undefined;
    return { items, nextPageToken: next };
  }

  /** Whether Temporal answers at all (readiness). */
  async ready(): Promise<boolean> {
    try {
      await this.client.workflowService.getSystemInfo({});
      return true;
    } catch {
      return false;
    }
  }

  private async notFoundOrClosed(shop: string, orderId: string, err: unknown, closedStatus = 409): Promise<Error> {
    if (!isGone(err)) return err as Error;
    try {
      await this.handle(shop, orderId).describe();
      return new ChainError(closedStatus, `the chain of order ${orderId} has finished`);
    } catch {
      return new ChainError(404, `no order ${orderId}`);
    }
  }
}
