/** The default window a delivery's timestamp must fall in: five minutes either side of now. */
export const defaultWebhookToleranceMs = 5 * 60 * 1000;

/**
 * Why a timestamp is outside the window, or `undefined` when it is inside. `value` is an
 * ISO-8601 text or epoch milliseconds; `toleranceMs` is how far from `nowMs` either way is
 * accepted. An unreadable timestamp is a problem too: it cannot prove freshness.
 */
export function timestampProblem(value: unknown, toleranceMs: number, nowMs: number): string | undefined {
  let at: number;
  if (typeof value === 'number') at = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) at = Date.parse(value);
  else return 'the timestamp is not an ISO-8601 date-time';
  if (!Number.isFinite(at)) return 'the timestamp is not a valid date-time';
  const drift = at - nowMs;
  if (drift > toleranceMs)
    return `the timestamp is ${Math.round(drift / 1000)} s in the future (window ±${Math.round(toleranceMs / 1000)} s)`;
  if (-drift > toleranceMs)
    return `the timestamp is ${Math.round(-drift / 1000)} s old (window ±${Math.round(toleranceMs / 1000)} s): a replay or a late redelivery`;
  return undefined;
}
