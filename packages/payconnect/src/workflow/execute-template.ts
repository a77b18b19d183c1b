import {
  buildError,
  type CallOptions,
  Err,
  Ok,
  type OperationRuntime,
  PaymentsError,
  runOperation,
  runPagedOperation,
  toRows,
  type WorkflowRow,
} from '@payweave/core';
import type { PayConnectInvoiceOperations } from '../invoices/invoice-operations.js';
import type { PayConnectInvoice, PayConnectSearchPage } from '../invoices/invoice-types.js';
import type { RetrieveInvoiceMethod } from '../invoices/retrieve-with-fallback.js';
import { invoiceRows, searchPageRows } from './invoice-rows.js';

/**
 * A template call as the seed's workflow node makes it: `options` carries route values
 * (`invoiceId`) or, for search, the filters (plus `pageSize`); `items` the request bodies,
 * one call per item. Search and retrieve take no items: items given to them are refused
 * with one `ERROR` row (`validation`) and nothing is sent.
 */
export interface PayConnectTemplateRequest {
  /** Route values (`invoiceId`), or search filters (and `pageSize`). */
  options?: Readonly<Record<string, unknown>> | undefined;
  /** Request bodies; one call per item (actions without a body may omit them; search and retrieve refuse them). */
  items?: readonly Readonly<Record<string, unknown>>[] | undefined;
}

/** The operation ids a template can run. */
export type PayConnectTemplateOperationId =
  | 'payconnect.invoices.create'
  | 'payconnect.invoices.search'
  | 'payconnect.invoices.retrieve'
  | 'payconnect.invoices.update'
  | 'payconnect.invoices.pay'
  | 'payconnect.invoices.sendEmail'
  | 'payconnect.invoices.void';

/** The seed's four methods and the templates under each. */
export const payConnectTemplateMethods = Object.freeze({
  Create: ['payconnect.invoices.create'],
  Retrieve: ['payconnect.invoices.search', 'payconnect.invoices.retrieve'],
  Update: ['payconnect.invoices.update'],
  Action: ['payconnect.invoices.pay', 'payconnect.invoices.sendEmail', 'payconnect.invoices.void'],
} as const);

/** The most rows one `workflow.execute` call returns unless `maxRows` says otherwise. */
export const defaultWorkflowMaxRows = 10_000;

/** Options of `workflow.execute`: every call option, plus the bounds of a template call. */
export interface PayConnectWorkflowOptions extends CallOptions {
  /**
   * The most rows one call returns (a positive integer, default 10,000). A search with more
   * matches stops reading pages there and returns the first `maxRows` rows followed by one
   * `ERROR` row (`invalid_response`, naming `maxRows`); a call with more `items` than
   * `maxRows` is refused before anything is sent (one `ERROR` row, `validation`).
   */
  maxRows?: number | undefined;
  /** The most search pages one call reads (default 10,000), as on every list. */
  maxPages?: number | undefined;
}

// Each invoice of a search walk carries its page's pagination under a hidden, non-enumerable
// key: the walk compares pages by their invoices only, and rows never show the key.
const paginationOf: unique symbol = Symbol('payconnect.pagination');
type WalkedInvoice = PayConnectInvoice & { readonly [paginationOf]?: PayConnectSearchPage['pagination'] };

function withPagination(invoice: PayConnectInvoice, pagination: PayConnectSearchPage['pagination']) {
  return Object.defineProperty({ ...invoice }, paginationOf, { value: pagination, enumerable: false });
}

/**
 * Walks every search page through core's bounded page walk (no progress, absurd totals and
 * `maxPages` end it with an error), one row per invoice with its page's pagination; a failed
 * page ends with an ERROR row, and so does a search with more than `maxRows` rows.
 */
