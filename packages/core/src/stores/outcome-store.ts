/**
 * What {@link OutcomeStore.claim} found for a key:
 * - `claimed`: nobody holds the key; the caller now holds it for the lease and must either
 *   {@link OutcomeStore.complete} it with the outcome or {@link OutcomeStore.release} it;
 * - `pending`: another caller holds it (its work is in flight): wait and claim again;
 * - `done`: the work finished; `outcome` is the serialized outcome it stored.
 */
export type OutcomeClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly outcome: string };

/**
 * Where the outcome of a piece of work that must run once (a charge, keyed by the caller's
 * transaction id) is kept, so a repeated request is answered with the first outcome instead of
 * doing the work again, also across the instances of a service when the store is shared
 * (`@payweave/redis`).
 *
 * Outcomes are strings (serialized JSON), so a store can keep them anywhere. The operations map
 * one to one onto Redis:
 * - `claim(key, leaseMs)`: `SET key <pending marker> NX PX leaseMs`; when that fails, `GET key`
 *   tells `pending` (the marker) from `done` (an outcome). Atomic: of two concurrent claims of
 *   one key exactly one is `claimed`. A lease that ran out (the holder crashed) can be claimed again.
 * - `complete(key, outcome, ttlMs)`: `SET key outcome XX PX ttlMs`: stored only while the key
 *   still exists (the lease did not run out); resolves whether it was stored.
 * - `release(key)`: `DEL key`: gives a claim back, so the next request does the work.
 */
export interface OutcomeStore {
  /** Claims `key` for `leaseMs`, or reports that it is held (`pending`) or finished (`done`). */
  claim(key: string, leaseMs: number): Promise<OutcomeClaim>;
  /** Stores the outcome of a claimed key for `ttlMs`; `false` when the key no longer existed (lease ran out). */
  complete(key: string, outcome: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work failed before it did anything), so the next claim is `claimed`. */
  release(key: string): Promise<void>;
}

/** Options of {@link memoryOutcomeStore}. */
export interface MemoryOutcomeStoreOptions {
  /** The most keys kept; the least recently written is dropped first. Default 100,000. */
  readonly maxEntries?: number | undefined;
  /** The clock (tests). */
  readonly now?: (() => number) | undefined;
}

type Entry =
  | { readonly state: 'pending'; readonly expiresAt: number }
  | { readonly state: 'done'; readonly outcome: string; readonly expiresAt: number };

/**
 * An {@link OutcomeStore} in this process's memory: the default. Bounded, so a flood of
 * distinct keys cannot grow it without limit; it forgets on restart and is not shared between
 * instances (use `@payweave/redis` for that).
 *
 * @example
 * ```ts
 * const store = memoryOutcomeStore({ maxEntries: 10_000 });
 * await store.claim('charge:tx_1', 60_000); // { kind: 'claimed' }
 * await store.claim('charge:tx_1', 60_000); // { kind: 'pending' }
 * await store.complete('charge:tx_1', JSON.stringify({ chargeId: 'ch_1' }), 86_400_000);
 * await store.claim('charge:tx_1', 60_000); // { kind: 'done', outcome: '{"chargeId":"ch_1"}' }
 * ```
 */
export function memoryOutcomeStore(options: MemoryOutcomeStoreOptions = {}): OutcomeStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('memoryOutcomeStore: maxEntries must be a positive integer');
  }
  const now = options.now ?? Date.now;
  // Insertion order is write order (every write deletes first), so the first key is the oldest write.
  const entries = new Map<string, Entry>();
  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > at) return entry;
    entries.delete(key);
    return undefined;
  };
  const write = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };
  return {
    async claim(key, leaseMs) {
      const at = now();
      const entry = live(key, at);
      if (entry?.state === 'done') return { kind: 'done', outcome: entry.outcome };
      if (entry?.state === 'pending') return { kind: 'pending' };
      write(key, { state: 'pending', expiresAt: at + leaseMs });
      return { kind: 'claimed' };
    },
    async complete(key, outcome, ttlMs) {
      const at = now();
      if (live(key, at) === undefined) return false;
      write(key, { state: 'done', outcome, expiresAt: at + ttlMs });
      return true;
    },
    async release(key) {
      entries.delete(key);
    },
  };
}
