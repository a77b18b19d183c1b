import { describe, expect, it } from 'vitest';
import { memoryRateLimitStore } from './rate-limit-store.js';
import { memorySessionStore } from './session-store.js';
import { memoryTokenStore } from './shared-token-store.js';

describe('memory stores (the single-process defaults)', () => {
  it('token store: versions, stale writes, one lease at a time, fencing', async () => {
    let clock = 1_000;
    const store = memoryTokenStore({ now: () => clock });
    const pair = (n: number) => ({ accessToken: `a${n}`, refreshToken: `r${n}` });
    expect(await store.read()).toBeUndefined();
    const stalled = await store.acquireRefreshLock(100);
    expect(await store.acquireRefreshLock(100)).toBeUndefined();
    clock += 100;
    const later = await store.acquireRefreshLock(100);
    expect(later!.fence).toBeGreaterThan(stalled!.fence);
    expect(await store.compareAndSet(0, pair(1), stalled)).toEqual({ stored: false, reason: 'fenced' });
    expect(await store.compareAndSet(0, pair(2), later)).toEqual({ stored: true, version: 1 });
    expect(await store.compareAndSet(0, pair(3))).toEqual({ stored: false, reason: 'stale' });
    expect(await store.read()).toEqual({ tokens: pair(2), version: 1 });
    await store.release(stalled!);
    expect(await store.acquireRefreshLock(100)).toBeUndefined();
    await store.release(later!);
    expect(await store.acquireRefreshLock(100)).toBeDefined();
  });

  it('session store: expiry, generations, the longer session wins', async () => {
    let clock = 1_000;
    const store = memorySessionStore({ now: () => clock });
    const first = await store.write({ token: 's1', expiresAt: new Date(5_000) });
    expect(await store.write({ token: 's0', expiresAt: new Date(4_000) })).toBeUndefined();
    await store.discard(first! + 1);
    expect((await store.read())?.token.token).toBe('s1');
    clock = 5_000;
    expect(await store.read()).toBeUndefined();
  });

  it('rate-limit store: a sliding window per key, and a completed slot counts from its answer', async () => {
    let clock = 0;
    const store = memoryRateLimitStore({ now: () => clock });
    const first = await store.acquire('k', 2, 100);
    expect(first.granted).toBe(true);
    clock = 50;
    expect((await store.acquire('k', 2, 100)).granted).toBe(true);
    expect(await store.acquire('k', 2, 100)).toEqual({ granted: false, retryAfterMs: 50 });
    expect((await store.acquire('other', 2, 100)).granted).toBe(true);
    clock = 90;
    await store.complete?.('k', (first as { slot: string }).slot, 100);
    clock = 100;
    // The first slot now counts from 90: the window frees at 150, not at 100.
    expect(await store.acquire('k', 2, 100)).toEqual({ granted: false, retryAfterMs: 50 });
    clock = 150;
    expect((await store.acquire('k', 2, 100)).granted).toBe(true);
  });
});
