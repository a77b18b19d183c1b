import type { PaymentsErrorCode } from '../errors/error-codes.js';
import { PaymentsError } from '../errors/payments-error.js';

/**
 * A refused delivery's error, in the `operation: detail` form every payweave error has
 * (`leadconnector.webhooks.unwrap: …`). The detail never quotes a header value or the body.
 */
export function webhookError(
  provider: string,
  code: PaymentsErrorCode,
  detail: string,
  extra: { retryable?: boolean; cause?: unknown } = {},
): PaymentsError {
  const operation = `${provider}.webhooks.unwrap`;
  return new PaymentsError({
    code,
    message: `${operation}: ${detail}`,
    provider,
    operation,
    retryable: extra.retryable ?? false,
    cause: extra.cause,
  });
}
