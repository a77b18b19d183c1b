import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raceWithin, WaitTimeoutError, waitWithin } from './bounded-wait.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A limiter-like queue: each waiter is held until released, and leaves the queue when its signal aborts. */
function fakeQueue() {
  const waiting: { signal: AbortSignal; release: () => void }[] = [];
  return {
    waiting,
    acquire(signal: AbortSignal): Promise<void> {
      return new Promise((resolve, reject) => {
        const entry = { signal, release: resolve };
        waiting.push(entry);
        signal.addEventListener(
          'abort',
          () => {
            waiting.splice(waiting.indexOf(entry), 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
  };
}

describe('waitWithin', () => {
  it('resolves with the waited value and leaves no timer behind', async () => {
    const queue = fakeQueue();
    const wait = waitWithin((signal) => queue.acquire(signal), 1_000, undefined, 'a rate-limit slot');
    expect(queue.waiting).toHaveLength(1);
    queue.waiting[0]!.release();
    await expect(wait).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with WaitTimeoutError at the bound, not before, and aborts the waiter so the queue drops it', async () => {
    const queue = fakeQueue();
    const wait = waitWithin((signal) => queue.acquire(signal), 1_000, undefined, 'a rate-limit slot');
    const outcome = wait.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const waiterSignal = queue.waiting[0]!.signal;

    await vi.advanceTimersByTimeAsync(999);
    expect(waiterSignal.aborted).toBe(false);
    expect(queue.waiting).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).name).toBe('WaitTimeoutError');
    expect((error as WaitTimeoutError).waitingFor).toBe('a rate-limit slot');
    expect((error as WaitTimeoutError).message).toBe(
      'waited 1000 ms for a rate-limit slot and the deadline passed',
    );
    expect(waiterSignal.aborted).toBe(true);
    expect(waiterSignal.reason).toBe(error);
    expect(queue.waiting).toHaveLength(0);
  });

  it("rejects with the caller's reason when the caller aborts, and aborts the waiter with it", async () => {
    const queue = fakeQueue();
    const caller = new AbortController();
    const wait = waitWithin((signal) => queue.acquire(signal), 60_000, caller.signal, 'a rate-limit slot');
    const waiterSignal = queue.waiting[0]!.signal;
    const reason = new Error('user cancelled');
    caller.abort(reason);
    await expect(wait).rejects.toBe(reason);
    expect(waiterSignal.aborted).toBe(true);
    expect(queue.waiting).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never starts the wait when the caller already aborted', async () => {
    const start = vi.fn(() => new Promise<void>(() => {}));
    const reason = new Error('already');
    await expect(waitWithin(start, 1_000, AbortSignal.abort(reason), 'credentials')).rejects.toBe(reason);
    expect(start).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for a bound of zero or less, before the waiter can take a place', async () => {
    for (const bound of [0, -5]) {
      const queue = fakeQueue();
      const wait = waitWithin((signal) => queue.acquire(signal), bound, undefined, 'a rate-limit slot');
      const outcome = wait.catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(0);
      expect(await outcome).toBeInstanceOf(WaitTimeoutError);
      expect(queue.waiting).toHaveLength(0);
    }
  });

  it("passes the waiter's own failure through", async () => {
    const failure = new Error('limiter broke');
    await expect(waitWithin(() => Promise.reject(failure), 1_000, undefined, 'x')).rejects.toBe(failure);
    await expect(
      waitWithin(
        () => {
          throw failure;
        },
        1_000,
        undefined,
        'x',
      ),
    ).rejects.toBe(failure);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops listening to the caller's signal once settled", async () => {
    const caller = new AbortController();
    let waiterSignal: AbortSignal | undefined;
    await waitWithin(
      (signal) => {
        waiterSignal = signal;
        return Promise.resolve('ok');
      },
      1_000,
      caller.signal,
      'x',
    );
    caller.abort(new Error('late'));
    expect(waiterSignal?.aborted).toBe(false);
  });
});

describe('raceWithin', () => {
  it('resolves with the work and clears its timer', async () => {
    await expect(
      raceWithin(Promise.resolve({ authorization: 'x' }), 1_000, undefined, 'credentials'),
    ).resolves.toEqual({
      authorization: 'x',
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with WaitTimeoutError at the bound while the shared work goes on', async () => {
    const work = deferred<string>();
    const outcome = raceWithin(work.promise, 500, undefined, 'credentials').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(499);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).waitingFor).toBe('credentials');
    // The shared work settling later changes nothing and throws nowhere.
    work.resolve('late token');
    await expect(work.promise).resolves.toBe('late token');
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const caller = new AbortController();
    const wait = raceWithin(new Promise(() => {}), 60_000, caller.signal, 'credentials');
    const reason = new Error('stop');
    caller.abort(reason);
    await expect(wait).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes the work's failure through", async () => {
    const failure = new Error('refresh failed');
    await expect(raceWithin(Promise.reject(failure), 1_000, undefined, 'credentials')).rejects.toBe(failure);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the caller already aborted, leaving no timer', async () => {
    const reason = new Error('already');
    await expect(
      raceWithin(new Promise(() => {}), 1_000, AbortSignal.abort(reason), 'credentials'),
    ).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  // BUG: when the caller's signal is already aborted, raceWithin returns before attaching any
  // handler to `work`, so a work promise that later rejects (auth.authorize(signal) given an
  // aborted signal usually does) becomes an unhandled rejection, which ends a Node process by
  // default. Fix: attach `work.then(..., ...)` (or `work.catch(() => {})`) before the early return.
  it('observes the work even when the caller already aborted (no unhandled rejection)', async () => {
    vi.useRealTimers();
    const unhandled: unknown[] = [];
    const saved = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const work = deferred<Record<string, string>>();
      const reason = new Error('caller gave up');
      await expect(raceWithin(work.promise, 1_000, AbortSignal.abort(reason), 'credentials')).rejects.toBe(
        reason,
      );
      work.reject(new Error('authorize saw the aborted signal'));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
      for (const saved_ of saved) process.on('unhandledRejection', saved_);
    }
    expect(unhandled).toEqual([]);
  });
});
