/** Search attributes that let the API list chains through Temporal visibility. */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { workListsOf } from './chain-state';
import type { ChainState } from './contract';

export const SHOP = defineSearchAttributeKey('DoorstepShop', SearchAttributeType.KEYWORD);
export const STAGE = defineSearchAttributeKey('DoorstepStage', SearchAttributeType.KEYWORD);
export const CARRIER = defineSearchAttributeKey('DoorstepCarrier', SearchAttributeType.KEYWORD);
export const ATTENTION = defineSearchAttributeKey('DoorstepAttention', SearchAttributeType.BOOL);

/** The console's work lists a chain is on now ('delayed', 'awaiting-call'), kept current by the chain. */
export const LISTS = defineSearchAttributeKey('DoorstepLists', SearchAttributeType.KEYWORD_LIST);
/** Keyed hashes of the customer's email and phone (never the addresses): support finds orders by them. */
export const CONTACT = defineSearchAttributeKey('DoorstepContact', SearchAttributeType.KEYWORD_LIST);

export const ALL_SEARCH_ATTRIBUTES = [SHOP, STAGE, CARRIER, ATTENTION, LISTS, CONTACT];

/**
 * Updates one of the chain's search attributes (in a workflow). Chains started without them (the
 * time-skipping test server cannot register them) keep them unset.
 */
export function index(pair: SearchAttributeUpdatePair): void {
  if (workflowInfo().typedSearchAttributes.get(SHOP) !== undefined) upsertSearchAttributes([pair]);
}

/** The stage and work lists that visibility does not show yet (none for a chain started without search attributes). */
export function staleIndex(state: ChainState, courierCalled: boolean): SearchAttributeUpdatePair[] {
  const attrs = workflowInfo().typedSearchAttributes;
  if (attrs.get(SHOP) === undefined) return [];
  const lists = workListsOf(state, courierCalled);
  const changed: SearchAttributeUpdatePair[] = [];
  if (state.stage !== (attrs.get(STAGE) ?? 'accepted')) changed.push({ key: STAGE, value: state.stage });
  if (lists.join() !== (attrs.get(LISTS) ?? []).join()) changed.push({ key: LISTS, value: lists });
  return changed;
}

/**
 * Keeps the chain's stage and work lists current in visibility: one upsert for whatever changed
 * since the last one (a stage moved by an update and the lists that follow it share a command).
 */
export function reindex(state: ChainState, courierCalled: boolean): void {
  const changed = staleIndex(state, courierCalled);
  if (changed.length) upsertSearchAttributes(changed);
}
