import type { RetryEvent } from '@payweave/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerClient, createLedgerSimulator } from './ledger.js';

const simulator = createLedgerSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterEach(() => simulator.reset());
afterAll(() => simulator.close());

const posts = () => simulator.log.filter((entry) => entry.method === 'POST');

// Every case runs on both transports: Node's http module (the default on Node) and fetch.
describe.each(['auto', 'fetch'] as const)('transport %s', (transport) => {
  const ledger = (options: Parameters<typeof createLedgerClient>[0]) =>
    createLedgerClient({ transport, ...options });

  describe('retry: never', () => {
    it('sends a POST exactly once after a 503', async () => {
      simulator.faults.failNext(1, 503);
      const result = await ledger({ baseUrl }).charges.createOnce({ amount: '5.00' });
      expect(result.isErr()).toBe(true);
      const error = result.unwrapErr();
      expect(error.code).toBe('provider_unavailable');
      expect(error.httpStatus).toBe(503);
      expect(error.attempts).toEqual([
        expect.objectContaining({ attempt: 1, httpStatus: 503, decision: 'stop' }),
      ]);
      expect(posts()).toHaveLength(1);
    });

    it('sends a POST exactly once after a timeout', async () => {
      simulator.faults.stallNext(2_000, { method: 'POST' }, { afterHandling: true });
      const result = await ledger({ baseUrl, timeoutMs: 150 }).charges.createOnce({
        amount: '5.00',
      });
      expect(result.unwrapErr().code).toBe('timeout');
      expect(posts()).toHaveLength(1);
      expect(simulator.state.charges).toHaveLength(1);
    });

    it('retries a request that provably never left (connection refused)', async () => {
      const closed = createLedgerSimulator();
      const url = await closed.listen();
      await closed.close();
      const result = await ledger({ baseUrl: url, maxRetries: 2 }).charges.createOnce({
        amount: '1.00',
      });
      const error = result.unwrapErr();
      expect(error.code).toBe('network');
      expect(error.attempts.map((attempt) => attempt.failure)).toEqual(['connect', 'connect', 'connect']);
    });
  });

  describe('retry: safe', () => {
    it('retries a GET after 500 and 502, then succeeds', async () => {
      const client = ledger({ baseUrl });
      const created = (await client.charges.create({ amount: '2.00' })).unwrap();
      simulator.clearLog();
      simulator.faults.failNext(2, 500, { match: { method: 'GET' } });
      const events: RetryEvent[] = [];
      const result = await ledger({
        baseUrl,
        hooks: { onRetry: (event) => events.push(event) },
      }).charges.retrieve(created.id);
      expect(result.unwrap().id).toBe(created.id);
      expect(simulator.log.map((entry) => entry.outcome)).toEqual([500, 500, 200]);
      expect(events.map((event) => event.next)).toEqual(['retry', 'retry']);
    });

    it('gives up after maxRetries with the whole attempt history', async () => {
      simulator.faults.failNext(5, 503, { match: { method: 'GET' } });
      const result = await ledger({ baseUrl, maxRetries: 2 }).charges.retrieve('abc');
      const error = result.unwrapErr();
      expect(error.code).toBe('provider_unavailable');
      expect(error.attempts.map((attempt) => [attempt.httpStatus, attempt.decision])).toEqual([
        [503, 'retry'],
        [503, 'retry'],
        [503, 'stop'],
      ]);
      expect(simulator.log).toHaveLength(3);
    });

    it('does not retry a 404 and maps the provider body', async () => {
      const result = await ledger({ baseUrl }).charges.retrieve('missing');
      const error = result.unwrapErr();
      expect(error.code).toBe('not_found');
      expect(error.fieldErrors).toEqual({ id: ['not found'] });
      expect(simulator.log).toHaveLength(1);
    });

    it('retries malformed JSON on a read', async () => {
      simulator.faults.malformedNext({ method: 'GET' });
      const result = await ledger({ baseUrl }).charges.list().toArray({ limit: 5 });
      expect(result.unwrap()).toEqual([]);
      expect(simulator.log).toHaveLength(2);
    });

    it('waits a Retry-After of 2 s', async () => {
      simulator.faults.failNext(1, 429, { headers: { 'retry-after': '2' } });
      const events: RetryEvent[] = [];
      const result = await ledger({ baseUrl, hooks: { onRetry: (event) => events.push(event) } })
        .charges.list()
        .toArray({ limit: 1 });
      expect(result.isOk()).toBe(true);
      expect(events).toEqual([expect.objectContaining({ delayMs: 2000, reason: 'HTTP 429' })]);
      expect(simulator.log.map((entry) => entry.outcome)).toEqual([429, 200]);
    }, 10_000);

    it('reads Retry-After as an HTTP date', async () => {
      simulator.faults.failNext(1, 503, {
        headers: { 'retry-after': new Date(Date.now() + 120_000).toUTCString() },
      });
      const result = await ledger({ baseUrl, maxRetryAfterMs: 60_000 }).charges.retrieve('x');
      const error = result.unwrapErr();
      expect(error.retryAfterMs).toBeGreaterThan(100_000);
      expect(simulator.log).toHaveLength(1);
    });

    it('fails at once with rate_limited when Retry-After (120 s) is past the 60 s cap', async () => {
      simulator.faults.failNext(1, 429, { headers: { 'retry-after': '120' } });
      const result = await ledger({ baseUrl, maxRetryAfterMs: 60_000 }).charges.retrieve('x');
      const error = result.unwrapErr();
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBe(120_000);
      expect(error.retryable).toBe(true);
      expect(simulator.log).toHaveLength(1);
    });

    it('turns a body that stalls past the timeout into a timeout error', async () => {
      simulator.faults.stallNext(3_000, { method: 'GET' }, { times: 3 });
      const result = await ledger({ baseUrl, timeoutMs: 100, maxRetries: 1 }).charges.retrieve('x');
      const error = result.unwrapErr();
      expect(error.code).toBe('timeout');
      expect(error.attempts.map((attempt) => attempt.failure)).toEqual(['timeout', 'timeout']);
    });

    it('stops at the overall deadline', async () => {
      simulator.faults.stallNext(3_000, { method: 'GET' }, { times: 5 });
      const result = await ledger({
        baseUrl,
        timeoutMs: 1_000,
        deadlineMs: 250,
        maxRetries: 5,
      }).charges.retrieve('x');
      expect(result.unwrapErr().code).toBe('timeout');
      expect(simulator.log.length).toBeLessThanOrEqual(2);
    });

    it('ends at once when aborted during backoff, with no further request', async () => {
      simulator.faults.failNext(1, 503, { headers: { 'retry-after': '30' } });
      const controller = new AbortController();
      const client = ledger({
        baseUrl,
        hooks: { onRetry: () => setTimeout(() => controller.abort(), 20) },
      });
      const result = await client.charges.retrieve('x', {}, { signal: controller.signal });
      const error = result.unwrapErr();
      expect(error.code).toBe('aborted');
      expect(simulator.log).toHaveLength(1);
    });

    it('per-call options override the client limits', async () => {
      simulator.faults.failNext(3, 503);
      const result = await ledger({ baseUrl, maxRetries: 5 }).charges.retrieve('x', {}, { maxRetries: 0 });
      expect(result.unwrapErr().attempts).toHaveLength(1);
    });
  });

  describe('retry: reconcile', () => {
    it('finds the charge the provider recorded before the connection dropped, and sends nothing again', async () => {
      simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
      const result = await ledger({ baseUrl }).charges.create({
        amount: '7.25',
        reference: 'order-1',
      });
      expect(result.unwrap()).toMatchObject({ reference: 'order-1', amount: '7.25' });
      expect(simulator.state.charges).toHaveLength(1);
      expect(simulator.log.map((entry) => `${entry.method} ${entry.path}?${entry.search}`)).toEqual([
        'POST /charges?',
        'GET /charges?reference=order-1&page=1&page_size=1',
      ]);
    });

    it('fills in a client reference and looks it up before resending after a 503', async () => {
      simulator.faults.failNext(1, 503, { match: { method: 'POST' } });
      const result = await ledger({ baseUrl }).charges.create({ amount: '3.00' });
      const charge = result.unwrap();
      expect(charge.reference).toMatch(/^ref-/);
      expect(simulator.state.charges).toHaveLength(1);
      expect(simulator.log.map((entry) => entry.method)).toEqual(['POST', 'GET', 'POST']);
      const references = simulator.log
        .filter((entry) => entry.method === 'POST')
        .map((entry) => (entry.body as { charge: { reference: string } }).charge.reference);
      expect(references).toEqual([charge.reference, charge.reference]);
    });

    it('does not resend when the lookup itself fails', async () => {
      simulator.faults.resetNext({ method: 'POST' });
      simulator.faults.failNext(5, 400, { match: { method: 'GET' } });
      const result = await ledger({ baseUrl }).charges.create({ amount: '3.00' });
      const error = result.unwrapErr();
      expect(error.code).toBe('network');
      expect(error.message).toContain('outcome is unknown');
      expect(posts()).toHaveLength(1);
    });
  });
});