async function searchAll(
  runtime: OperationRuntime,
  operations: PayConnectInvoiceOperations,
  options: Readonly<Record<string, unknown>>,
  callOptions: PayConnectWorkflowOptions,
  maxRows: number,
): Promise<WorkflowRow[]> {
  const { pageSize, filters: nested, ...flat } = options;
  const filters = nested && typeof nested === 'object' ? nested : flat;
  const input = { filters, page: 1, ...(pageSize === undefined ? {} : { pageSize }) };
  const search = operations.search;
  const paging = search.paging!;
  const walked = {
    ...search,
    paging: {
      ...paging,
      items: (output: PayConnectSearchPage): readonly WalkedInvoice[] =>
        output.invoices.map((invoice) => withPagination(invoice, output.pagination)),
    },
  };
  const { maxRows: _maxRows, ...walkOptions } = callOptions;
  const rows: WorkflowRow[] = [];
  try {
    for await (const page of runPagedOperation(runtime, walked, input, walkOptions).pages()) {
      const invoices = page.items as WalkedInvoice[];
      const pageRows = searchPageRows(Ok({ invoices, pagination: invoices[0]?.[paginationOf] }));
      if (rows.length + pageRows.length > maxRows) {
        rows.push(...pageRows.slice(0, maxRows - rows.length));
        const error = buildError(
          { provider: runtime.provider, operation: search.id, redactor: runtime.http.redactor },
          {
            code: 'invalid_response',
            detail: `the search has more than maxRows (${maxRows}) rows; it stopped after ${maxRows} (narrow the filters or raise maxRows).`,
          },
        );
        rows.push(...toRows(Err(error)));
        break;
      }
      rows.push(...pageRows);
    }
  } catch (error) {
    rows.push(
      ...toRows(
        Err(
          error instanceof PaymentsError
            ? error
            : buildError(
                { provider: runtime.provider, operation: search.id, redactor: runtime.http.redactor },
                { code: 'provider_error', detail: 'the search walk failed unexpectedly.', cause: error },
              ),
        ),
      ),
    );
  }
  return rows;
}

function validMaxRows(maxRows: unknown): maxRows is number {
  return Number.isSafeInteger(maxRows) && (maxRows as number) > 0;
}

/**
 * Runs an operation the way the seed's templates do and returns workflow rows: Create and
 * Update and Action run once per item (`{ ...options, ...item }`), Retrieve searches with
 * `options` as filters (every page, one row per invoice) or gets `options.invoiceId`.
 * An unknown operation id gives one `ERROR` row. At most `maxRows` rows (default 10,000)
 * plus one `ERROR` row that says the bound was reached: memory never grows without bound.
 */
export function createTemplateExecutor(
  runtime: OperationRuntime,
  operations: PayConnectInvoiceOperations,
  retrieve: RetrieveInvoiceMethod,
) {
  const byId = new Map(Object.values(operations).map((operation) => [operation.id as string, operation]));
  return async function execute(
    operationId: PayConnectTemplateOperationId,
    request: PayConnectTemplateRequest = {},
    callOptions: PayConnectWorkflowOptions = {},
  ): Promise<WorkflowRow[]> {
    const options = request.options ?? {};
    const maxRows = callOptions.maxRows ?? defaultWorkflowMaxRows;
    const scope = { provider: runtime.provider, operation: operationId, redactor: runtime.http.redactor };
    if (!validMaxRows(maxRows))
      return toRows(
        Err(
          buildError(scope, {
            code: 'validation',
            detail: `maxRows must be a positive integer (nothing was sent).`,
            fieldErrors: { maxRows: ['must be a positive integer'] },
          }),
        ),
      );
    // Retrieve templates read `options` only: items would be silently ignored (a search would
    // then return every invoice), so they are refused before anything is sent.
    if (
      (operationId === operations.search.id || operationId === operations.retrieve.id) &&
      request.items !== undefined &&
      request.items.length > 0
    ) {
      const where =
        operationId === operations.search.id
          ? "a search takes its filters in options (options: { status: 'Sent', pageSize: 50 })"
          : 'a retrieve takes the invoice id in options (options: { invoiceId })';
      return toRows(
        Err(
          buildError(scope, {
            code: 'validation',
            detail: `items are not used by ${operationId}: ${where}; nothing was sent.`,
            fieldErrors: { items: ['must be empty: put the values in options'] },
          }),
        ),
      );
    }
    if (operationId === operations.search.id)
      return searchAll(runtime, operations, options, callOptions, maxRows);
    if (operationId === operations.retrieve.id)
      return invoiceRows(await retrieve(options as { invoiceId: string }, callOptions));
    const operation = byId.get(operationId);
    if (!operation) {
      const error = new PaymentsError({
        code: 'unsupported',
        provider: runtime.provider,
        operation: operationId,
        message: `payconnect has no template "${operationId}" (known: ${[...byId.keys()].join(', ')}).`,
      });
      return toRows(Err(error));
    }
    const items = request.items && request.items.length > 0 ? request.items : [{}];
    // One row per item: more items than maxRows is refused whole, never half done.
    if (items.length > maxRows)
      return toRows(
        Err(
          buildError(scope, {
            code: 'validation',
            detail: `${items.length} items give more rows than maxRows (${maxRows}); nothing was sent (split the items or raise maxRows).`,
            fieldErrors: { items: [`must hold at most ${maxRows} items (maxRows)`] },
          }),
        ),
      );
    const rows: WorkflowRow[] = [];
    for (const item of items)
      rows.push(...invoiceRows(await runOperation(runtime, operation, { ...options, ...item }, callOptions)));
    return rows;
  };
}

/** The template executor of a client. */
export type PayConnectTemplateExecutor = ReturnType<typeof createTemplateExecutor>;
