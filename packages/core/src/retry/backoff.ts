/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, half random,
 * so retries from many clients spread out but never collapse to zero.
 */
export function backoffDelay(
  retryNumber: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
