/** Faults injected through the store a worker is given: production code carries no hook for them. */
import type { Store } from '../../store';
import type { Ledger } from '../../store/ledger';

/**
 * `store` whose ledger calls `fault` right after it recorded a send: a `fault` that throws is a worker
 * dying after the provider accepted a message and the ledger recorded it, before the activity completed.
 */
export function afterSent(store: Store, fault: (ledgerKey: string) => void): Store {
  const ledger: Ledger = Object.create(store.ledger);
  ledger.sent = async (key, ...rest) => {
    await store.ledger.sent(key, ...rest);
    fault(key);
  };
  return { ...store, ledger };
}
