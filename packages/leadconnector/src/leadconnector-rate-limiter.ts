import type { HttpResponse, RequestLimiter } from '@payweave/core';
import { sleep } from '@payweave/core';
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
   * (default: 5% of the window, at least 25 ms).
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
 * quota): at most `maxRequests` starts per `intervalMs`, adjusted from the
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
  const margin = () => options.safetyMarginMs ?? Math.max(25, Math.round(intervalMs * 0.05));
  // Start times of the requests in the current window, oldest first.
  const starts: number[] = [];
  let waits = 0;

  const prune = (now: number) => {
    const horizon = now - intervalMs - margin();
    while (starts.length > 0 && (starts[0] as number) <= horizon) starts.shift();
  };

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
        if (starts.length < maxRequests) {
          starts.push(now);
          if (waited) waits += 1;
          return;
        }
        waited = true;
        const oldest = starts[starts.length - maxRequests] as number;
        await sleep(Math.max(1, oldest + intervalMs + margin() - now + 1), signal);
      }
    },
    observe(response: HttpResponse) {
      const headers = response.headers;
      if (adapt) {
        const max = positiveInt(headers.get('x-ratelimit-max'));
        const interval = positiveInt(headers.get('x-ratelimit-interval-milliseconds'));
        if (max !== undefined) maxRequests = max;
        if (interval !== undefined) intervalMs = interval;
      }
      const remainingHeader = headers.get('x-ratelimit-remaining');
      const remaining = response.status === 429 ? 0 : nonNegativeInt(remainingHeader);
      if (remaining === undefined) return;
      const now = Date.now();
      prune(now);
      // The server counts requests we did not send (other processes on the same quota): fill the gap.
      const missing = maxRequests - starts.length - remaining;
      for (let index = 0; index < missing; index += 1) starts.push(now);
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
