/** Search attributes that let the API list chains through Temporal visibility. */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SHOP = defineSearchAttributeKey('DoorstepShop', SearchAttributeType.KEYWORD);
export const STAGE = defineSearchAttributeKey('DoorstepStage', SearchAttributeType.KEYWORD);
export const CARRIER = defineSearchAttributeKey('DoorstepCarrier', SearchAttributeType.KEYWORD);
export const ATTENTION = defineSearchAttributeKey('DoorstepAttention', SearchAttributeType.BOOL);

export const ALL_SEARCH_ATTRIBUTES = [SHOP, STAGE, CARRIER, ATTENTION];
