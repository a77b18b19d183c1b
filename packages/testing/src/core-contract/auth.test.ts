import {
  createProviderClient,
  createProviderRuntime,
  defineOperation,
  type OAuthTokens,
  oauthRefresh,
  PaymentsError,
  runOperation,
  sessionToken,
} from '@payweave/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createTokenServiceSimulator } from './token-service.js';

const simulator = createTokenServiceSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterEach(() => simulator.reset());
afterAll(() => simulator.close());

const createSession = defineOperation({
  id: 'tokens.sessions.create',
  method: 'POST',
  path: '/sessions',
  summary: 'Create a session.',
  input: z.object({}),
  output: z.looseObject({ token: z.string(), expiresAt: z.string() }),
  retry: 'safe',
  auth: 'none',
});
const sessionData = defineOperation({
  id: 'tokens.data.session',
  method: 'GET',
  path: '/session-data',
  summary: 'Read data with a session.',
  input: z.object({}),
  retry: 'safe',
});
const oauthData = defineOperation({
  id: 'tokens.data.oauth',
  method: 'GET',
  path: '/oauth-data',
  summary: 'Read data with OAuth.',
  input: z.object({}),
  retry: 'safe',
});

function sessionClient(now?: () => number) {
  const runtime = createProviderRuntime({
    provider: 'tokens',
    packageName: 'tokens',
    packageVersion: '0',
    baseUrl,
    options: { backoffBaseMs: 5 },
  });
  const auth = sessionToken({
    issue: async (signal) => {
      const result = await runOperation(runtime, createSession, {}, { signal });
      if (result.isErr()) throw result.error;
      const body = result.value as { token: string; expiresAt: string };
      return { token: body.token, expiresAt: new Date(body.expiresAt) };
    },
    toHeaders: (token) => ({ authorization: `Session ${token}` }),
    onIssued: (issued) => runtime.redactor.addSecret(issued.token),
    ...(now ? { now } : {}),
  });
  runtime.setAuth(auth);
  return { auth, client: createProviderClient(runtime, { data: { read: sessionData } }) };
}

describe('session tokens', () => {
  it('1,000 concurrent calls with no valid session cause exactly one token request', async () => {
    const { client, auth } = sessionClient();
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.data.read()));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(simulator.state.sessionsIssued).toBe(1);
    expect(simulator.log.filter((entry) => entry.path === '/sessions')).toHaveLength(1);
    expect(auth.issuedCount).toBe(1);
    // A thousand calls through msw take seconds on a loaded 2-core machine; the bound is the vitest timeout.
  }, 30_000);

  it('renews ahead of expiry: a token inside the renewal window is replaced before use', async () => {
    let clock = Date.now();
    const { client } = sessionClient(() => clock);
    await client.data.read();
    clock += 3_600_000 - 30_000; // 30 s before expiry, inside the 60 s window
    await Promise.all([client.data.read(), client.data.read(), client.data.read()]);
    expect(simulator.state.sessionsIssued).toBe(2);
  });

  it('a 401 drops the token and retries once with a new one', async () => {
    const { client } = sessionClient();
    await client.data.read();
    simulator.state.validSessions.clear();
    simulator.clearLog();
    const result = await client.data.read();
    expect(result.isOk()).toBe(true);
    expect(simulator.log.map((entry) => `${entry.path} ${entry.outcome}`)).toEqual([
      '/session-data 401',
      '/sessions 201',
      '/session-data 200',
    ]);
    expect(simulator.log[2]?.headers.authorization).toBe('Session session-2');
  });

  it('retries a 401 only once', async () => {
    const { client } = sessionClient();
    simulator.faults.failNext(3, 401, { match: { path: '/session-data' } });
    const result = await client.data.read();
    expect(result.unwrapErr().code).toBe('authentication');
    expect(simulator.log.filter((entry) => entry.path === '/session-data')).toHaveLength(2);
  });

  it('a failed token request is an authentication error and the call is not sent', async () => {
    const { client } = sessionClient();
    simulator.faults.failNext(1, 401, { match: { path: '/sessions' } });
    const result = await client.data.read();
    expect(result.unwrapErr().code).toBe('authentication');
    expect(simulator.log.filter((entry) => entry.path === '/session-data')).toHaveLength(0);
  });
});

