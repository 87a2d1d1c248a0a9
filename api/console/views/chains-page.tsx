/** The console's front page: search by order id, email or phone, and the work lists of chains. */
import type { ChainSummary, WorkList } from '../../chain-list';
import type { Staff } from '../session';
import { Layout } from './layout';
import { ErrorNote, Table } from './parts';

export const LIST_TITLES: Record<WorkList | 'all', string> = {
  attention: 'Needs attention',
  delayed: 'Delayed',
  'awaiting-call': 'Awaiting courier call',
  returns: 'Returns',
  completed: 'Recently completed',
  all: 'All chains',
};

export interface ChainsPageProps {
  staff: Staff;
  list: WorkList | 'all';
  query?: string;
  items: ChainSummary[];
  nextPage?: string;
  error?: string;
}

export function ChainsPage({ staff, list, query, items, nextPage, error }: ChainsPageProps) {
  const title = query ? `Search: ${query}` : LIST_TITLES[list];
  return (
    <Layout title={title} staff={staff}>
      <form method="get" action="/console/search" class="card" role="search">
        <label>
          Find an order by its id, the customer's email or phone{' '}
          <input name="q" value={query ?? ''} size={32} required />
        </label>
        <button>Search</button>
      </form>
      <nav class="lists">
        {(Object.keys(LIST_TITLES) as (WorkList | 'all')[]).map((l) => (
          <a href={`/console?list=${l}`} aria-current={!query && l === list ? 'page' : undefined}>
            {l === list && !query ? <strong>{LIST_TITLES[l]}</strong> : LIST_TITLES[l]}
          </a>
        ))}
      </nav>
      <div class="card">
        <h1>{title}</h1>
        <ErrorNote error={error} />
        {items.length === 0 ? (
          <p>No chains here.</p>
        ) : (
          <Table head={['Order', 'Stage', 'Carrier', 'Attention', 'Chain', 'Started']}>
            {items.map((c) => (
              <tr>
                <td>
                  <a href={`/console/orders/${encodeURIComponent(c.orderId)}`}>{c.orderId}</a>
                </td>
                <td>{c.stage.replaceAll('_', ' ')}</td>
                <td>{c.carrier}</td>
                <td>{c.attention ? <span class="badge alert">needs attention</span> : ''}</td>
                <td>{c.status}</td>
                <td class="muted">{c.startedAt?.replace('T', ' ').slice(0, 16)} UTC</td>
              </tr>
            ))}
          </Table>
        )}
        {nextPage && <a href={`/console?list=${list}&page=${encodeURIComponent(nextPage)}`}>Next page</a>}
      </div>
    </Layout>
  );
}
