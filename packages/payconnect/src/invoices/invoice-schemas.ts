import { decimalAmount, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { payConnectInvoiceStatuses } from './invoice-status.js';

/** An invoice id: 1 to 100 characters, no path separators (it is put into the URL). */
export const invoiceIdSchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^/?#\s]+$/)),
);

const isoDate = lazySchema(() =>
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
);

/** A line item: description (1-500), quantity (whole, 1-1,000,000), unit price (2 decimals, 0 allowed). */
export const lineItemInput = lazySchema(() =>
  z.strictObject({
    description: z.string().check(z.minLength(1), z.maxLength(500)),
    quantity: z.int().check(z.minimum(1), z.maximum(1_000_000)),
    unitPrice: decimalAmount({ decimals: 2, max: 99_999_999.99, allowZero: true }),
  }),
);

/** The customer of an invoice: name (1-200) and optional email. */
export const customerInput = lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    email: z.optional(z.email()),
  }),
);

const invoiceFields = {
  /** Your own number; PayConnect assigns one when omitted. */
  invoiceNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  customer: customerInput,
  lineItems: z.array(lineItemInput).check(z.minLength(1), z.maxLength(200)),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code'))),
  dueDate: isoDate,
  memo: z.optional(z.string().check(z.maxLength(1000))),
};

/** Input of `invoices.create`. */
export const createInvoiceInput = lazySchema(() => z.strictObject(invoiceFields));

/** Input of `invoices.update`: the id plus at least one field to change. */
export const updateInvoiceInput = z
  .strictObject({
    invoiceId: invoiceIdSchema,
    invoiceNumber: invoiceFields.invoiceNumber,
    customer: z.optional(customerInput),
    lineItems: z.optional(invoiceFields.lineItems),
    currency: invoiceFields.currency,
    dueDate: z.optional(isoDate),
    memo: invoiceFields.memo,
  })
  .check(
    z.refine((input) => Object.keys(input).length > 1, {
      message: 'give at least one field to change',
      path: ['invoiceId'],
    }),
  );

/** Input of `invoices.retrieve`. */
export const retrieveInvoiceInput = lazySchema(() => z.strictObject({ invoiceId: invoiceIdSchema }));

/** Input of `invoices.pay`: a positive amount with at most 2 decimals (partial payments allowed). */
export const payInvoiceInput = lazySchema(() =>
  z.strictObject({
    invoiceId: invoiceIdSchema,
    amount: decimalAmount({ decimals: 2, max: 99_999_999.99 }),
    paymentMethod: z.optional(z.enum(['card', 'ach', 'cash', 'check', 'other'])),
    reference: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
);

/** Input of `invoices.sendEmail`: recipient defaults to the invoice's customer email. */
export const sendInvoiceEmailInput = lazySchema(() =>
  z.strictObject({
    invoiceId: invoiceIdSchema,
    to: z.optional(z.email()),
    subject: z.optional(z.string().check(z.maxLength(200))),
    message: z.optional(z.string().check(z.maxLength(2000))),
  }),
);

/** Input of `invoices.void`. */
export const voidInvoiceInput = lazySchema(() =>
  z.strictObject({
    invoiceId: invoiceIdSchema,
    reason: z.optional(z.string().check(z.maxLength(500))),
  }),
);

/**
 * Search filters. The known (assumed) ones are checked; PayConnect's full vocabulary is not
 * published, so other string, number, boolean or list filters pass through as given.
 * The pass-through type includes `undefined` so the optional named filters stay assignable to
 * it under `exactOptionalPropertyTypes` (else the published `.d.ts` fails with TS2411).
 */
export const searchFiltersInput = lazySchema(() =>
  z.catchall(
    z.strictObject({
      invoiceId: z.optional(invoiceIdSchema),
      invoiceNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
      status: z.optional(
        z.union([z.enum(payConnectInvoiceStatuses), z.array(z.enum(payConnectInvoiceStatuses))]),
      ),
      customerEmail: z.optional(z.email()),
      customerName: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      dueDateFrom: z.optional(isoDate),
      dueDateTo: z.optional(isoDate),
    }),
    z.optional(z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])),
  ),
);

/** Input of `invoices.search`: filters and the first page (1-based) and page size (1-100, default 50). */
export const searchInvoicesInput = lazySchema(() =>
  z.strictObject({
    filters: z.optional(searchFiltersInput),
    page: z.optional(z.int().check(z.minimum(1))),
    pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  }),
);

const amountOut = lazySchema(() => z.union([z.string(), z.number()]));

/** An invoice as returned (tolerant: unknown fields are kept). */
export const invoiceOutput = lazySchema(() =>
  z.looseObject({
    invoiceId: z.string(),
    invoiceNumber: z.optional(z.string()),
    correlationId: z.optional(z.string()),
    customer: z.optional(z.looseObject({ name: z.optional(z.string()), email: z.optional(z.string()) })),
    lineItems: z.optional(
      z.array(
        z.looseObject({
          description: z.optional(z.string()),
          quantity: z.optional(z.number()),
          unitPrice: z.optional(amountOut),
        }),
      ),
    ),
    total: z.optional(amountOut),
    amountDue: z.optional(amountOut),
    amountPaid: z.optional(amountOut),
    currency: z.optional(z.string()),
    dueDate: z.optional(z.string()),
    status: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** PayConnect's pagination metadata of a search page. */
export const paginationOutput = lazySchema(() =>
  z.looseObject({
    page: z.optional(z.number()),
    pageSize: z.optional(z.number()),
    totalCount: z.optional(z.number()),
    totalPages: z.optional(z.number()),
  }),
);

/** One search page as returned. */
export const searchPageOutput = lazySchema(() =>
  z.looseObject({
    invoices: z.array(invoiceOutput),
    pagination: z.optional(paginationOutput),
    correlationId: z.optional(z.string()),
  }),
);

/** Session creation response. */
export const sessionOutput = lazySchema(() =>
  z.looseObject({
    sessionToken: z.string().check(z.minLength(1)),
    expiresAtUtc: z.string(),
  }),
);

/** Session validation response. */
export const sessionValidationOutput = lazySchema(() =>
  z.looseObject({
    valid: z.optional(z.boolean()),
    expiresAtUtc: z.optional(z.string()),
  }),
);
