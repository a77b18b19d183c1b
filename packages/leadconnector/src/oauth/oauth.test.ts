import type { OAuthTokens } from '@payweave/core';
import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, clientId, clientSecret, refreshToken, agencyAccessToken, companyId } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const tokenCalls = () => simulator.log.filter((entry) => entry.path === '/oauth/token');

function oauthClient(
  extra: { accessToken?: string; expiresAt?: number; onTokens?: (tokens: OAuthTokens) => void } = {},
) {
  return createLeadConnector({
    baseUrl,
    locationId,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    oauth: { clientId, clientSecret, refreshToken, ...extra },
  });
}

describe('oauth refresh', () => {
  it('200 concurrent calls with an expired token share one refresh, and the rotated pair is stored before use', async () => {
    simulator.addAccessToken('expired-access-token', { expiresAt: 1 });
    const stored: OAuthTokens[] = [];
    let usedBeforeStored = false;
    const lc = oauthClient({
      accessToken: 'expired-access-token',
      expiresAt: Date.now() - 1_000,
      onTokens: (tokens) => {
        usedBeforeStored = simulator.log.some(
          (entry) => entry.headers.authorization === `Bearer ${tokens.accessToken}`,
        );
        stored.push(tokens);
      },
    });
    const results = await Promise.all(
      Array.from({ length: 200 }, () => lc.transactions.retrieve(simulator.defaults.transactionId)),
    );
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(tokenCalls()).toHaveLength(1);
    expect(simulator.state.stats.refreshes).toBe(1);
    expect(stored).toHaveLength(1);
    expect(usedBeforeStored).toBe(false);
    expect(stored[0]?.refreshToken).not.toBe(refreshToken);
    expect(lc.oauthSession?.tokens.refreshToken).toBe(stored[0]?.refreshToken);
    expect(lc.oauthSession?.refreshCount).toBe(1);
    const form = tokenCalls()[0]!;
    expect(form.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(form.body).toEqual({
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken,
      user_type: 'Location',
      grant_type: 'refresh_token',
    });
    expect(form.headers.authorization).toBeUndefined();
    // The old refresh token is spent: reusing it is refused.
    expect(simulator.state.refreshTokens.has(refreshToken)).toBe(false);
  });

  it('refreshes up front when there is no access token, and ahead of expiry', async () => {
    const lc = oauthClient();
    expect((await lc.orders.list().firstPage()).isOk()).toBe(true);
    expect(tokenCalls()).toHaveLength(1);
    const soon = oauthClient({
      accessToken: simulator.defaults.appAccessToken,
      expiresAt: Date.now() + 1_000,
    });
    simulator.addRefreshToken(refreshToken);
    expect((await soon.orders.list().firstPage()).isOk()).toBe(true);
    expect(tokenCalls()).toHaveLength(2);
  });

  it('concurrent calls answered 401 (expired on the server only) share one refresh', async () => {
    simulator.addAccessToken('revoked-access-token', { expiresAt: 1 });
    const lc = oauthClient({ accessToken: 'revoked-access-token', expiresAt: Date.now() + 3_600_000 });
    const results = await Promise.all(Array.from({ length: 40 }, () => lc.subscriptions.list().firstPage()));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(tokenCalls()).toHaveLength(1);
    expect(simulator.log.filter((entry) => entry.outcome === 401)).toHaveLength(40);
    expect(
      simulator.log.filter((entry) => entry.outcome === 200 && entry.path === '/payments/subscriptions'),
    ).toHaveLength(40);
  });

  it('refreshes on a 401 and retries the call once', async () => {
    const lc = oauthClient({
      accessToken: simulator.defaults.appAccessToken,
      expiresAt: Date.now() + 3_600_000,
    });
    simulator.expireAccessTokens();
    const result = await lc.orders.retrieve(simulator.defaults.orderIds[0]);
    expect(result.isOk()).toBe(true);
    expect(simulator.log.map((entry) => entry.outcome)).toEqual([401, 200, 200]);
  });

  it('a failed refresh is an authentication error and the old tokens stay for inspection', async () => {
    simulator.state.refreshTokens.clear();
    const lc = oauthClient({ accessToken: 'stale-token', expiresAt: 1 });
    const error = (await lc.orders.list().firstPage()).unwrapErr();
    expect(error.code).toBe('authentication');
    expect(error.message).toContain('Token refresh failed');
    expect(lc.oauthSession?.tokens).toMatchObject({ accessToken: 'stale-token', refreshToken });
    expect(JSON.stringify(error)).not.toContain(clientSecret);
    expect(JSON.stringify(error)).not.toContain(refreshToken);
  });

  it('never shows tokens in inspect or JSON of the client', async () => {
    const lc = oauthClient();
    await lc.orders.list().firstPage();
    const { inspect } = await import('node:util');
    const shown = `${inspect(lc, { depth: 5 })}${JSON.stringify(lc)}`;
    for (const secret of [clientSecret, refreshToken, lc.oauthSession?.tokens.accessToken ?? 'x'])
      expect(shown).not.toContain(secret);
  });
});

describe('oauth operations', () => {
  it('exchanges an authorization code (form-encoded, client credentials defaulted)', async () => {
    const code = simulator.issueAuthorizationCode();
    const lc = oauthClient();
    const tokens = (
      await lc.oauth.exchangeCode({ code, redirect_uri: 'https://app.example/callback' })
    ).unwrap();
    expect(tokens).toMatchObject({ token_type: 'Bearer', locationId, userType: 'Location' });
    expect(tokens.refresh_token).toBeTypeOf('string');
    const sent = tokenCalls()[0]!;
    expect(sent.body).toEqual({
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: 'https://app.example/callback',
      grant_type: 'authorization_code',
    });
    const reused = (await lc.oauth.exchangeCode({ code })).unwrapErr();
    expect(reused.code).toBe('authentication');
  });

  it('refresh rotates: the old refresh token is refused after use', async () => {
    const lc = createLeadConnector({ baseUrl, accessToken: 'unused' });
    const first = (
      await lc.oauth.refresh({
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      })
    ).unwrap();
    expect(first.refresh_token).not.toBe(refreshToken);
    const again = (
      await lc.oauth.refresh({
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      })
    ).unwrapErr();
    expect(again.httpStatus).toBe(401);
    expect(again.providerMessage).toContain('already used');
    expect(tokenCalls()).toHaveLength(2);
  });

  it('refuses to call the token endpoint without client credentials', async () => {
    const lc = createLeadConnector({ baseUrl, accessToken: 'unused' });
    const error = (await lc.oauth.refresh({ refresh_token: refreshToken })).unwrapErr();
    expect(error.code).toBe('validation');
    expect(simulator.log).toHaveLength(0);
  });

  it('gets a location token with an agency token, Version and a form body', async () => {
    const agency = createLeadConnector({ baseUrl, accessToken: agencyAccessToken, locationId });
    const token = (await agency.oauth.locationToken({ companyId })).unwrap();
    expect(token.locationId).toBe(locationId);
    const sent = simulator.log[0]!;
    expect(sent.path).toBe('/oauth/locationToken');
    expect(sent.headers.version).toBe('2021-07-28');
    expect(sent.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(sent.body).toEqual({ companyId, locationId });
    const located = createLeadConnector({ baseUrl, accessToken: token.access_token, locationId });
    expect((await located.orders.list().firstPage()).unwrap().items).toHaveLength(3);
  });
});
