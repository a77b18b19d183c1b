import {
  configurationError,
  type HttpResponse,
  type Logger,
  type RateLimitStore,
  type RequestLimiter,
} from '@payweave/core';
import { LEADCONNECTOR_PROVIDER, LEADCONNECTOR_RATE_LIMIT } from './leadconnector-constants.js';
import { createSharedLimiter, type LocalLimiter } from './leadconnector-shared-limiter.js';

/** Settings of {@link createLeadConnectorRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per window (default 100, the documented limit; an integer from 1 to 10 000). */
  maxRequests?: number | undefined;
  /** Window length in ms (default 10 000; from 1 ms to one hour). */
  intervalMs?: number | undefined;
  /**
   * Extra ms added to the window, so that requests sent right at a window edge, and
   * arriving with different network delays, still land in separate server windows
   * (default: 5% of the window, between 25 and 150 ms: the margin covers network jitter,
   * which does not grow with the window, and every ms of it costs throughput).
   */
  safetyMarginMs?: number | undefined;
  /**
   * Adopt `X-RateLimit-Max` / `X-RateLimit-Interval-Milliseconds` from responses (default
   * true), within bounds: a window of 1 to 60 s, 1 to 10 000 requests per window.
   */
  adaptToHeaders?: boolean | undefined;
  /**
   * Shares the window with every instance of your service (`redisRateLimitStore` of
   * `@payweave/redis`): each request takes a slot of the location's sliding window in the store,
   * so four instances together stay under the one limit. When the store fails, the limiter falls
   * back to this process's own limit and logs a warning (`logger`); it tries the store again
   * after 5 s.
   */
  store?: RateLimitStore | undefined;
  /** The key of the shared window (default: the client's `locationId`, else `default`). Not a secret. */
  storeKey?: string | undefined;
  /** Where the shared limiter's fallback warning goes (default: the client's `logger`). */
  logger?: Logger | undefined;
}

/** A {@link RequestLimiter} with a view of its state, for tests and dashboards. */
export interface LeadConnectorRateLimiter extends RequestLimiter {
  /** Requests allowed per window now (after header adjustments). */
  readonly maxRequests: number;
  /** Window length now, in ms. */
  readonly intervalMs: number;
  /** How many acquisitions had to wait for a slot. */
  readonly waits: number;
  /** With a shared `store`: true while it is in use, false while the local limit stands in for it. */
  readonly shared?: boolean | undefined;
}

// What a response header may teach the limiter. Response headers come from the network
// (a proxy, a compromised or buggy server, a test double), so they are clamped rather
// than trusted: `X-RateLimit-Interval-Milliseconds: 3600000` must not park every later
// call for an hour (a wait the caller cannot see coming), a huge `X-RateLimit-Max` must
// neither turn the limiter off nor make the window-filling loop below run for ever,
// and a non-numeric, non-finite or non-positive value says nothing and is ignored.
// 60 s is also the default `maxRetryAfterMs`: the longest wait a server may ask for
// before a call fails fast. The documented limit (100 per 10 s) is well inside.
const headerIntervalMinMs = 1_000;
const headerIntervalMaxMs = 60_000;
const maxRequestsLimit = 10_000;
const optionIntervalMaxMs = 3_600_000;
const optionMarginMaxMs = 60_000;
// A slot whose request never answered (and whose caller never gave up) counts for at most this long.
const pendingCapMs = 60_000;

interface Slot {
  readonly start: number;
  end: number | undefined;
  /** Stops watching the caller's signal once the slot has ended. */
  unwatch: (() => void) | undefined;
}

interface Waiter {
  readonly signal: AbortSignal | undefined;
  readonly grant: () => void;
  unwatch: (() => void) | undefined;
}

// A monotonic clock: a wall clock set back by an hour would otherwise keep every slot for an hour.
const clock: () => number =
  typeof globalThis.performance?.now === 'function' ? () => globalThis.performance.now() : () => Date.now();

/**
 * A sliding-window limiter for one location (one marketplace app per location shares one
 * quota): at most `maxRequests` requests per `intervalMs`, adjusted from the
 * `X-RateLimit-*` headers. When the server reports fewer remaining requests than the
 * window thinks (another process uses the same quota) or answers 429, the window is
 * filled so the next calls wait. Waiting calls are served in order; a call whose signal
 * aborts leaves the queue at once (its `acquire` rejects with the signal's reason), and a
 * request whose caller gives up stops holding its slot. Share one limiter between
 * clients of the same location by passing it as `rateLimiter`. To share the limit between
 * processes, give it a `store` (`redisRateLimitStore` of `@payweave/redis`): the window then
 * lives in the store, and when the store fails the local limit stands in, with a warning.
 *
 * Headers are clamped: a window of 1 to 60 s (or down to the configured `intervalMs`
 * when that is shorter), 1 to 10 000 requests per window, `X-RateLimit-Remaining`
 * within 0 and the limit; values that are not finite numbers are ignored. Bad options
 * throw a `configuration` error.
 *
 * @example
 * ```ts
 * const limiter = createLeadConnectorRateLimiter({ maxRequests: 100, intervalMs: 10_000 });
 * const a = createLeadConnector({ accessToken, locationId, rateLimiter: limiter });
 * const b = createLeadConnector({ accessToken: other, locationId, rateLimiter: limiter });
 * ```
 */
