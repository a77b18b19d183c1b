import { describe, expect, it } from 'vitest';
import { memoryOutcomeStore } from './outcome-store.js';

describe('memoryOutcomeStore', () => {
  it('claims once, reports pending while held, then the stored outcome', async () => {
    const store = memoryOutcomeStore();
    expect(await store.claim('k', 1_000)).toEqual({ kind: 'claimed' });
    expect(await store.claim('k', 1_000)).toEqual({ kind: 'pending' });
    expect(await store.complete('k', '{"ok":true}', 60_000)).toBe(true);
    expect(await store.claim('k', 1_000)).toEqual({ kind: 'done', outcome: '{"ok":true}' });
    expect(await store.claim('other', 1_000)).toEqual({ kind: 'claimed' });
  });

  it('gives exactly one of many concurrent claims', async () => {
    const store = memoryOutcomeStore();
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim('k', 1_000)));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'pending')).toHaveLength(19);
  });

  it('lets a released claim be claimed again', async () => {
    const store = memoryOutcomeStore();
    await store.claim('k', 1_000);
    await store.release('k');
    expect(await store.claim('k', 1_000)).toEqual({ kind: 'claimed' });
  });

  it('lets a lease run out (a crashed holder) and refuses to complete it then (SET XX)', async () => {
    let now = 0;
    const store = memoryOutcomeStore({ now: () => now });
    await store.claim('k', 100);
    now = 99;
    expect(await store.claim('k', 100)).toEqual({ kind: 'pending' });
    now = 100;
    expect(await store.complete('k', 'late', 1_000)).toBe(false);
    expect(await store.claim('k', 100)).toEqual({ kind: 'claimed' });
  });

  it('forgets an outcome after its ttl', async () => {
    let now = 0;
    const store = memoryOutcomeStore({ now: () => now });
    await store.claim('k', 100);
    await store.complete('k', 'first', 500);
    now = 499;
    expect(await store.claim('k', 100)).toEqual({ kind: 'done', outcome: 'first' });
    now = 500;
    expect(await store.claim('k', 100)).toEqual({ kind: 'claimed' });
  });

  it('is bounded: the oldest write is dropped first', async () => {
    const store = memoryOutcomeStore({ maxEntries: 2 });
    for (const key of ['a', 'b']) {
      await store.claim(key, 1_000);
      await store.complete(key, key, 60_000);
    }
    await store.claim('c', 1_000);
    expect(await store.claim('b', 1_000)).toEqual({ kind: 'done', outcome: 'b' });
    expect(await store.claim('a', 1_000)).toEqual({ kind: 'claimed' });
  });

  it('refuses a bad bound', () => {
    expect(() => memoryOutcomeStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
