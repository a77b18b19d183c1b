import { inspect } from 'node:util';
import {
  captureLogger,
  createPayConnectSimulator,
  findSecrets,
  payConnectSimulatorApiKey,
} from '@payweave/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPayConnect, payConnectEnvironments } from '../index.js';

const simulator = createPayConnectSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const client = (extra: Parameters<typeof createPayConnect>[0] = {}) =>
  createPayConnect({
    apiKey: payConnectSimulatorApiKey,
    baseUrl,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    ...extra,
  });

const sessionCalls = () => simulator.log.filter((entry) => entry.path === '/v2/sessions');

describe('settings', () => {
  it('needs an API key, from the setting or PAYCONNECT_API_KEY', () => {
    vi.stubEnv('PAYCONNECT_API_KEY', '');
    expect(() => createPayConnect()).toThrow(/apiKey is required/);
    vi.stubEnv('PAYCONNECT_API_KEY', 'pc_from_env_key_123');
    const payconnect = createPayConnect();
    expect(JSON.parse(JSON.stringify(payconnect))).toMatchObject({
      environment: 'sandbox',
      baseUrl: payConnectEnvironments.sandbox,
    });
  });

  it('picks the production URL and refuses bad settings', () => {
    const production = createPayConnect({ apiKey: 'k-123456', environment: 'production' });
    expect(JSON.parse(JSON.stringify(production)).baseUrl).toBe('https://my.payconnect.us/api');
    expect(() => createPayConnect({ apiKey: 'k-123456', environment: 'live' as never })).toThrow(
      /environment/,
    );
    expect(() => createPayConnect({ apiKey: 'k-123456', baseUrl: 'http://example.com' })).toThrow(/baseUrl/);
    expect(() => createPayConnect({ apiKey: 'k-123456', timeoutSeconds: 0 })).toThrow(/timeoutSeconds/);
    try {
      createPayConnect({ apiKey: 'k-123456', timeoutSeconds: -1 });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'configuration',
        fieldErrors: { timeoutSeconds: [expect.any(String)] },
      });
    }
  });
});

