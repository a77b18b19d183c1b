/**
 * Every way a payweave call can fail. A business outcome (a declined card, an unpaid
 * invoice) is never one of these: it is an `Ok` value whose status says so.
 *
 * `validation` is payweave's own check (nothing was sent: fix the input); `invalid_request`
 * is the provider refusing what was sent (a 400/422 with its field errors).
 *
 * The `webhook_*` codes belong to receiving: `webhook_signature` (no signature, a wrong one, a
 * parsed object where the received bytes belong, basic-auth credentials that do not match),
 * `webhook_stale` (a timestamp outside the window), `webhook_duplicate` (a delivery id already
 * claimed) and `webhook_malformed` (a body that is not what the provider sends, or too large).
 */
export const paymentsErrorCodes = [
  'validation',
  'invalid_request',
  'authentication',
  'permission_denied',
  'not_found',
  'conflict',
  'rate_limited',
  'provider_unavailable',
  'network',
  'timeout',
  'aborted',
  'invalid_response',
  'unsupported',
  'configuration',
  'provider_error',
  'webhook_signature',
  'webhook_stale',
  'webhook_duplicate',
  'webhook_malformed',
] as const;

/** One of {@link paymentsErrorCodes}. */
export type PaymentsErrorCode = (typeof paymentsErrorCodes)[number];

const known = new Set<string>(paymentsErrorCodes);

/** True for a known code: a provider mapper's answer is checked before it becomes `error.code`. */
export function isPaymentsErrorCode(value: unknown): value is PaymentsErrorCode {
  return typeof value === 'string' && known.has(value);
}
