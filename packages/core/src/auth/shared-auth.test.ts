import { describe, expect, it, vi } from 'vitest';
import { PaymentsError } from '../errors/payments-error.js';
import { memorySessionStore, type SessionStore } from '../stores/session-store.js';
import { memoryTokenStore, type SharedTokenStore } from '../stores/shared-token-store.js';
import { type OAuthTokens, oauthRefresh } from './oauth-refresh.js';
import { sessionToken } from './session-token.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const expired = new Date(Date.now() - 1_000);

/** A provider token endpoint that rotates: each refresh token works once. */
function rotatingProvider(first = 'refresh-0') {
  let valid = first;
  let generation = 0;
  const calls: string[] = [];
  const refresh = vi.fn(async (refreshToken: string): Promise<OAuthTokens> => {
    calls.push(refreshToken);
    await sleep(5);
    if (refreshToken !== valid) {
      throw new PaymentsError({ code: 'authentication', message: 'invalid_grant', httpStatus: 400 });
    }
    generation += 1;
    valid = `refresh-${generation}`;
    return {
      accessToken: `access-${generation}`,
      refreshToken: valid,
      expiresAt: new Date(Date.now() + 3_600_000),
    };
  });
  return { refresh, calls, valid: () => valid };
}

const instance = (store: SharedTokenStore, provider: ReturnType<typeof rotatingProvider>, extra = {}) =>
  oauthRefresh({
    tokens: { accessToken: 'stale', refreshToken: 'refresh-0', expiresAt: expired },
    refresh: provider.refresh,
    store,
    ...extra,
  });

/** A store whose every method fails while `down` is set. */
function flakyStore(inner: SharedTokenStore) {
  const state = { down: false };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      state.down ? Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')) : call(...args);
  const store: SharedTokenStore = {
    read: guard(() => inner.read()),
    compareAndSet: guard((version, tokens, lease) => inner.compareAndSet(version, tokens, lease)),
    acquireRefreshLock: guard((leaseMs) => inner.acquireRefreshLock(leaseMs)),
    release: guard((lease) => inner.release(lease)),
  };
  return { store, state };
}

