import {
  defineOperation,
  encodePathSegment,
  type OperationContext,
  type PaymentsError,
  type RequestParts,
  type Result,
  type RetryMode,
  type Schema,
} from '@payweave/core';
import { type PayConnectRouteTable, payConnectRoutes } from '../routes.js';
import {
  createInvoiceInput,
  invoiceOutput,
  payInvoiceInput,
  retrieveInvoiceInput,
  searchInvoicesInput,
  searchPageOutput,
  sendInvoiceEmailInput,
  updateInvoiceInput,
  voidInvoiceInput,
} from './invoice-schemas.js';
import type { PayConnectInvoice, PayConnectSearchPage } from './invoice-types.js';
import { searchFallback } from './retrieve-with-fallback.js';

/** Default search page size. */
export const defaultSearchPageSize = 50;

const docsUrl = 'https://github.com/payweave/payweave/tree/main/packages/payconnect#assumed-wire-contract';

function fill(path: string, invoiceId: string): string {
  // The shared path-segment rule: `..` or `.` would change the route (`POST /v2/pay`).
  return path.replace('{invoiceId}', () => encodePathSegment('invoiceId', invoiceId));
}

function withAmounts<T extends { unitPrice: string | number }>(
  items: readonly T[],
): (T & { unitPrice: string })[] {
  // PayConnect amounts are decimal strings on the wire (assumed); numbers are sent as their exact text.
  return items.map((item) => ({ ...item, unitPrice: String(item.unitPrice) }));
}

function invoiceBody<T extends { lineItems?: readonly { unitPrice: string | number }[] | undefined }>(
  fields: T,
) {
  return fields.lineItems ? { ...fields, lineItems: withAmounts(fields.lineItems) } : fields;
}

/**
 * Builds the invoice operations from a route table (the client builds them from its own,
 * possibly overridden, table).
 */
