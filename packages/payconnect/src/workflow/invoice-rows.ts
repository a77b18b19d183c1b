import { type PaymentsError, type Result, toRows, type WorkflowRow } from '@payweave/core';
import type { PayConnectSearchPage } from '../invoices/invoice-types.js';

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
 * Workflow rows of one search page: one row per invoice, each with the page's `pagination`
 * attached; an error gives one `ERROR` row.
 *
 * @example
 * ```ts
 * searchPageRows(Ok(page)); // [{ status: 'OK', invoiceId: 'inv_1', pagination: { page: 1, ... } }, ...]
 * ```
 */
export function searchPageRows(result: Result<PayConnectSearchPage, PaymentsError>): WorkflowRow[] {
  return toRows(result, {
    records: (page) => page.invoices,
    shared: (page) => ({ pagination: page.pagination }),
  });
}

/** Rows of several search pages in order; an `Ok` with no invoices gives no rows. */
export function searchRows(pages: readonly Result<PayConnectSearchPage, PaymentsError>[]): WorkflowRow[] {
  return pages.flatMap((page) => searchPageRows(page));
}
