import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
    const limiter = createLeadConnectorRateLimiter();
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
