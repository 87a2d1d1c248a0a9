/** Listing chains through Temporal visibility: the work lists, the filters, a page's summaries. */
import type { temporal } from '@temporalio/proto';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes.js';
import type { Stage } from '../workflows/contract';
import { chainWorkflowId } from '../workflows/definitions';
import { ATTENTION, CARRIER, CONTACT, LISTS, SHOP, STAGE } from '../workflows/search-attributes';

/** The console's work lists (`GET /v1/orders?list=`). */
export const WORK_LISTS = ['attention', 'delayed', 'awaiting-call', 'returns', 'completed'] as const;
export type WorkList = (typeof WORK_LISTS)[number];

const WORK_LIST_QUERIES: Record<WorkList, string> = {
  // Only running chains: a finished one needs no one's attention any more.
  attention: `${ATTENTION.name} = true AND ExecutionStatus = 'Running'`,
  delayed: `${LISTS.name} = 'delayed' AND ExecutionStatus = 'Running'`,
  'awaiting-call': `${LISTS.name} = 'awaiting-call' AND ExecutionStatus = 'Running'`,
  returns: `${STAGE.name} IN ('returning', 'returned')`,
  completed: `ExecutionStatus = 'Completed'`,
};

/** What a list of chains may be narrowed by; `contact` is an email or phone number, matched by its keyed hash. */
export interface ChainFilter {
  stage?: Stage;
  carrier?: string;
  attention?: boolean;
  list?: WorkList;
  contact?: string;
}

export interface ChainSummary {
  orderId: string;
  stage: Stage;
  carrier?: string;
  attention: boolean;
  status: 'running' | 'finished';
  startedAt?: string;
}

/** The visibility query of a shop's chains through `filter`; `contactKey` is the keyed hash of its contact. */
export function listQuery(shop: string, filter: ChainFilter, contactKey?: string): string {
  const quote = (v: string) => `'${v.replace(/['\\]/g, '')}'`;
  // A chain that continued as new is listed once, by its running (or last) run.
  const clauses = [`${SHOP.name} = ${quote(shop)}`, `ExecutionStatus != 'ContinuedAsNew'`];
  if (filter.stage) clauses.push(`${STAGE.name} = ${quote(filter.stage)}`);
  if (filter.carrier) clauses.push(`${CARRIER.name} = ${quote(filter.carrier)}`);
  if (filter.attention !== undefined) clauses.push(`${ATTENTION.name} = ${filter.attention}`);
  if (filter.list) clauses.push(WORK_LIST_QUERIES[filter.list]);
  if (contactKey !== undefined) clauses.push(`${CONTACT.name} = ${quote(contactKey)}`);
  return `${clauses.join(' AND ')} AND WorkflowType = 'chainWorkflow'`;
}

/** Whether a page token is what visibility hands out (a JSON object): anything else is the caller's mistake. */
export function isPageToken(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** A listed execution of one of `shop`'s chains, as the list answers it. */
export function summaryOf(shop: string, e: temporal.api.workflow.v1.IWorkflowExecutionInfo): ChainSummary {
  const attrs = decodeTypedSearchAttributes(e.searchAttributes?.indexedFields);
  return {
    orderId: (e.execution?.workflowId ?? '').slice(chainWorkflowId(shop, '').length),
    stage: (attrs.get(STAGE) ?? 'accepted') as Stage,
    carrier: attrs.get(CARRIER),
    attention: attrs.get(ATTENTION) ?? false,
    status: e.status === 1 ? 'running' : 'finished',
    startedAt: e.startTime?.seconds ? new Date(Number(e.startTime.seconds) * 1000).toISOString() : undefined,
  };
}
