import type { StoreLease } from '@payweave/core';
import { asNumber, badReply, lua, runScript } from './run-script.js';
import type { ResolvedStoreOptions } from './store-options.js';

// Lua: the next number of a counter that must keep growing even when Redis lost its data (a
// restart without persistence): a missing counter starts at the server's time in ms, which is
// above every number handed out before (fewer than one per ms is ever taken).
export const nextCounterLua = `
local function next_counter(key)
  local value = redis.call('INCR', key)
  if value == 1 then
    local now = redis.call('TIME')
    value = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
    redis.call('SET', key, string.format('%d', value))
  end
  return value
end
`;

// KEYS: lock, fence counter. ARGV: lease ms. Returns the new fence, or 0 while the lock is held.
const acquireScript = lua(`${nextCounterLua}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = next_counter(KEYS[2])
redis.call('SET', KEYS[1], string.format('%d', fence), 'PX', ARGV[1])
return fence
`);

// KEYS: lock. ARGV: fence. Deletes the lock only while this lease holds it.
const releaseScript = lua(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** The keys of one lock. */
export interface LockKeys {
  readonly lock: string;
  readonly fences: string;
}

/** Takes the lock for `leaseMs`: a lease with a fencing token, or `undefined` while it is held. */
export async function acquireLease(
  store: ResolvedStoreOptions,
  keys: LockKeys,
  leaseMs: number,
  operation: string,
): Promise<StoreLease | undefined> {
  if (!(Number.isFinite(leaseMs) && leaseMs >= 1))
    throw new RangeError(`${operation}: leaseMs must be at least 1.`);
  const started = Date.now();
  const reply = await runScript(
    store.redis,
    acquireScript,
    [keys.lock, keys.fences],
    [String(Math.ceil(leaseMs))],
    operation,
    store.timeoutMs,
  );
  const fence = asNumber(reply);
  if (fence === undefined) throw badReply(operation);
  // The lease is counted from before the request, so this process never thinks it holds a lapsed lock.
  return fence === 0 ? undefined : { fence, expiresAt: started + leaseMs };
}

/** Gives the lock back if `lease` still holds it. */
export async function releaseLease(
  store: ResolvedStoreOptions,
  keys: LockKeys,
  lease: StoreLease,
  operation: string,
): Promise<void> {
  await runScript(
    store.redis,
    releaseScript,
    [keys.lock],
    [fenceText(lease.fence)],
    operation,
    store.timeoutMs,
  );
}

/** A fence as Lua's `%d` writes it. */
export function fenceText(fence: number): string {
  return Math.trunc(fence).toString();
}
