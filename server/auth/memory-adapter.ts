/**
 * Where the embedded provider keeps what lives only minutes (sign-in interactions, sessions,
 * grants, authorization codes): this process's memory, each entry dropped when it expires.
 * The access tokens themselves are JWTs that nothing stores, verified by any process through
 * the JWKS, so `npm run token` in another process needs none of this. A second server
 * instance behind a load balancer would need a shared store for sign-in through the browser
 * (README, "Sign-in"). Given in place of oidc-provider's own development adapter, which warns
 * on stderr outside the structured log.
 */
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Date.now() after which the entry is gone; Infinity without an expiry. */
  expiresAt: number;
}

/** Most entries one model keeps; past it the oldest go first (a flood of abandoned sign-ins cannot fill the memory). */
const MAX_ENTRIES = 10_000;

const epochSeconds = (): number => Math.floor(Date.now() / 1000);

/** A fresh store for one provider: one Map per model name (Session, Interaction, Grant, ...). */
export function memoryAdapter(): AdapterFactory {
  const stores = new Map<string, Map<string, Entry>>();
  const storeOf = (name: string): Map<string, Entry> => {
    let store = stores.get(name);
    if (store === undefined) {
      store = new Map();
      stores.set(name, store);
    }
    return store;
  };
  const live = (store: Map<string, Entry>, id: string): AdapterPayload | undefined => {
    const entry = store.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(id);
      return undefined;
    }
    return entry.payload;
  };
  const findBy = (store: Map<string, Entry>, match: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
    for (const [id, entry] of store) {
      if (match(entry.payload)) return live(store, id);
    }
    return undefined;
  };

  return (name: string): Adapter => {
    const store = storeOf(name);
    return {
      upsert: (id, payload, expiresIn) => {
        store.delete(id);
        if (store.size >= MAX_ENTRIES) {
          const oldest = store.keys().next();
          if (oldest.done !== true) store.delete(oldest.value);
        }
        store.set(id, { payload: structuredClone(payload), expiresAt: expiresIn === undefined ? Number.POSITIVE_INFINITY : Date.now() + expiresIn * 1000 });
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(live(store, id)),
      findByUid: (uid) => Promise.resolve(findBy(store, (payload) => payload.uid === uid)),
      findByUserCode: (userCode) => Promise.resolve(findBy(store, (payload) => payload.userCode === userCode)),
      consume: (id) => {
        const payload = live(store, id);
        if (payload !== undefined) payload.consumed = epochSeconds();
        return Promise.resolve();
      },
      destroy: (id) => {
        store.delete(id);
        return Promise.resolve();
      },
      revokeByGrantId: (grantId) => {
        for (const other of stores.values()) {
          for (const [id, entry] of other) if (entry.payload.grantId === grantId) other.delete(id);
        }
        return Promise.resolve();
      },
    };
  };
}
