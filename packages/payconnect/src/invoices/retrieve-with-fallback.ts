import {
  type AnyOperation,
  buildError,
  type CallOptions,
  Err,
  Ok,
  type OperationContext,
  type PaymentsError,
  type Result,
} from '@payweave/core';
import type { PayConnectInvoice, PayConnectSearchPage } from './invoice-types.js';

/** Input of `invoices.retrieve`. */
export interface RetrieveInvoiceInput {
  /** The invoice id. */
  invoiceId: string;
}

/** `invoices.retrieve`: a positional id or an input object, plus call options. */
export type RetrieveInvoiceMethod = {
  (
    invoiceId: string,
    input?: Omit<RetrieveInvoiceInput, 'invoiceId'>,
    options?: CallOptions,
  ): Promise<Result<PayConnectInvoice, PaymentsError>>;
  (input: RetrieveInvoiceInput, options?: CallOptions): Promise<Result<PayConnectInvoice, PaymentsError>>;
};

// A search page large enough to hold the invoice even if a provider ignored the filter on a small page.
const fallbackPageSize = 25;

/**
 * The get-by-id of the seed, as the retrieve operation's `fallback`: when the direct route
 * answers 401 while the session is valid (PayConnect does this for otherwise good tokens; the
 * pipeline has already renewed the session once), the invoice is found through search by
 * `invoiceId` instead, and only an exact id match is returned.
 */
export function searchFallback(
  search: () => AnyOperation,
  sessionIsValid: () => boolean,
): (
  input: RetrieveInvoiceInput,
  error: PaymentsError,
  context: OperationContext,
) => Promise<Result<PayConnectInvoice, PaymentsError>> | undefined {
  return (input, error, context) => {
    if (error.httpStatus !== 401 || !sessionIsValid()) return undefined;
    return (async () => {
      const { invoiceId } = input;
      const searched = (await context.run(search(), {
        filters: { invoiceId },
        page: 1,
        pageSize: fallbackPageSize,
      })) as Result<PayConnectSearchPage, PaymentsError>;
      if (searched.isErr()) return Err(searched.error.with({ operation: 'payconnect.invoices.retrieve' }));
      const invoice = searched.value.invoices.find((candidate) => candidate.invoiceId === invoiceId);
      if (invoice) return Ok(invoice);
      return Err(
        buildError(
          { provider: 'payconnect', operation: 'payconnect.invoices.retrieve' },
          {
            code: 'not_found',
            detail: `invoice ${invoiceId} was not found (the direct route answered 401; search by invoiceId found nothing).`,
          },
        ),
      );
    })();
  };
}
