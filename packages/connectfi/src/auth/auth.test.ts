import { inspect } from 'node:util';
import {
  captureLogger,
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  findSecrets,
  seedPaymentLinkId,
} from '@payweave/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectFi, unwrapConnectFiEnvelope } from '../index.js';

const simulator = createConnectFiSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

const client = (extra: Parameters<typeof createConnectFi>[0] = {}) =>
  createConnectFi({
    baseUrl,
    login: connectFiSimulatorLogin,
    password: connectFiSimulatorPassword,
    backoffBaseMs: 1,
    ...extra,
  });
const logins = () => simulator.log.filter((entry) => entry.path === '/auth/get-token');

describe('settings', () => {
  it('needs a base URL, login and password, from settings or CONNECTFI_* variables', () => {
    vi.stubEnv('CONNECTFI_BASE_URL', '');
    vi.stubEnv('CONNECTFI_LOGIN', '');
    vi.stubEnv('CONNECTFI_PASSWORD', '');
    expect(() => createConnectFi()).toThrow(/baseUrl is required/);
    expect(() => createConnectFi({ baseUrl: 'http://example.com', login: 'A', password: 'p' })).toThrow(
      /https/,
    );
    expect(() => createConnectFi({ baseUrl: 'https://x.test', password: 'p' })).toThrow(/login is required/);
    expect(() => createConnectFi({ baseUrl: 'https://x.test', login: 'bad-login', password: 'p' })).toThrow(
      /login must be/,
    );
    expect(() => createConnectFi({ baseUrl: 'https://x.test', login: 'A' })).toThrow(/password is required/);
    expect(() =>
      createConnectFi({ baseUrl: 'https://x.test', login: 'A', password: 'p'.repeat(51) }),
    ).toThrow(/at most 50/);
    vi.stubEnv('CONNECTFI_BASE_URL', 'https://cfi.example.test/');
    vi.stubEnv('CONNECTFI_LOGIN', 'ENVCLIENT');
    vi.stubEnv('CONNECTFI_PASSWORD', 'env-password');
    expect(JSON.parse(JSON.stringify(createConnectFi()))).toMatchObject({
      baseUrl: 'https://cfi.example.test',
      login: 'ENVCLIENT',
    });
  });
});

describe('token login', () => {
  it('logs in with the documented body and sends the token as x-connectfi-token', async () => {
    const connectfi = client();
    await connectfi.paymentLinks.retrieve(seedPaymentLinkId);
    const [login, call] = simulator.log;
    expect(login).toMatchObject({ method: 'POST', path: '/auth/get-token' });
    expect(login?.body).toEqual({
      user: { login: connectFiSimulatorLogin, password: connectFiSimulatorPassword },
    });
    expect(login?.headers['x-connectfi-token']).toBeUndefined();
    const token = [...simulator.state.tokens.keys()][0]!;
    expect(call?.headers['x-connectfi-token']).toBe(token);
    expect(connectfi.session).toMatchObject({ issuedCount: 1, active: true });
    expect(connectfi.session.expiresAt?.getTime()).toBe(simulator.state.tokens.get(token));
  });

  it('a wrong password is an authentication error with providerCode unauthorized', async () => {
    const connectfi = client({ password: 'wrong-password' });
    const error = (await connectfi.paymentLinks.cancel(seedPaymentLinkId)).unwrapErr();
    expect(error).toMatchObject({
      code: 'authentication',
      httpStatus: 401,
      providerCode: 'unauthorized',
      providerMessage: 'Authentication error',
    });
    expect(simulator.log.map((entry) => entry.path)).toEqual(['/auth/get-token']);
  });

  it('expired tokens under 500 concurrent calls: one new login, then every call succeeds', async () => {
    const connectfi = client();
    await connectfi.paymentLinks.retrieve(seedPaymentLinkId);
    simulator.expireTokens();
    simulator.clearLog();
    const results = await Promise.all(
      Array.from({ length: 500 }, () => connectfi.paymentLinks.retrieve(seedPaymentLinkId)),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(logins()).toHaveLength(1);
    expect(simulator.tokensIssued).toBe(2);
    expect(connectfi.session.issuedCount).toBe(2);
  });

  it('renews before dtsExpireAt: one login for 500 concurrent calls and no 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const connectfi = client();
    await connectfi.paymentLinks.retrieve(seedPaymentLinkId);
    vi.setSystemTime(Date.now() + 59.5 * 60_000);
    simulator.clearLog();
    const results = await Promise.all(
      Array.from({ length: 500 }, () => connectfi.paymentLinks.list({ numberOfRecords: 1 }).firstPage()),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(logins()).toHaveLength(1);
    expect(simulator.log.filter((entry) => entry.outcome === 401)).toHaveLength(0);
  });

  it('never shows the password, the token or bank numbers in logs, inspect or JSON', async () => {
    const logger = captureLogger();
    const connectfi = client({ logger, logLevel: 'debug' });
    const payment = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: seedPaymentLinkId,
        status: 'SentToPay',
        description: 'Set to SentToPay',
        manualStatus: true,
      })
    ).unwrap();
    expect(payment.ach?.payment?.DFIAccountNumber).toBe('1111222233330000');
    const token = [...simulator.state.tokens.keys()][0]!;
    const secrets = [connectFiSimulatorPassword, token, '011401533', '1111222233330000'];
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(findSecrets(logger.text(), secrets)).toEqual([]);
    for (const shown of [
      inspect(connectfi, { depth: 10 }),
      JSON.stringify(connectfi),
      inspect(connectfi.session),
      JSON.stringify(connectfi.session),
    ]) {
      expect(findSecrets(shown, [connectFiSimulatorPassword, token])).toEqual([]);
    }
  });
});

describe('envelopes', () => {
  it('unwraps code "0"; another code on a 200 is an error; an unreadable 2xx write is read back', async () => {
    expect(unwrapConnectFiEnvelope({ code: '0', data: { a: 1 } }).unwrap()).toEqual({ a: 1 });
    const connectfi = client({ maxRetries: 0 });
    simulator.faults.add(
      {
        type: 'replace-body',
        body: {
          code: 'paymentStatus',
          message: 'Wrong Payment status',
          requestId: 'r9',
          context: { status: 'Initiated' },
        },
      },
      { match: { path: '/payment-link/payment/cancel' } },
    );
    const idOf = (status: string) =>
      simulator.state.payments.find((payment) => payment.status === status)!.cFiTransactionId;
    const wrapped = (await connectfi.paymentLinks.cancel(idOf('Initiated'))).unwrapErr();
    expect(wrapped).toMatchObject({
      code: 'conflict',
      httpStatus: 200,
      providerCode: 'paymentStatus',
      requestId: 'r9',
    });
    simulator.faults.add(
      { type: 'replace-body', body: { cFiTransactionId: 'x' } },
      { match: { path: '/payment-link/payment/cancel' } },
    );
    // A 2xx write whose envelope cannot be read probably happened: the link is read back, not resent.
    expect((await connectfi.paymentLinks.cancel(idOf('Sent'))).unwrap()).toMatchObject({
      status: 'Cancelled',
    });
    simulator.faults.add(
      { type: 'replace-body', body: { code: '0', data: { status: 'Sent' } } },
      { match: { path: '/payment-link/payment/cancel' } },
    );
    // A 2xx whose data cannot be read means the provider probably acted: the link is read back.
    const cancelled = await connectfi.paymentLinks.cancel(idOf('Processing'));
    expect(cancelled.unwrap()).toMatchObject({ status: 'Cancelled' });
  });
});