describe('oauthRefresh on a shared token store', () => {
  it('eight instances x 100 concurrent calls on an expired token: one refresh, the others read the new pair', async () => {
    const store = memoryTokenStore();
    const provider = rotatingProvider();
    const instances = Array.from({ length: 8 }, () => instance(store, provider));
    const headers = await Promise.all(
      instances.flatMap((auth) => Array.from({ length: 100 }, () => auth.authorize())),
    );
    expect(provider.refresh).toHaveBeenCalledTimes(1);
    expect(new Set(headers.map((header) => header.authorization))).toEqual(new Set(['Bearer access-1']));
    expect(instances.map((auth) => auth.refreshCount).reduce((a, b) => a + b)).toBe(1);
    expect(instances.every((auth) => auth.version === 1)).toBe(true);
    expect(await store.read()).toMatchObject({ version: 1, tokens: { refreshToken: 'refresh-1' } });
  });

  it('reads the stored pair before refreshing: an instance told 401 takes the pair another one stored', async () => {
    const store = memoryTokenStore();
    const provider = rotatingProvider();
    const a = instance(store, provider);
    const b = oauthRefresh({
      tokens: {
        accessToken: 'access-0',
        refreshToken: 'refresh-0',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      refresh: provider.refresh,
      store,
    });
    await a.authorize();
    // b's access token is refused (say, revoked): it must not refresh with the spent refresh-0.
    await b.onUnauthorized?.({ authorization: 'Bearer access-0' });
    expect(await b.authorize()).toEqual({ authorization: 'Bearer access-1' });
    expect(provider.calls).toEqual(['refresh-0']);
  });

  it('on invalid_grant it reads the store once more: a holder that stalled past its lease may have rotated', async () => {
    const store = memoryTokenStore();
    const provider = rotatingProvider();
    // The stalled holder spent refresh-0 and its late write lands while this instance refreshes.
    const late = await provider.refresh('refresh-0');
    const refresh = vi.fn(async (token: string) => {
      await store.compareAndSet(0, late);
      return provider.refresh(token);
    });
    const auth = oauthRefresh({
      tokens: { accessToken: 'stale', refreshToken: 'refresh-0', expiresAt: expired },
      refresh,
      store,
    });
    expect(await auth.authorize()).toEqual({ authorization: 'Bearer access-1' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(auth.refreshCount).toBe(0);
    expect(auth.tokens.refreshToken).toBe('refresh-1');
  });

  it('a refusal with nothing newer stored is reported once, as before', async () => {
    const provider = rotatingProvider('refresh-other');
    const auth = instance(memoryTokenStore(), provider);
    const error = await auth.authorize().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentsError);
    expect((error as PaymentsError).message).toContain('Token refresh failed');
    expect(provider.refresh).toHaveBeenCalledTimes(1);
    expect(auth.tokens.refreshToken).toBe('refresh-0');
  });

  it('a holder that died: its lease lapses and another instance refreshes', async () => {
    const store = memoryTokenStore();
    const provider = rotatingProvider();
    const dead = await store.acquireRefreshLock(200);
    expect(dead).toBeDefined();
    const started = Date.now();
    const auth = instance(store, provider);
    expect(await auth.authorize()).toEqual({ authorization: 'Bearer access-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(provider.refresh).toHaveBeenCalledTimes(1);
  });

  it('waits for another instance at most lockWaitMs, then fails with a clear error', async () => {
    const store = memoryTokenStore();
    await store.acquireRefreshLock(60_000);
    const auth = instance(store, rotatingProvider(), { lockWaitMs: 150 });
    const error = (await auth.authorize().catch((caught: unknown) => caught)) as PaymentsError;
    expect(error.code).toBe('authentication');
    expect(error.message).toContain('another instance held the refresh lock');
  });

  it('fails closed when the store is unreachable; a valid access token goes on working', async () => {
    const { store, state } = flakyStore(memoryTokenStore());
    const provider = rotatingProvider();
    const storeErrors: string[] = [];
    const auth = instance(store, provider, {
      onStoreError: (_: unknown, action: string) => storeErrors.push(action),
    });
    expect(await auth.authorize()).toEqual({ authorization: 'Bearer access-1' });
    state.down = true;
    expect(await auth.authorize()).toEqual({ authorization: 'Bearer access-1' });
    await auth.onUnauthorized?.({ authorization: 'Bearer access-1' });
    const error = (await auth.authorize().catch((caught: unknown) => caught)) as PaymentsError;
    expect(error.code).toBe('authentication');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Token refresh refused: the shared token store could not be reached');
    expect(provider.refresh).toHaveBeenCalledTimes(1);
    expect(storeErrors).toContain('read');
  });

  it('a rotated pair the store could not take stays in use, is reported, and is written once the store is back', async () => {
    const inner = memoryTokenStore();
    const { store, state } = flakyStore(inner);
    const provider = rotatingProvider();
    const reported: OAuthTokens[] = [];
    const refresh = vi.fn(async (token: string) => {
      const next = await provider.refresh(token);
      state.down = true; // the store goes away while the provider answers
      return next;
    });
    const auth = oauthRefresh({
      tokens: { accessToken: 'stale', refreshToken: 'refresh-0', expiresAt: expired },
      refresh,
      store,
      onPersistError: (_error, tokens) => reported.push(tokens),
    });
    expect(await auth.authorize()).toEqual({ authorization: 'Bearer access-1' });
    expect(auth.persistError).toBeInstanceOf(Error);
    expect(auth.unpublished).toBe(true);
    expect(reported.map((tokens) => tokens.refreshToken)).toEqual(['refresh-1']);
    expect(await inner.read()).toBeUndefined();
    state.down = false;
    await auth.authorize();
    await vi.waitFor(async () =>
      expect(await inner.read()).toMatchObject({ version: 1, tokens: { refreshToken: 'refresh-1' } }),
    );
    expect(auth.unpublished).toBe(false);
    expect(auth.persistError).toBeUndefined();
  });

  it('after the store lost its data, the newest pair an instance holds is written back, never an older one', async () => {
    const store = memoryTokenStore();
    // The store restarted empty; this instance holds version 3 in memory and must not be overwritten by version 1.
    expect(await store.compareAndSet(2, { accessToken: 'a3', refreshToken: 'r3' })).toEqual({
      stored: true,
      version: 3,
    });
    expect(await store.compareAndSet(0, { accessToken: 'a1', refreshToken: 'r1' })).toEqual({
      stored: false,
      reason: 'stale',
    });
  });
});

describe('sessionToken on a shared session store', () => {
  const issuer = () => {
    let count = 0;
    return vi.fn(async () => {
      count += 1;
      await sleep(5);
      return { token: `session-${count}`, expiresAt: new Date(Date.now() + 3_600_000) };
    });
  };
  const toHeaders = (token: string) => ({ authorization: `Session ${token}` });

  it('five instances x 50 calls: one login; a 401 drops that session everywhere and one new login follows', async () => {
    const store = memorySessionStore();
    const issue = issuer();
    const instances = Array.from({ length: 5 }, () => sessionToken({ issue, toHeaders, store }));
    const headers = await Promise.all(
      instances.flatMap((auth) => Array.from({ length: 50 }, () => auth.authorize())),
    );
    expect(issue).toHaveBeenCalledTimes(1);
    expect(new Set(headers.map((header) => header.authorization))).toEqual(new Set(['Session session-1']));
    await instances[0]!.onUnauthorized?.({ authorization: 'Session session-1' });
    expect(await instances[0]!.authorize()).toEqual({ authorization: 'Session session-2' });
    await instances[1]!.onUnauthorized?.({ authorization: 'Session session-1' });
    expect(await instances[1]!.authorize()).toEqual({ authorization: 'Session session-2' });
    expect(issue).toHaveBeenCalledTimes(2);
  });

  it('logs in by itself when the store is unreachable, and reports it', async () => {
    const failing: SessionStore = {
      read: () => Promise.reject(new Error('down')),
      write: () => Promise.reject(new Error('down')),
      discard: () => Promise.reject(new Error('down')),
      acquireLock: () => Promise.reject(new Error('down')),
      release: () => Promise.reject(new Error('down')),
    };
    const issue = issuer();
    const actions: string[] = [];
    const auth = sessionToken({
      issue,
      toHeaders,
      store: failing,
      onStoreError: (_, action) => actions.push(action),
    });
    expect(await auth.authorize()).toEqual({ authorization: 'Session session-1' });
    expect(auth.issuedCount).toBe(1);
    expect(actions).toEqual(['read', 'write']);
  });
});
