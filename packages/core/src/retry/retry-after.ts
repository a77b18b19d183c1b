/**
 * How long a response asks us to wait, in ms: `Retry-After` as seconds or as an HTTP date,
 * then (on a 429) LeadConnector's `X-RateLimit-Interval-Milliseconds`. `undefined` when
 * the response says nothing.
 */
export function parseRetryAfter(headers: Headers, status: number, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (status === 429) {
    const interval = headers.get('x-ratelimit-interval-milliseconds');
    if (interval !== null && /^\d+$/.test(interval.trim())) return Number(interval);
  }
  return undefined;
}
