import type { IssuedToken } from '../auth/session-token.js';
import { createMemoryLock, type StoreLease } from './store-lease.js';

/** A session token as a {@link SessionStore} keeps it. */
export interface StoredSession {
  /** The token and its expiry. */
  readonly token: IssuedToken;
  /**
   * Which write this is: every stored session gets a larger number than the one before, so a
   * 401 drops exactly the session that failed ({@link SessionStore.discard}) and never a newer one.
   */
  readonly generation: number;
}

/**
 * Where a session token (PayConnect session, connectFi login token) is shared by every instance
 * of a service, so they log in once per expiry instead of once each. `@payweave/redis`
 * implements it on Redis; {@link memorySessionStore} is the in-process default.
 *
 * `sessionToken` reads the stored session before logging in; only the holder of the login lock
 * logs in, and writes the new session under its lease; the others wait and read it. When the
 * store cannot be reached, a client logs in by itself (a login spends nothing another instance
 * holds) and reports the store error.
 */
export interface SessionStore {
  /** The stored session, or `undefined` when there is none or it has expired. */
  read(): Promise<StoredSession | undefined>;
  /**
   * Stores `token` until it expires and resolves its generation, or `undefined` when it was
   * refused: a later lease holds the lock or a session that expires later is stored.
   */
  write(token: IssuedToken, lease?: StoreLease): Promise<number | undefined>;
  /** Drops the stored session if it is still generation `generation` (a 401 said it no longer works). */
  discard(generation: number): Promise<void>;
  /** Takes the login lock for `leaseMs`, or `undefined` while another instance holds it. */
  acquireLock(leaseMs: number): Promise<StoreLease | undefined>;
  /** Gives the lock back if `lease` still holds it. */
  release(lease: StoreLease): Promise<void>;
}

/** Options of {@link memorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** The clock (tests). */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link SessionStore} in this process's memory: what `sessionToken` uses when given none.
 * Share one between clients of the same account in one process; use `@payweave/redis` to share
 * sessions between processes.
 *
 * @example
 * ```ts
 * const sessionStore = memorySessionStore();
 * const a = createPayConnect({ apiKey, sessionStore });
 * const b = createPayConnect({ apiKey, sessionStore }); // reuses a's session
 * ```
 */
export function memorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const lock = createMemoryLock(now);
  let generations = 0;
  let stored: StoredSession | undefined;
  const live = () => {
    if (stored && stored.token.expiresAt.getTime() <= now()) stored = undefined;
    return stored;
  };
  return {
    async read() {
      return live();
    },
    async write(token, lease) {
      if (lease) {
        const holder = lock.holder();
        if (holder !== undefined && holder > lease.fence) return undefined;
      }
      const current = live();
      if (current && current.token.expiresAt.getTime() > token.expiresAt.getTime()) return undefined;
      generations += 1;
      stored = { token, generation: generations };
      return generations;
    },
    async discard(generation) {
      if (stored?.generation === generation) stored = undefined;
    },
    async acquireLock(leaseMs) {
      return lock.acquire(leaseMs);
    },
    async release(lease) {
      lock.release(lease);
    },
  };
}
