import { Err, PageIterator, PaymentsError } from '@payweave/core';

/** The `unsupported` error for a call a provider (or this configuration) cannot serve. */
export function unsupportedError(provider: string, what: string): PaymentsError {
  return new PaymentsError({
    code: 'unsupported',
    provider,
    message: `payweave: ${what} is not available for provider "${provider}".`,
  });
}

/** A page iterator whose first page fails with `error` (list calls never throw synchronously). */
export function failingIterator<T>(error: PaymentsError): PageIterator<T> {
  return new PageIterator<T, unknown>(undefined, async () => Err(error));
}
