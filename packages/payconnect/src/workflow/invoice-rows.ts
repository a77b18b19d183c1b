import { Ok, type Page, type PaymentsError, type Result, toRows, type WorkflowRow } from '@payweave/core';
import type { PayConnectInvoice, PayConnectSearchPage } from '../invoices/invoice-types.js';

/**
 * Workflow rows of any single-record result (create, retrieve, update, pay, sendEmail, void):
 * one row with `status` `OK`/`ERROR`, `statusMessage`, `errorMessage`, the record's fields
 * and the provider's `status` as `providerStatus`.
 *
 * @example
 * ```ts
 * invoiceRows(await payconnect.invoices.pay('inv_1', { amount: '10.00' }));
 * // [{ status: 'OK', statusMessage: 'OK', errorMessage: '', invoiceId: 'inv_1', providerStatus: 'PartiallyPaid', ... }]
 * ```
 */
export function invoiceRows(result: Result<unknown, PaymentsError>): WorkflowRow[] {
  return toRows(result);
}

/**
 * One search page as {@link searchPageRows} takes it: a page of `invoices.search(...)`
 * (from `.pages()`, or the `Result` of `.firstPage()`), or PayConnect's own search response
 * `{ invoices, pagination }`, plain or in a `Result`.
 */
export type SearchPageRowsInput =
  | Result<PayConnectSearchPage, PaymentsError>
  | Result<Page<PayConnectInvoice>, PaymentsError>
  | PayConnectSearchPage
  | Page<PayConnectInvoice>;

type OnePage = PayConnectSearchPage | Page<PayConnectInvoice>;

function isResult(
  input: SearchPageRowsInput,
): input is Extract<SearchPageRowsInput, Result<OnePage, PaymentsError>> {
  return typeof (input as { isErr?: unknown }).isErr === 'function';
}

function isSdkPage(page: OnePage): page is Page<PayConnectInvoice> {
  return !Array.isArray((page as { invoices?: unknown }).invoices) && Array.isArray(page.items);
}

/**
 * Workflow rows of one search page: one row per invoice, each with the page's `pagination`
 * attached; an error gives one `ERROR` row. A PayConnect response keeps its own
 * `pagination` (`page`, `pageSize`, `totalCount`, `totalPages`); an SDK page (from
 * `.pages()` or `.firstPage()`) gets `{ page, totalCount, hasMore }`.
 *
 * @example
 * ```ts
 * for await (const page of payconnect.invoices.search({ filters: { status: 'Sent' } }).pages()) {
 *   searchPageRows(page); // [{ status: 'OK', invoiceId: 'inv_1', pagination: { page: 1, ... } }, ...]
 * }
 * searchPageRows(await payconnect.invoices.search({ filters: { status: 'Sent' } }).firstPage());
 * ```
 */
export function searchPageRows(input: SearchPageRowsInput): WorkflowRow[] {
  const result: Result<OnePage, PaymentsError> = isResult(input) ? input : Ok(input);
  if (result.isErr()) return toRows(result);
  const page = result.value;
  if (isSdkPage(page)) {
    return toRows(Ok(page), {
      records: (value) => value.items,
      shared: (value) => ({
        pagination: { page: value.pageNumber, totalCount: value.totalCount, hasMore: value.hasMore },
      }),
    });
  }
  return toRows(Ok(page), {
    records: (value) => value.invoices,
    shared: (value) => ({ pagination: value.pagination }),
  });
}

/** Rows of several search pages in order; an `Ok` with no invoices gives no rows. */
export function searchRows(pages: readonly SearchPageRowsInput[]): WorkflowRow[] {
  return pages.flatMap((page) => searchPageRows(page));
}