export function buildInvoiceOperations(
  routes: PayConnectRouteTable = payConnectRoutes,
  sessionIsValid: () => boolean = () => true,
) {
  const create = defineOperation({
    id: 'payconnect.invoices.create',
    method: routes.createInvoice.method,
    path: routes.createInvoice.path,
    summary: 'Create an invoice (status Draft); the response carries invoiceId and correlationId.',
    input: createInvoiceInput,
    output: invoiceOutput,
    // No client reference to look the invoice up by after an ambiguous failure, so never resend.
    retry: 'never',
    docsUrl,
    toRequest: (input): RequestParts => ({ path: routes.createInvoice.path, json: invoiceBody(input) }),
    fromResponse: (body): PayConnectInvoice => body,
  });

  const search = defineOperation({
    id: 'payconnect.invoices.search',
    method: routes.searchInvoices.method,
    path: routes.searchInvoices.path,
    summary: 'Search invoices by filters; the iterator pages through every result itself.',
    description: 'Body `{ filters, page, pageSize }` (assumed). Page size 1-100, default 50.',
    input: searchInvoicesInput,
    output: searchPageOutput,
    retry: 'safe',
    // A search sent as POST: a lost answer never means a write may have happened.
    effect: 'read',
    docsUrl,
    toRequest: (input): RequestParts => ({
      path: routes.searchInvoices.path,
      json: {
        filters: input.filters ?? {},
        page: input.page ?? 1,
        pageSize: input.pageSize ?? defaultSearchPageSize,
      },
    }),
    fromResponse: (body): PayConnectSearchPage => body,
    paging: {
      items: (output): PayConnectInvoice[] => output.invoices,
      // The next page is the one after the page WE asked for: the response's own `page` is never
      // followed (a provider answering "page 1" forever would loop). A walk that makes no progress,
      // or announces more pages than `maxPages`, is stopped by core's page walk.
      next: (input, output, state) => {
        const page = input.page ?? 1;
        const pageSize = input.pageSize ?? defaultSearchPageSize;
        const { totalPages, totalCount } = output.pagination ?? {};
        // Every announced record read: no more pages, whatever totalPages says.
        if (totalCount !== undefined && state.itemCount >= totalCount) return undefined;
        const more =
          totalPages !== undefined
            ? page < totalPages
            : totalCount !== undefined || output.invoices.length >= pageSize;
        return more ? { ...input, page: page + 1 } : undefined;
      },
      totalCount: (output) => output.pagination?.totalCount,
    },
  });

  /**
   * One call on a single invoice: the route gives method and path, the id goes in the path,
   * the rest of the input becomes the body. Only id, summary, input, retry and body differ.
   */
  const invoiceCall = <Id extends string, In extends { invoiceId: string }, Shape>(
    route: keyof PayConnectRouteTable,
    declaration: {
      id: Id;
      summary: string;
      input: Schema<In, Shape>;
      retry: RetryMode;
      body: (fields: Omit<In, 'invoiceId'>) => unknown;
      fallback?: (
        input: In,
        error: PaymentsError,
        context: OperationContext,
      ) => Promise<Result<PayConnectInvoice, PaymentsError>> | undefined;
    },
  ) =>
    defineOperation({
      id: declaration.id,
      method: routes[route].method,
      path: routes[route].path,
      summary: declaration.summary,
      input: declaration.input,
      output: invoiceOutput,
      retry: declaration.retry,
      positional: 'invoiceId',
      docsUrl,
      toRequest: ({ invoiceId, ...fields }): RequestParts => ({
        path: fill(routes[route].path, invoiceId),
        json: declaration.body(fields),
      }),
      fromResponse: (body): PayConnectInvoice => body,
      fallback: declaration.fallback,
    });

  const retrieve = invoiceCall('retrieveInvoice', {
    id: 'payconnect.invoices.retrieve',
    summary: 'Get one invoice by id; falls back to search by invoiceId when the direct route answers 401.',
    input: retrieveInvoiceInput,
    retry: 'safe',
    body: () => undefined,
    fallback: searchFallback(() => search, sessionIsValid),
  });

  const update = invoiceCall('updateInvoice', {
    id: 'payconnect.invoices.update',
    summary: 'Update an invoice that has no payments yet.',
    input: updateInvoiceInput,
    // A PUT of the same fields is idempotent.
    retry: 'safe',
    body: invoiceBody,
  });

  const pay = invoiceCall('payInvoice', {
    id: 'payconnect.invoices.pay',
    summary: 'Pay an invoice, fully or partially (status PartiallyPaid or Paid).',
    input: payInvoiceInput,
    // Moves money and PayConnect offers no idempotency key: resend only if it never left.
    retry: 'never',
    body: ({ amount, ...rest }) => ({ ...rest, amount: String(amount) }),
  });

  const sendEmail = invoiceCall('sendInvoiceEmail', {
    id: 'payconnect.invoices.sendEmail',
    summary: 'Email an invoice to its customer (a Draft becomes Sent).',
    input: sendInvoiceEmailInput,
    // A resend would email the customer twice.
    retry: 'never',
    body: (rest) => rest,
  });

  const voidInvoice = invoiceCall('voidInvoice', {
    id: 'payconnect.invoices.void',
    summary: 'Void an invoice that has no payments.',
    input: voidInvoiceInput,
    // Voiding twice ends in the same state (the second answers "already void").
    retry: 'safe',
    body: (rest) => rest,
  });

  return { create, search, retrieve, update, pay, sendEmail, void: voidInvoice };
}

/** The invoice operations on the assumed route table. */
export const invoiceOperations = buildInvoiceOperations();

/** `payconnect.invoices.create` (assumed table). */
export const createInvoice = invoiceOperations.create;
/** `payconnect.invoices.search` (assumed table). */
export const searchInvoices = invoiceOperations.search;
/** `payconnect.invoices.retrieve` (assumed table; falls back to search by id on a 401). */
export const retrieveInvoice = invoiceOperations.retrieve;
/** `payconnect.invoices.update` (assumed table). */
export const updateInvoice = invoiceOperations.update;
/** `payconnect.invoices.pay` (assumed table). */
export const payInvoice = invoiceOperations.pay;
/** `payconnect.invoices.sendEmail` (assumed table). */
export const sendInvoiceEmail = invoiceOperations.sendEmail;
/** `payconnect.invoices.void` (assumed table). */
export const voidInvoice = invoiceOperations.void;

/** The invoice operations, as built for one route table. */
export type PayConnectInvoiceOperations = ReturnType<typeof buildInvoiceOperations>;