describe('sessions', () => {
  it('creates one session for many calls and reuses it; the view shows expiry and count, never the token', async () => {
    const payconnect = client();
    expect(payconnect.session.issuedCount).toBe(0);
    expect(payconnect.session.expiresAt).toBeUndefined();
    await Promise.all([
      payconnect.invoices.retrieve('inv_001001'),
      payconnect.invoices.retrieve('inv_001002'),
    ]);
    await payconnect.invoices.retrieve('inv_001003');
    expect(sessionCalls()).toHaveLength(1);
    expect(payconnect.session.issuedCount).toBe(1);
    expect(payconnect.session.active).toBe(true);
    const [token] = [...simulator.state.sessions.keys()];
    expect(payconnect.session.expiresAt?.getTime()).toBe(simulator.state.sessions.get(token!));
    for (const shown of [
      inspect(payconnect, { depth: 10 }),
      JSON.stringify(payconnect),
      inspect(payconnect.session),
      JSON.stringify(payconnect.session),
    ]) {
      expect(shown).not.toContain(token);
      expect(shown).not.toContain(payConnectSimulatorApiKey);
    }
    expect(JSON.parse(JSON.stringify(payconnect.session))).toEqual({
      expiresAt: payconnect.session.expiresAt?.toISOString(),
      issuedCount: 1,
      active: true,
    });
  });

  it('never logs the API key or the session token', async () => {
    const logger = captureLogger();
    const payconnect = client({ logger, logLevel: 'debug' });
    await payconnect.invoices.retrieve('inv_001001');
    const token = [...simulator.state.sessions.keys()][0]!;
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(findSecrets(logger.text(), [payConnectSimulatorApiKey, token])).toEqual([]);
  });

  it('server-side expiry under 500 concurrent calls: one new session, every call succeeds', async () => {
    const payconnect = client();
    await payconnect.invoices.retrieve('inv_001001');
    simulator.expireSessions();
    simulator.clearLog();
    const results = await Promise.all(
      Array.from({ length: 500 }, () => payconnect.invoices.retrieve('inv_001002')),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(sessionCalls()).toHaveLength(1);
    expect(simulator.sessionsIssued).toBe(2);
    expect(payconnect.session.issuedCount).toBe(2);
  });

  it('client-side expiry under 500 concurrent calls: renewed ahead of expiry once, no 401 at all', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const payconnect = client();
    await payconnect.invoices.retrieve('inv_001001');
    // 14.5 minutes later the 15-minute session is inside the 60 s renewal window.
    vi.setSystemTime(Date.now() + 14.5 * 60_000);
    simulator.clearLog();
    const results = await Promise.all(
      Array.from({ length: 500 }, () => payconnect.invoices.search({ pageSize: 1 }).firstPage()),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(sessionCalls()).toHaveLength(1);
    expect(simulator.log.filter((entry) => entry.outcome === 401)).toHaveLength(0);
    expect(payconnect.session.issuedCount).toBe(2);
  });

  it('a refused API key is an authentication error and nothing else is sent', async () => {
    const payconnect = createPayConnect({ apiKey: 'pc_not_a_real_key', baseUrl });
    const result = await payconnect.invoices.create({
      customer: { name: 'A' },
      lineItems: [{ description: 'x', quantity: 1, unitPrice: '1.00' }],
      dueDate: '2025-01-01',
    });
    expect(result.unwrapErr()).toMatchObject({
      code: 'authentication',
      httpStatus: 401,
      providerMessage: 'Invalid API key',
    });
    expect(simulator.log.map((entry) => entry.path)).toEqual(['/v2/sessions']);
    expect(JSON.stringify(result.unwrapErr())).not.toContain('pc_not_a_real_key');
  });

  it('timeoutSeconds bounds the session call', async () => {
    const payconnect = client({ timeoutSeconds: 0.05, maxRetries: 0 });
    simulator.faults.stallNext(1_000, { path: '/v2/sessions' });
    const result = await payconnect.invoices.retrieve('inv_001001');
    expect(result.unwrapErr().code).toBe('timeout');
  });

  it('reads an expiry without an offset as UTC and rejects a session response without a token', async () => {
    const payconnect = client({ maxRetries: 0 });
    simulator.state.sessions.set('pcs_manual_token_1', Date.parse('2099-01-01T00:00:00Z'));
    simulator.faults.add(
      {
        type: 'replace-body',
        body: { sessionToken: 'pcs_manual_token_1', expiresAtUtc: '2099-01-01T00:00:00' },
      },
      { match: { path: '/v2/sessions' } },
    );
    await payconnect.invoices.retrieve('inv_001001');
    expect(payconnect.session.expiresAt?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(simulator.log.at(-1)?.headers.authorization).toBe('Bearer pcs_manual_token_1');
    const broken = client({ maxRetries: 0 });
    simulator.faults.add(
      { type: 'replace-body', body: { expiresAtUtc: '2099-01-01T00:00:00Z' } },
      { match: { path: '/v2/sessions' } },
    );
    expect((await broken.invoices.retrieve('inv_001001')).unwrapErr().code).toBe('invalid_response');
  });
});

describe('testConnection', () => {
  it('creates a session and runs a one-row search', async () => {
    const payconnect = client();
    const report = await payconnect.testConnection();
    expect(report).toMatchObject({ ok: true, session: { ok: true }, search: { ok: true, totalCount: 24 } });
    expect(simulator.log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /v2/sessions',
      'POST /v2/invoices/search',
    ]);
    expect(simulator.log[1]?.body).toEqual({ filters: {}, page: 1, pageSize: 1 });
  });

  it('says which step failed', async () => {
    const bad = await createPayConnect({ apiKey: 'pc_wrong_key_1', baseUrl }).testConnection();
    expect(bad.ok).toBe(false);
    expect(bad.session.ok).toBe(false);
    expect(bad.session.error?.code).toBe('authentication');
    expect(bad.search.ok).toBe(false);
    simulator.faults.failNext(1, 403, {
      body: { message: 'No invoice access' },
      match: { path: '/v2/invoices/search' },
    });
    const forbidden = await client().testConnection();
    expect(forbidden).toMatchObject({ ok: false, session: { ok: true }, search: { ok: false } });
    expect(forbidden.search.error).toMatchObject({
      code: 'permission_denied',
      providerMessage: 'No invoice access',
    });
  });
});
