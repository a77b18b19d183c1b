/**
 * Every way a payweave call can fail. A business outcome (a declined card, an unpaid
 * invoice) is never one of these: it is an `Ok` value whose status says so.
 *
 * `validation` is payweave's own check (nothing was sent: fix the input); `invalid_request`
 * is the provider refusing what was sent (a 400/422 with its field errors).
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
] as const;

/** One of {@link paymentsErrorCodes}. */
export type PaymentsErrorCode = (typeof paymentsErrorCodes)[number];

const known = new Set<string>(paymentsErrorCodes);

/** True for a known code: a provider mapper's answer is checked before it becomes `error.code`. */
export function isPaymentsErrorCode(value: unknown): value is PaymentsErrorCode {
  return typeof value === 'string' && known.has(value);
}
