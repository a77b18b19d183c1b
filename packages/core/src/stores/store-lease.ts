/**
 * A lock held on a shared store (the refresh lock of a {@link SharedTokenStore}, the login lock
 * of a {@link SessionStore}). It lapses by itself at `expiresAt`, so a holder that dies never
 * blocks the others for longer than its lease.
 *
 * `fence` is a fencing token: every lease granted on one lock has a larger `fence` than every
 * lease granted before it. A store checks it on writes made under the lease, so a holder that
 * stalled past its lease (a long GC pause, a frozen VM) cannot overwrite what a later holder
 * wrote. A store whose data was lost (a Redis restarted without persistence) starts its fences
 * again; the versions a token store keeps still refuse any write over a newer pair.
 */
export interface StoreLease {
  /** The fencing token: larger than that of every earlier lease on the same lock. */
  readonly fence: number;
  /** When the lease lapses (epoch ms, by this process's clock) unless released before. */
  readonly expiresAt: number;
}

/** A lock with a lease and fencing tokens, kept in this process's memory (used by the memory stores). */
export interface MemoryLock {
  /** Takes the lock for `leaseMs`, or `undefined` while another lease is live. */
  acquire(leaseMs: number): StoreLease | undefined;
  /** Gives the lock back when `lease` is still the live one; a lapsed lease releases nothing. */
  release(lease: StoreLease): void;
  /** The fence of the live lease, or `undefined` when the lock is free. */
  holder(): number | undefined;
}

/** A {@link MemoryLock} on the clock `now`. */
export function createMemoryLock(now: () => number = Date.now): MemoryLock {
  let fences = 0;
  let live: StoreLease | undefined;
  const current = () => {
    if (live && live.expiresAt <= now()) live = undefined;
    return live;
  };
  return {
    acquire(leaseMs) {
      if (current()) return undefined;
      fences += 1;
      live = { fence: fences, expiresAt: now() + leaseMs };
      return live;
    },
    release(lease) {
      if (current()?.fence === lease.fence) live = undefined;
    },
    holder() {
      return current()?.fence;
    },
  };
}
