/**
 * Where delivery ids are claimed so one event is processed once, across retries and (with a
 * shared store such as `@payweave/redis`) across every instance of a service.
 *
 * `claim` must be atomic: of two concurrent claims of one key, exactly one returns `true`
 * (Redis `SET key 1 NX PX ttl`). `release` gives a claim back (`DEL`).
 */
export interface DedupeStore {
  /** Claims `key` for `ttlMs`; `false` when it is already claimed. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Releases a claim, so the next delivery with that key is accepted. */
  release(key: string): Promise<void>;
}

/** Options of {@link memoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** The most keys kept; the oldest claim is dropped first. Default 100,000. */
  readonly maxEntries?: number | undefined;
  /** The clock (tests). */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link DedupeStore} in this process's memory: the default. Bounded, so a flood of distinct
 * ids cannot grow it without limit; it forgets on restart and is not shared between instances
 * (use `@payweave/redis` for that).
 *
 * @example
 * ```ts
 * const store = memoryDedupeStore({ maxEntries: 10_000 });
 * await store.claim('wh_1', 60_000); // true
 * await store.claim('wh_1', 60_000); // false: a duplicate
 * ```
 */
export function memoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  // Insertion order is claim order, so the first key is always the oldest claim.
  const expiries = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const at = now();
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return false;
      expiries.delete(key);
      expiries.set(key, at + ttlMs);
      while (expiries.size > maxEntries) {
        const oldest = expiries.keys().next().value as string;
        expiries.delete(oldest);
      }
      return true;
    },
    async release(key) {
      expiries.delete(key);
    },
  };
}
