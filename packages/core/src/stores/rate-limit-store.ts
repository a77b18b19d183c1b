/** What {@link RateLimitStore.acquire} decided. */
export type RateLimitDecision =
  | {
      /** A slot was taken: send the request. */
      readonly granted: true;
      /** The slot's id, for {@link RateLimitStore.complete} (when the store has it). */
      readonly slot?: string | undefined;
    }
  | {
      /** The window is full. */
      readonly granted: false;
      /** When the oldest request in the window leaves it, in ms from now (at least 1). */
      readonly retryAfterMs: number;
    };

/**
 * A sliding-window rate limit shared by every instance of a service: at most `limit` grants
 * per key in any `windowMs`. `@payweave/redis` implements it on Redis (one sorted set per key,
 * one atomic script per acquisition, timed by the Redis server's clock so instances with
 * skewed clocks still agree); {@link memoryRateLimitStore} is the in-process version.
 *
 * `acquire` must be atomic: of many concurrent acquisitions on a full window, none is granted.
 * It may reject when the store cannot be reached; the LeadConnector limiter then falls back to
 * its local limit and logs a warning.
 */
export interface RateLimitStore {
  /** Takes one slot of `key`'s window, or says how long until one frees. */
  acquire(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
  /**
   * Says the request of `slot` was answered (or given up): the slot then counts from now, not
   * from when it was granted. The provider saw the request no later than its answer, so
   * however long the request took to arrive, the shared window never frees a slot before the
   * provider's does. Optional: a store without it counts slots from their grant.
   */
  complete?(key: string, slot: string, windowMs: number): Promise<void>;
}

/** Options of {@link memoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** The clock (tests). */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link RateLimitStore} in this process's memory (a sliding log per key): for tests, and for
 * sharing one limit between clients in one process.
 *
 * @example
 * ```ts
 * const store = memoryRateLimitStore();
 * await store.acquire('location-1', 100, 10_000); // { granted: true }
 * ```
 */
export function memoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): RateLimitStore {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Map<string, number>>();
  let slots = 0;
  return {
    async acquire(key, limit, windowMs) {
      const at = now();
      const log = windows.get(key) ?? new Map<string, number>();
      windows.set(key, log);
      for (const [slot, time] of log) if (time <= at - windowMs) log.delete(slot);
      if (log.size < limit) {
        slots += 1;
        const slot = String(slots);
        log.set(slot, at);
        return { granted: true, slot };
      }
      const times = [...log.values()].sort((a, b) => a - b);
      const frees = times[Math.max(0, times.length - limit)] ?? at;
      return { granted: false, retryAfterMs: Math.max(1, frees + windowMs - at) };
    },
    async complete(key, slot) {
      const log = windows.get(key);
      if (log?.has(slot)) log.set(slot, now());
    },
  };
}
