import type { PaymentsErrorCode } from './error-codes.js';

/** The error code an HTTP status means when the provider body says nothing more specific. */
export function mapHttpStatus(status: number): PaymentsErrorCode {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission_denied';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 500 || status === 502 || status === 503 || status === 504) return 'provider_unavailable';
  if (status === 405 || status === 501) return 'unsupported';
  return 'provider_error';
}
