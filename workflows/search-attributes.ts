/** Search attributes that let the API list chains through Temporal visibility. */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

export const SHOP = defineSearchAttributeKey('DoorstepShop', SearchAttributeType.KEYWORD);
export const STAGE = defineSearchAttributeKey('DoorstepStage', SearchAttributeType.KEYWORD);
export const CARRIER = defineSearchAttributeKey('DoorstepCarrier', SearchAttributeType.KEYWORD);
export const ATTENTION = defineSearchAttributeKey('DoorstepAttention', SearchAttributeType.BOOL);

export const ALL_SEARCH_ATTRIBUTES = [SHOP, STAGE, CARRIER, ATTENTION];

/**
 * Updates one of the chain's search attributes (in a workflow). Chains started without them (the
 * time-skipping test server cannot register them) keep them unset.
 */
export function index(pair: SearchAttributeUpdatePair): void {
  if (workflowInfo().typedSearchAttributes.get(SHOP) !== undefined) upsertSearchAttributes([pair]);
}
