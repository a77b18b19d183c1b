// A wait longer than a day is nonsense from any provider; it is capped so arithmetic stays finite.
const longestWaitMs = 86_400_000;

/**
 * How long a response asks us to wait, in ms: `Retry-After` as seconds or as an HTTP date,
 * then (on a 429) the provider's own millisecond headers, named in its descriptor
 * (LeadConnector's `X-RateLimit-Interval-Milliseconds`). `undefined` when the response says nothing.
 */
export function parseRetryAfter(
  headers: Headers,
  status: number,
  millisecondHeaders: readonly string[] = [],
  now = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    if (/^\d{1,9}(\.\d+)?$/.test(text)) return Math.min(longestWaitMs, Math.round(Number(text) * 1000));
    // Only an HTTP date (it names a day and month) is read as one: V8 reads `-5` as a date in 2001.
    const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
    if (!Number.isNaN(date)) return Math.min(longestWaitMs, Math.max(0, date - now));
  }
  if (status === 429) {
    for (const name of millisecondHeaders) {
      const value = headers.get(name);
      if (value !== null && /^\d{1,12}$/.test(value.trim())) return Math.min(longestWaitMs, Number(value));
    }
  }
  return undefined;
}
