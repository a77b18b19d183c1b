import type { HttpResponse, Logger, RateLimitStore } from '@payweave/core';

/** The local limiter the shared one falls back to, and learns limits from. */
export interface LocalLimiter {
  readonly maxRequests: number;
  readonly intervalMs: number;
  readonly waits: number;
  acquire(signal?: AbortSignal): Promise<void>;
  observe(response: HttpResponse): void;
  release(): void;
}

/** Settings of {@link createSharedLimiter}. */
export interface SharedLimiterSettings {
  /** The shared sliding window. */
  readonly store: RateLimitStore;
  /** The window's key (the location id). */
  readonly key: string;
  /** Extra ms added to the window (network jitter), for the limiter's current interval. */
  readonly marginMs: (intervalMs: number) => number;
  /** Where the fallback warning goes. */
  readonly logger: Logger | undefined;
  /** How long the local limit is used after the store failed, before the store is tried again (ms). */
  readonly retryStoreAfterMs?: number | undefined;
}

/** The shared limiter's state, beside the local one's. */
export interface SharedLimiter {
  readonly maxRequests: number;
  readonly intervalMs: number;
  readonly waits: number;
  /** True while the shared store is in use; false while this process falls back to its own limit. */
  readonly shared: boolean;
  acquire(signal?: AbortSignal): Promise<void>;
  observe(response: HttpResponse): void;
  release(): void;
}

interface Waiter {
  readonly signal: AbortSignal | undefined;
  readonly grant: () => void;
  readonly fail: (reason: unknown) => void;
  unwatch: (() => void) | undefined;
}

/**
 * A limiter whose window is shared by every instance through a {@link RateLimitStore}: each
 * request takes a slot of the location's window in the store (sliding, `maxRequests` per
 * `intervalMs` plus the safety margin). Waiting calls queue in order in this process, and only
 * the head of the queue asks the store, so a thousand waiting calls cost one store call per
 * freed slot, not a thousand. Limits learnt from the `X-RateLimit-*` headers apply to the shared
 * window too. When the store fails, this process falls back to its local limiter for a while and
 * logs a warning; calls go on at the local limit.
 */
export function createSharedLimiter(local: LocalLimiter, settings: SharedLimiterSettings): SharedLimiter {
  const retryStoreAfterMs = settings.retryStoreAfterMs ?? 5_000;
  const queue: Waiter[] = [];
  let pumping = false;
  let waits = 0;
  // While set, the store failed and the local limiter is used until this time (epoch ms).
  let localUntil = 0;
  let warned = false;
  // After a 429, nothing is sent before this time.
  let pausedUntil = 0;
  // Slots granted by the store whose request has not answered yet, oldest first.
  const pendingSlots: { readonly slot: string; readonly windowMs: number }[] = [];

  // Responses are not matched to requests: the oldest pending slot ends, which keeps the count.
  const completeOldest = () => {
    const oldest = pendingSlots.shift();
    if (!oldest || !settings.store.complete) return;
    settings.store.complete(settings.key, oldest.slot, oldest.windowMs).catch(() => {
      // The slot then counts from its grant: the margin covers what is left.
    });
  };

  const falling = () => Date.now() < localUntil;

  const fallBack = (error: unknown) => {
    localUntil = Date.now() + retryStoreAfterMs;
    if (!warned) {
      warned = true;
      settings.logger?.warn(
        `leadconnector: the shared rate-limit store failed; this process uses its own limit (${local.maxRequests} per ${local.intervalMs} ms) until the store answers again.`,
        { cause: error instanceof Error ? error.message : String(error) },
      );
    }
  };

  const handToLocal = (waiter: Waiter) => {
    waiter.unwatch?.();
    local.acquire(waiter.signal).then(waiter.grant, waiter.fail);
  };

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        if (falling()) {
          for (const waiter of queue.splice(0)) handToLocal(waiter);
          return;
        }
        const pause = pausedUntil - Date.now();
        if (pause > 0) {
          await wait(pause);
          continue;
        }
        const intervalMs = local.intervalMs;
        let decision: Awaited<ReturnType<RateLimitStore['acquire']>>;
        const windowMs = intervalMs + settings.marginMs(intervalMs);
        try {
          decision = await settings.store.acquire(settings.key, local.maxRequests, windowMs);
        } catch (error) {
          fallBack(error);
          continue;
        }
        if (warned) {
          warned = false;
          settings.logger?.info('leadconnector: the shared rate-limit store answers again.');
        }
        if (decision.granted) {
          // The head may have given up while the store answered: the slot then goes to the next caller.
          const head = queue.shift();
          if (decision.slot !== undefined) {
            pendingSlots.push({ slot: decision.slot, windowMs });
            // Bounded: a slot whose answer never came counts from its grant.
            if (pendingSlots.length > 10_000) pendingSlots.shift();
          }
          if (head) {
            head.unwatch?.();
            head.grant();
          }
          continue;
        }
        waits += 1;
        await wait(Math.max(1, Math.min(decision.retryAfterMs, intervalMs)));
      }
    } finally {
      pumping = false;
    }
  };

  return {
    get maxRequests() {
      return local.maxRequests;
    },
    get intervalMs() {
      return local.intervalMs;
    },
    get waits() {
      return waits + local.waits;
    },
    get shared() {
      return !falling();
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (falling()) return local.acquire(signal);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { signal, grant: resolve, fail: reject, unwatch: undefined };
        if (signal) {
          const onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index !== -1) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          waiter.unwatch = () => signal.removeEventListener('abort', onAbort);
        }
        queue.push(waiter);
        pump().catch(reject);
      });
    },
    observe(response) {
      completeOldest();
      // The local limiter learns the limits (and, for a fallback, how full the server's window is).
      local.observe(response);
      if (response.status === 429) pausedUntil = Date.now() + local.intervalMs;
    },
    release() {
      completeOldest();
      local.release();
    },
  };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
