import {
  type CallOptions,
  Err,
  Ok,
  type OperationRuntime,
  PaymentsError,
  type Result,
  runOperation,
} from '@payweave/core';
import type { PayConnectInvoiceOperations } from './invoice-operations.js';
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
 * The get-by-id of the seed: the direct route first; when it answers 401 while the session
 * is valid (PayConnect does this for otherwise good tokens), the invoice is found through
 * search by `invoiceId` instead, and only an exact id match is returned.
 */
export function retrieveWithFallback(
  runtime: OperationRuntime,
  operations: PayConnectInvoiceOperations,
  sessionIsValid: () => boolean,
): RetrieveInvoiceMethod {
  const retrieve = async (first: unknown, second?: unknown, third?: unknown) => {
    const positional = typeof first === 'string';
    const input = positional ? { ...(second as object | undefined), invoiceId: first } : first;
    const options = ((positional ? third : second) ?? {}) as CallOptions;
    const direct = (await runOperation(runtime, operations.retrieve, input, options)) as Result<
      PayConnectInvoice,
      PaymentsError
    >;
    if (direct.isOk() || direct.error.httpStatus !== 401 || !sessionIsValid()) return direct;
    const invoiceId = (input as RetrieveInvoiceInput).invoiceId;
    const searched = (await runOperation(
      runtime,
      operations.search,
      { filters: { invoiceId }, page: 1, pageSize: fallbackPageSize },
      options,
    )) as Result<PayConnectSearchPage, PaymentsError>;
    if (searched.isErr()) return Err(searched.error.with({ operation: operations.retrieve.id }));
    const invoice = searched.value.invoices.find((candidate) => candidate.invoiceId === invoiceId);
    if (invoice) return Ok(invoice);
    return Err(
      new PaymentsError({
        code: 'not_found',
        provider: runtime.provider,
        operation: operations.retrieve.id,
        message: `${operations.retrieve.id}: invoice ${invoiceId} was not found (the direct route answered 401; search by invoiceId found nothing).`,
      }),
    );
  };
  return retrieve as RetrieveInvoiceMethod;
}
