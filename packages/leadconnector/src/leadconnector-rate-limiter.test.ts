import type { HttpResponse } from '@payweave/core';
import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLeadConnector, createLeadConnectorRateLimiter } from './index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 20, intervalMs: 500 } });
const { locationId, accessToken, transactionId } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  simulator.setRateLimit({ maxRequests: 20, intervalMs: 500 });
});

describe('rate limits', () => {
  // The documented 100 requests per window, with the window shortened to keep the test quick.
  it('keeps a 500-call job under the documented rate with no 429', { timeout: 30_000 }, async () => {
    simulator.setRateLimit({ maxRequests: 100, intervalMs: 250 });
    const lc = createLeadConnector({
      baseUrl,
      accessToken,
      locationId,
      rateLimit: { maxRequests: 100, intervalMs: 250 },
    });
    const results = await Promise.all(
      Array.from({ length: 500 }, () => lc.transactions.retrieve(transactionId)),
    );
    expect(results.filter((result) => result.isErr())).toHaveLength(0);
    expect(simulator.state.stats.rateLimited).toBe(0);
    expect(simulator.state.stats.peakInWindow).toBeLessThanOrEqual(100);
    expect(simulator.log).toHaveLength(500);
    expect(simulator.log.every((entry) => entry.outcome === 200)).toBe(true);
  });

  it('learns a lower limit from the X-RateLimit headers', async () => {
    simulator.setRateLimit({ maxRequests: 5, intervalMs: 200 });
    // Headers may not shorten the window below 1 s, or below what the caller configured.
    const limiter = createLeadConnectorRateLimiter({ intervalMs: 200 });
    const lc = createLeadConnector({ baseUrl, accessToken, locationId, rateLimiter: limiter });
    await lc.transactions.retrieve(transactionId);
    expect(limiter.maxRequests).toBe(5);
    expect(limiter.intervalMs).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => lc.transactions.retrieve(transactionId)),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(simulator.state.stats.rateLimited).toBe(0);
    expect(simulator.state.stats.peakInWindow).toBeLessThanOrEqual(5);
    expect(limiter.waits).toBeGreaterThan(0);
  });

  it('handles a 429 burst without a failed call, waiting X-RateLimit-Interval-Milliseconds', async () => {
    simulator.setRateLimit({ maxRequests: 5, intervalMs: 100 });
    const lc = createLeadConnector({ baseUrl, accessToken, locationId, rateLimit: false, maxRetries: 10 });
    const results = await Promise.all(
      Array.from({ length: 15 }, () => lc.transactions.retrieve(transactionId)),
    );
    expect(results.filter((result) => result.isErr())).toHaveLength(0);
    expect(simulator.state.stats.rateLimited).toBeGreaterThan(0);
    const limited = simulator.log.filter((entry) => entry.outcome === 429);
    expect(limited.length).toBe(simulator.state.stats.rateLimited);
    expect(simulator.log.filter((entry) => entry.outcome === 200)).toHaveLength(15);
  });

  it('a scripted 429 burst is retried for reads and not for record-payment', async () => {
    simulator.setRateLimit(false);
    const headers = { 'x-ratelimit-interval-milliseconds': '20', 'x-ratelimit-remaining': '0' };
    simulator.faults.failNext(3, 429, { headers, body: { statusCode: 429, message: 'Too many requests' } });
    const lc = createLeadConnector({ baseUrl, accessToken, locationId, maxRetries: 3 });
    const reads = await Promise.all([
      lc.transactions.retrieve(transactionId),
      lc.orders.list().firstPage(),
      lc.subscriptions.list().firstPage(),
    ]);
    expect(reads.every((result) => result.isOk())).toBe(true);
    simulator.faults.failNext(1, 429, { headers });
    const payment = await lc.orders.recordPayment({ orderId: simulator.defaults.orderIds[1], mode: 'cash' });
    expect(payment.unwrapErr().code).toBe('rate_limited');
    expect(simulator.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a 429 asking for more than maxRetryAfterMs fails at once with retryAfterMs', async () => {
    simulator.faults.failNext(1, 429, { headers: { 'x-ratelimit-interval-milliseconds': '10000' } });
    const lc = createLeadConnector({
      baseUrl,
      accessToken,
      locationId,
      rateLimit: false,
      maxRetryAfterMs: 1_000,
    });
    const error = (await lc.transactions.retrieve(transactionId)).unwrapErr();
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(10_000);
    expect(simulator.log).toHaveLength(1);
  });

  it('fills its window when the server reports fewer remaining requests (another process on the quota)', async () => {
    const limiter = createLeadConnectorRateLimiter({
      maxRequests: 10,
      intervalMs: 60_000,
      adaptToHeaders: false,
    });
    await limiter.acquire();
    limiter.observe({
      status: 200,
      headers: new Headers({ 'x-ratelimit-remaining': '0' }),
      body: undefined,
      text: '',
      malformed: false,
    });
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

function response(headers: Record<string, string>, status = 200): HttpResponse {
  return { status, headers: new Headers(headers), body: undefined, text: '', malformed: false };
}

/** Starts `acquire` and reports whether it has resolved, without awaiting it. */
function track(promise: Promise<void>) {
  const state = { granted: false, error: undefined as unknown };
  promise.then(
    () => {
      state.granted = true;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return state;
}

describe('rate limiter bounds (hostile headers, aborted callers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('clamps X-RateLimit-Interval-Milliseconds to [1 s, 60 s]: an hour-long header parks calls for 60 s at most', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 1, safetyMarginMs: 0 });
    await limiter.acquire();
    limiter.observe(response({ 'x-ratelimit-interval-milliseconds': '3600000' }));
    expect(limiter.intervalMs).toBe(60_000);
    const next = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(59_000);
    expect(next.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(next.granted).toBe(true);

    limiter.observe(response({ 'x-ratelimit-interval-milliseconds': '1' }));
    expect(limiter.intervalMs).toBe(1_000);
    limiter.observe(response({ 'x-ratelimit-interval-milliseconds': '2500' }));
    expect(limiter.intervalMs).toBe(2_500);
  });

  it('clamps X-RateLimit-Max to [1, 10 000] and ignores values that are not finite numbers', async () => {
    const limiter = createLeadConnectorRateLimiter();
    const hostile = [
      'NaN',
      'Infinity',
      '-Infinity',
      '9'.repeat(400), // digits only, but Number() of it is Infinity
      '1e3',
      '0x10',
      '',
      ' ',
      'ten',
      '100, 100',
      '0',
      '-5',
    ];
    for (const value of hostile) {
      limiter.observe(response({ 'x-ratelimit-max': value, 'x-ratelimit-interval-milliseconds': value }));
      expect([value, limiter.maxRequests, limiter.intervalMs]).toEqual([value, 100, 10_000]);
    }
    limiter.observe(response({ 'x-ratelimit-max': '99999999999999' }));
    expect(limiter.maxRequests).toBe(10_000);
    limiter.observe(response({ 'x-ratelimit-max': ' 7 ' }));
    expect(limiter.maxRequests).toBe(7);
    limiter.observe(response({ 'x-ratelimit-max': '2.9' }));
    expect(limiter.maxRequests).toBe(2);
  });

  it('a huge X-RateLimit-Max with X-RateLimit-Remaining: 0 fills at most 10 000 slots (no endless loop)', async () => {
    const limiter = createLeadConnectorRateLimiter({ safetyMarginMs: 0 });
    await limiter.acquire();
    limiter.observe(
      response({
        'x-ratelimit-max': '9007199254740993',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-interval-milliseconds': '1000',
      }),
    );
    expect(limiter.maxRequests).toBe(10_000);
    const next = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(999);
    expect(next.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(next.granted).toBe(true);
  });

  it('clamps X-RateLimit-Remaining to [0, max]: negative fills the window, huge or non-numeric fills nothing', async () => {
    const limiter = createLeadConnectorRateLimiter({
      maxRequests: 3,
      adaptToHeaders: false,
      safetyMarginMs: 0,
    });
    await limiter.acquire();
    for (const value of ['99999999999999999999', 'NaN', '-Infinity', 'many', '1e2']) {
      limiter.observe(response({ 'x-ratelimit-remaining': value }));
    }
    // Nothing was filled: two more slots are free at once.
    await limiter.acquire();
    await limiter.acquire();
    expect(limiter.waits).toBe(0);

    const other = createLeadConnectorRateLimiter({
      maxRequests: 3,
      adaptToHeaders: false,
      safetyMarginMs: 0,
    });
    await other.acquire();
    other.observe(response({ 'x-ratelimit-remaining': '-40' }));
    const next = track(other.acquire());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(next.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(next.granted).toBe(true);
    expect(other.waits).toBe(1);
  });

  it('a 429 with a hostile interval still waits 60 s at most', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 5, safetyMarginMs: 0 });
    await limiter.acquire();
    limiter.observe(response({ 'x-ratelimit-interval-milliseconds': '86400000' }, 429));
    const next = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(60_001);
    expect(next.granted).toBe(true);
  });

  it('bad options are a configuration error', () => {
    for (const options of [
      { maxRequests: 0 },
      { maxRequests: Number.NaN },
      { maxRequests: 2.5 },
      { maxRequests: 1_000_000 },
      { intervalMs: Number.POSITIVE_INFINITY },
      { intervalMs: -1 },
      { safetyMarginMs: Number.NaN },
      { adaptToHeaders: 'yes' as never },
    ]) {
      expect(() => createLeadConnectorRateLimiter(options)).toThrow(
        expect.objectContaining({ code: 'configuration' }),
      );
    }
    expect(() => createLeadConnectorRateLimiter(null as never)).toThrow(/rateLimit must be an object/);
  });

  it('acquire rejects at once when its signal aborts, and an aborted waiter gives up its place', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 1, intervalMs: 1_000, safetyMarginMs: 0 });
    await limiter.acquire();
    limiter.observe(response({}));
    const first = track(limiter.acquire());
    const controller = new AbortController();
    const second = track(limiter.acquire(controller.signal));
    const third = track(limiter.acquire());
    controller.abort(new Error('caller gave up'));
    await vi.advanceTimersByTimeAsync(0);
    expect(second.error).toEqual(new Error('caller gave up'));
    expect(first.granted).toBe(false);

    // Waiters are served in order; the aborted one is skipped, not waited for.
    await vi.advanceTimersByTimeAsync(1_001);
    expect([first.granted, third.granted]).toEqual([true, false]);
    limiter.observe(response({}));
    await vi.advanceTimersByTimeAsync(1_001);
    expect(third.granted).toBe(true);
    expect(limiter.waits).toBe(2);

    // An already aborted signal rejects without taking a slot.
    const aborted = AbortSignal.abort(new Error('already'));
    await expect(limiter.acquire(aborted)).rejects.toThrow('already');
  });

  it('a request that never answers stops holding its slot when its caller aborts', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 1, intervalMs: 1_000, safetyMarginMs: 0 });
    const controller = new AbortController();
    await limiter.acquire(controller.signal); // sent, never answered
    const next = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(next.granted).toBe(false);
    controller.abort();
    // The slot now ends at the abort: free one window later, not after the 60 s cap.
    await vi.advanceTimersByTimeAsync(999);
    expect(next.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(next.granted).toBe(true);
  });

  it('a request with no answer and no signal is released after the 60 s cap', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 1, intervalMs: 1_000, safetyMarginMs: 0 });
    await limiter.acquire();
    const next = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(60_999);
    expect(next.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(next.granted).toBe(true);
  });

  it('many calls sharing one signal add one abort listener, removed when they are done', async () => {
    const limiter = createLeadConnectorRateLimiter({ maxRequests: 2, intervalMs: 1_000, safetyMarginMs: 0 });
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const calls = Array.from({ length: 50 }, () => track(limiter.acquire(controller.signal)));
    expect(add).toHaveBeenCalledTimes(1);
    for (let round = 0; round < 25; round += 1) {
      limiter.observe(response({}));
      limiter.observe(response({}));
      await vi.advanceTimersByTimeAsync(1_001);
    }
    expect(calls.every((call) => call.granted)).toBe(true);
    limiter.observe(response({}));
    limiter.observe(response({}));
    await vi.advanceTimersByTimeAsync(1_001);
    expect(remove).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
