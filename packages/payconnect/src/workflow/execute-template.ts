import {
  type CallOptions,
  Err,
  type OperationRuntime,
  PaymentsError,
  type Result,
  runOperation,
  toRows,
  type WorkflowRow,
} from '@payweave/core';
import type { PayConnectInvoiceOperations } from '../invoices/invoice-operations.js';
import type { PayConnectSearchPage } from '../invoices/invoice-types.js';
import type { RetrieveInvoiceMethod } from '../invoices/retrieve-with-fallback.js';
import { invoiceRows, searchPageRows } from './invoice-rows.js';

/**
 * A template call as the seed's workflow node makes it: `options` carries route values
 * (`invoiceId`) or, for search, the filters (plus `pageSize`); `items` the request bodies,
 * one call per item.
 */
export interface PayConnectTemplateRequest {
  /** Route values (`invoiceId`), or search filters (and `pageSize`). */
  options?: Readonly<Record<string, unknown>> | undefined;
  /** Request bodies; one call per item (actions without a body may omit them). */
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

/** Walks every search page, one row per invoice with its page's pagination; a failed page ends with an ERROR row. */
async function searchAll(
  runtime: OperationRuntime,
  operations: PayConnectInvoiceOperations,
  options: Readonly<Record<string, unknown>>,
  callOptions: CallOptions,
): Promise<WorkflowRow[]> {
  const { pageSize, filters: nested, ...flat } = options;
  const filters = nested && typeof nested === 'object' ? nested : flat;
  let input: Record<string, unknown> | undefined = {
    filters,
    page: 1,
    ...(pageSize === undefined ? {} : { pageSize }),
  };
  const rows: WorkflowRow[] = [];
  const paging = operations.search.paging!;
  let pageNumber = 1;
  let itemCount = 0;
  while (input) {
    const result = (await runOperation(runtime, operations.search, input, callOptions)) as Result<
      PayConnectSearchPage,
      PaymentsError
    >;
    rows.push(...searchPageRows(result));
    if (result.isErr() || result.value.invoices.length === 0) break;
    itemCount += result.value.invoices.length;
    input = paging.next(input as never, result.value, { pageNumber, itemCount }) as
      | Record<string, unknown>
      | undefined;
    pageNumber += 1;
  }
  return rows;
}

/**
 * Runs an operation the way the seed's templates do and returns workflow rows: Create and
 * Update and Action run once per item (`{ ...options, ...item }`), Retrieve searches with
 * `options` as filters (every page, one row per invoice) or gets `options.invoiceId`.
 * An unknown operation id gives one `ERROR` row.
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
    callOptions: CallOptions = {},
  ): Promise<WorkflowRow[]> {
    const options = request.options ?? {};
    if (operationId === operations.search.id) return searchAll(runtime, operations, options, callOptions);
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
    const rows: WorkflowRow[] = [];
    for (const item of items)
      rows.push(...invoiceRows(await runOperation(runtime, operation, { ...options, ...item }, callOptions)));
    return rows;
  };
}

/** The template executor of a client. */
export type PayConnectTemplateExecutor = ReturnType<typeof createTemplateExecutor>;