describe('OAuth refresh with rotation', () => {
  const refreshOperation = defineOperation({
    id: 'tokens.oauth.refresh',
    method: 'POST',
    path: '/oauth/token',
    summary: 'Refresh.',
    input: z.object({ refresh_token: z.string() }),
    output: z.looseObject({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number() }),
    retry: 'never',
    auth: 'none',
    toRequest: (input) => ({ form: { grant_type: 'refresh_token', refresh_token: input.refresh_token } }),
  });

  function oauthClient(initial: OAuthTokens, onTokens: (tokens: OAuthTokens) => void | Promise<void>) {
    const runtime = createProviderRuntime({
      provider: 'tokens',
      packageName: 'tokens',
      packageVersion: '0',
      baseUrl,
      options: { backoffBaseMs: 5 },
    });
    const auth = oauthRefresh({
      tokens: initial,
      refresh: async (refreshToken) => {
        const result = await runOperation(runtime, refreshOperation, { refresh_token: refreshToken });
        if (result.isErr()) throw result.error;
        const body = result.value as { access_token: string; refresh_token: string; expires_in: number };
        return {
          accessToken: body.access_token,
          refreshToken: body.refresh_token,
          expiresAt: new Date(Date.now() + body.expires_in * 1000),
        };
      },
      onTokens,
    });
    runtime.setAuth(auth);
    return { auth, client: createProviderClient(runtime, { data: { read: oauthData } }) };
  }

  it('hands the rotated pair to onTokens before the new access token is used, with one refresh for 200 callers', async () => {
    const order: string[] = [];
    const { client, auth } = oauthClient(
      { accessToken: 'stale', refreshToken: 'refresh-0', expiresAt: new Date(Date.now() - 1000) },
      async (tokens) => {
        order.push(`onTokens ${tokens.accessToken} ${tokens.refreshToken}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push(`stored, data calls so far: ${simulator.state.seenTokens.length}`);
      },
    );
    const results = await Promise.all(Array.from({ length: 200 }, () => client.data.read()));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(simulator.state.refreshCalls).toBe(1);
    expect(order).toEqual(['onTokens access-1 refresh-1', 'stored, data calls so far: 0']);
    expect(new Set(simulator.state.seenTokens)).toEqual(new Set(['access-1']));
    expect(auth.tokens.refreshToken).toBe('refresh-1');
  });

  it('refreshes on a 401 and retries once', async () => {
    const stored: OAuthTokens[] = [];
    const { client } = oauthClient({ accessToken: 'revoked', refreshToken: 'refresh-0' }, (tokens) => {
      stored.push(tokens);
    });
    const result = await client.data.read();
    expect(result.isOk()).toBe(true);
    expect(simulator.state.seenTokens).toEqual(['revoked', 'access-1']);
    expect(stored.map((tokens) => tokens.refreshToken)).toEqual(['refresh-1']);
  });

  it('a failed refresh is an authentication error and keeps the old tokens for inspection', async () => {
    const { client, auth } = oauthClient(
      { accessToken: 'old-access', refreshToken: 'spent-refresh', expiresAt: new Date(Date.now() - 1000) },
      () => {},
    );
    const result = await client.data.read();
    const error = result.unwrapErr();
    expect(error).toBeInstanceOf(PaymentsError);
    expect(error.code).toBe('authentication');
    expect(auth.tokens).toMatchObject({ accessToken: 'old-access', refreshToken: 'spent-refresh' });
    expect(simulator.state.seenTokens).toEqual([]);
    const tokenCall = simulator.log.find((entry) => entry.path === '/oauth/token');
    expect(tokenCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenCall?.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'spent-refresh' });
  });
});
