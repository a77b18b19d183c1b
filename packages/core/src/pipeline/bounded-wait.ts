/** Thrown when a wait before sending (a limiter slot, a token renewal) outlasts the call's deadline. */
export class WaitTimeoutError extends Error {
  /** What was being waited for. */
  readonly waitingFor: string;

  /** Names the wait and its bound. */
  constructor(waitingFor: string, ms: number) {
    super(`waited ${Math.round(ms)} ms for ${waitingFor} and the deadline passed`);
    this.name = 'WaitTimeoutError';
    this.waitingFor = waitingFor;
  }
}

/**
 * Runs a wait bounded by the call's remaining time and the caller's signal. The waiter gets
 * a signal that aborts at the bound too, so a limiter queue drops it instead of holding its
 * place for a call that has given up.
 */
export async function waitWithin<T>(
  start: (signal: AbortSignal) => Promise<T>,
  remainingMs: number,
  signal: AbortSignal | undefined,
  waitingFor: string,
): Promise<T> {
  const controller = new AbortController();
  const timeout = new WaitTimeoutError(waitingFor, remainingMs);
  const timer = setTimeout(() => controller.abort(timeout), Math.max(0, remainingMs));
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise<T>((resolve, reject) => {
      if (controller.signal.aborted) {
        reject(controller.signal.reason);
        return;
      }
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      start(controller.signal).then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The light form of {@link waitWithin} for waits that take no signal of their own (a token
 * renewal shared by many callers): the caller stops waiting at the bound; the shared work goes on.
 */
export function raceWithin<T>(
  work: Promise<T>,
  remainingMs: number,
  signal: AbortSignal | undefined,
  waitingFor: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(() => reject(new WaitTimeoutError(waitingFor, remainingMs))),
      Math.max(0, remainingMs),
    );
    const onAbort = () => finish(() => reject(signal?.reason));
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    // The work is observed first, so its rejection is handled even when the caller already gave up.
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
