import type { HttpResponse, RequestLimiter } from '@payweave/core';
import { LEADCONNECTOR_RATE_LIMIT } from './leadconnector-constants.js';

/** Settings of {@link createLeadConnectorRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per window (default 100, the documented limit). */
  maxRequests?: number | undefined;
  /** Window length in ms (default 10 000). */
  intervalMs?: number | undefined;
  /**
   * Extra ms added to the window, so that requests sent right at a window edge, and
   * arriving with different network delays, still land in separate server windows
   * (default: 5% of the window, between 25 and 150 ms: the margin covers network jitter,
   * which does not grow with the window, and every ms of it costs throughput).
   */
  safetyMarginMs?: number | undefined;
  /** Adopt `X-RateLimit-Max` / `X-RateLimit-Interval-Milliseconds` from responses (default true). */
  adaptToHeaders?: boolean | undefined;
}

/** A {@link RequestLimiter} with a view of its state, for tests and dashboards. */
export interface LeadConnectorRateLimiter extends RequestLimiter {
  /** Requests allowed per window now (after header adjustments). */
  readonly maxRequests: number;
  /** Window length now, in ms. */
  readonly intervalMs: number;
  /** How many acquisitions had to wait for a slot. */
  readonly waits: number;
}

/**
 * A sliding-window limiter for one location (one marketplace app per location shares one
 * quota): at most `maxRequests` requests per `intervalMs`, adjusted from the
 * `X-RateLimit-*` headers. When the server reports fewer remaining requests than the
 * window thinks (another process uses the same quota) or answers 429, the window is
 * filled so the next calls wait. Share one limiter between clients of the same location
 * by passing it as `rateLimiter`.
 *
 * @example
 * ```ts
 * const limiter = createLeadConnectorRateLimiter({ maxRequests: 100, intervalMs: 10_000 });
 * const a = createLeadConnector({ accessToken, locationId, rateLimiter: limiter });
 * const b = createLeadConnector({ accessToken: other, locationId, rateLimiter: limiter });
 * ```
 */
export function createLeadConnectorRateLimiter(options: RateLimiterOptions = {}): LeadConnectorRateLimiter {
  let maxRequests = options.maxRequests ?? LEADCONNECTOR_RATE_LIMIT.maxRequests;
  let intervalMs = options.intervalMs ?? LEADCONNECTOR_RATE_LIMIT.intervalMs;
  const adapt = options.adaptToHeaders ?? true;
  const margin = () => options.safetyMarginMs ?? Math.min(150, Math.max(25, Math.round(intervalMs * 0.05)));
  // One slot per request in the window. A slot counts from its response (`end`), not from
  // its send: the server saw the request no later than we saw the answer, so however
  // long requests queue on the way, our window never closes before the server's does.
  // A slot without an answer (network failure) is released after `pendingCapMs`.
  const slots: { start: number; end: number | undefined }[] = [];
  const pendingCapMs = 60_000;
  let waits = 0;
  const wakers = new Set<() => void>();

  const expiry = (slot: { start: number; end: number | undefined }) =>
    (slot.end ?? slot.start + pendingCapMs) + intervalMs + margin();

  const prune = (now: number) => {
    for (let index = slots.length - 1; index >= 0; index -= 1) {
      if (expiry(slots[index] as { start: number; end: number | undefined }) <= now) slots.splice(index, 1);
    }
  };

  const wakeAll = () => {
    for (const wake of [...wakers]) wake();
  };

  // Sleepers are woken early when a response raises the limit or ends a slot, so none sleeps out a stale estimate.
  const pause = (ms: number, signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        wakers.delete(done);
        reject(signal?.reason);
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  return {
    get maxRequests() {
      return maxRequests;
    },
    get intervalMs() {
      return intervalMs;
    },
    get waits() {
      return waits;
    },
    async acquire(signal) {
      let waited = false;
      for (;;) {
        signal?.throwIfAborted();
        const now = Date.now();
        prune(now);
        if (slots.length < maxRequests) {
          slots.push({ start: now, end: undefined });
          if (waited) waits += 1;
          return;
        }
        waited = true;
        let soonest = Number.POSITIVE_INFINITY;
        for (const slot of slots) soonest = Math.min(soonest, expiry(slot));
        await pause(Math.max(1, Math.min(soonest - now + 1, intervalMs)), signal);
      }
    },
    observe(response: HttpResponse) {
      const now = Date.now();
      const pending = slots.find((slot) => slot.end === undefined);
      if (pending) pending.end = now;
      const headers = response.headers;
      let loosened = false;
      if (adapt) {
        const max = positiveInt(headers.get('x-ratelimit-max'));
        const interval = positiveInt(headers.get('x-ratelimit-interval-milliseconds'));
        loosened =
          (max !== undefined && max > maxRequests) || (interval !== undefined && interval < intervalMs);
        if (max !== undefined) maxRequests = max;
        if (interval !== undefined) intervalMs = interval;
      }
      const remaining = response.status === 429 ? 0 : nonNegativeInt(headers.get('x-ratelimit-remaining'));
      if (remaining !== undefined) {
        prune(now);
        // The server counts requests we did not send (other processes on the same quota): fill the gap.
        const missing = maxRequests - slots.length - remaining;
        for (let index = 0; index < missing; index += 1) slots.push({ start: now, end: now });
      }
      if (loosened) wakeAll();
    },
  };
}

function positiveInt(value: string | null): number | undefined {
  const parsed = nonNegativeInt(value);
  return parsed === undefined || parsed === 0 ? undefined : parsed;
}

function nonNegativeInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