export function createLeadConnectorRateLimiter(options: RateLimiterOptions = {}): LeadConnectorRateLimiter {
  checkOptions(options);
  let maxRequests = options.maxRequests ?? LEADCONNECTOR_RATE_LIMIT.maxRequests;
  let intervalMs = options.intervalMs ?? LEADCONNECTOR_RATE_LIMIT.intervalMs;
  const adapt = options.adaptToHeaders ?? true;
  // A caller who configured a window shorter than 1 s (tests, a known proxy) keeps it.
  const intervalFloorMs = Math.min(headerIntervalMinMs, intervalMs);
  const intervalCeilingMs = Math.max(headerIntervalMaxMs, intervalMs);
  const marginFor = (interval: number) =>
    options.safetyMarginMs ?? Math.min(150, Math.max(25, Math.round(interval * 0.05)));
  const margin = () => marginFor(intervalMs);
  // One slot per request in the window. A slot counts from its response (`end`), not from
  // its send: the server saw the request no later than we saw the answer, so however
  // long requests queue on the way, our window never closes before the server's does.
  // A request whose caller aborts ends its slot then (a request the server did not see
  // by the time the connection was dropped never counts). A slot with neither an
  // answer nor an abort (a network failure) is released after `pendingCapMs`.
  const slots: Slot[] = [];
  const queue: Waiter[] = [];
  const signals = new SignalWatch();
  let waits = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const expiry = (slot: Slot) => (slot.end ?? slot.start + pendingCapMs) + intervalMs + margin();

  const endSlot = (slot: Slot, at: number) => {
    if (slot.end === undefined) slot.end = Math.min(at, slot.start + pendingCapMs);
    slot.unwatch?.();
    slot.unwatch = undefined;
  };

  const prune = (now: number) => {
    for (let index = slots.length - 1; index >= 0; index -= 1) {
      const slot = slots[index] as Slot;
      if (expiry(slot) <= now) {
        slot.unwatch?.();
        slots.splice(index, 1);
      }
    }
  };

  const take = (signal: AbortSignal | undefined, now: number) => {
    const slot: Slot = { start: now, end: undefined, unwatch: undefined };
    slots.push(slot);
    if (signal) {
      slot.unwatch = signals.watch(signal, () => {
        endSlot(slot, clock());
        schedule();
      });
    }
  };

  // Grants slots to waiters in order, then sleeps until the soonest slot expires. Every
  // change (a response, an abort, a new limit) calls this again, so no waiter sleeps
  // out a stale estimate, and an empty queue leaves no timer behind.
  const schedule = () => {
    const now = clock();
    prune(now);
    while (queue.length > 0 && slots.length < maxRequests) {
      const waiter = queue.shift() as Waiter;
      waiter.unwatch?.();
      waits += 1;
      take(waiter.signal, now);
      waiter.grant();
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    let soonest = Number.POSITIVE_INFINITY;
    for (const slot of slots) soonest = Math.min(soonest, expiry(slot));
    const delay = Number.isFinite(soonest) ? Math.ceil(soonest - now) : intervalMs;
    timer = setTimeout(
      () => {
        timer = undefined;
        schedule();
      },
      Math.max(1, delay),
    );
  };

  const local: LocalLimiter = {
    get maxRequests() {
      return maxRequests;
    },
    get intervalMs() {
      return intervalMs;
    },
    get waits() {
      return waits;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const now = clock();
      prune(now);
      if (queue.length === 0 && slots.length < maxRequests) {
        take(signal, now);
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { signal, grant: resolve, unwatch: undefined };
        if (signal) {
          waiter.unwatch = signals.watch(signal, () => {
            // An aborted waiter gives up its place at once.
            const index = queue.indexOf(waiter);
            if (index !== -1) queue.splice(index, 1);
            reject(signal.reason);
            schedule();
          });
        }
        queue.push(waiter);
        schedule();
      });
    },
    release() {
      // The oldest pending slot ends now: like a response, the server saw the request no later than this.
      const pending = slots.find((slot) => slot.end === undefined);
      if (pending) endSlot(pending, clock());
      schedule();
    },
    observe(response: HttpResponse) {
      const now = clock();
      // Responses are not matched to requests: the oldest pending slot ends, which keeps the count.
      const pending = slots.find((slot) => slot.end === undefined);
      if (pending) endSlot(pending, now);
      if (adapt) {
        const max = readNumber(response, 'x-ratelimit-max');
        const interval = readNumber(response, 'x-ratelimit-interval-milliseconds');
        if (max !== undefined && max >= 1) maxRequests = clamp(Math.floor(max), 1, maxRequestsLimit);
        if (interval !== undefined && interval > 0) {
          intervalMs = clamp(Math.round(interval), intervalFloorMs, intervalCeilingMs);
        }
      }
      const remaining = response.status === 429 ? 0 : readNumber(response, 'x-ratelimit-remaining');
      if (remaining !== undefined) {
        prune(now);
        // The server counts requests we did not send (other processes on the same quota):
        // fill the gap. At most `maxRequests` (<= 10 000) slots are added.
        const missing = maxRequests - slots.length - clamp(Math.floor(remaining), 0, maxRequests);
        for (let index = 0; index < missing; index += 1) {
          slots.push({ start: now, end: now, unwatch: undefined });
        }
      }
      schedule();
    },
  };
  if (!options.store) return local;
  return createSharedLimiter(local, {
    store: options.store,
    key: options.storeKey ?? 'default',
    marginMs: marginFor,
    logger: options.logger,
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A header as a finite decimal number (`12`, `-3`, `2.5`), or `undefined`. */
function readNumber(response: HttpResponse, name: string): number | undefined {
  let value: string | null;
  try {
    value = response.headers.get(name);
  } catch {
    return undefined;
  }
  if (value === null) return undefined;
  const text = value.trim();
  if (!/^[+-]?\d{1,20}(\.\d{1,20})?$/.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function checkOptions(options: RateLimiterOptions): void {
  const fail = (field: string, message: string) =>
    configurationError(LEADCONNECTOR_PROVIDER, `rateLimit.${field}`, message);
  if (typeof options !== 'object' || options === null) {
    throw configurationError(LEADCONNECTOR_PROVIDER, 'rateLimit', 'must be an object or false');
  }
  const { maxRequests, intervalMs, safetyMarginMs, adaptToHeaders, store, storeKey } = options;
  if (
    store !== undefined &&
    (typeof store !== 'object' || store === null || typeof store.acquire !== 'function')
  ) {
    throw fail('store', 'must be a RateLimitStore (an object with acquire)');
  }
  if (
    storeKey !== undefined &&
    !(typeof storeKey === 'string' && storeKey.length > 0 && storeKey.length <= 200)
  ) {
    throw fail('storeKey', 'must be a string of 1 to 200 characters');
  }
  if (
    maxRequests !== undefined &&
    !(Number.isInteger(maxRequests) && maxRequests >= 1 && maxRequests <= maxRequestsLimit)
  ) {
    throw fail('maxRequests', `must be an integer from 1 to ${maxRequestsLimit}`);
  }
  if (
    intervalMs !== undefined &&
    !(typeof intervalMs === 'number' && intervalMs >= 1 && intervalMs <= optionIntervalMaxMs)
  ) {
    throw fail('intervalMs', `must be a number of ms from 1 to ${optionIntervalMaxMs}`);
  }
  if (
    safetyMarginMs !== undefined &&
    !(typeof safetyMarginMs === 'number' && safetyMarginMs >= 0 && safetyMarginMs <= optionMarginMaxMs)
  ) {
    throw fail('safetyMarginMs', `must be a number of ms from 0 to ${optionMarginMaxMs}`);
  }
  if (adaptToHeaders !== undefined && typeof adaptToHeaders !== 'boolean') {
    throw fail('adaptToHeaders', 'must be a boolean');
  }
}

/**
 * One `abort` listener per signal, however many slots and waiters watch it: a bulk job
 * that shares one signal across hundreds of calls must not pile listeners on it.
 */
class SignalWatch {
  readonly #watchers = new Map<
    AbortSignal,
    { readonly callbacks: Set<() => void>; readonly onAbort: () => void }
  >();

  /** Calls `callback` once when `signal` aborts; the returned function stops watching. */
  watch(signal: AbortSignal, callback: () => void): () => void {
    let entry = this.#watchers.get(signal);
    if (!entry) {
      const callbacks = new Set<() => void>();
      const onAbort = () => {
        this.#watchers.delete(signal);
        for (const each of [...callbacks]) each();
      };
      entry = { callbacks, onAbort };
      this.#watchers.set(signal, entry);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    const { callbacks, onAbort } = entry;
    callbacks.add(callback);
    return () => {
      callbacks.delete(callback);
      if (callbacks.size === 0 && this.#watchers.get(signal) === entry) {
        this.#watchers.delete(signal);
        signal.removeEventListener('abort', onAbort);
      }
    };
  }
}
