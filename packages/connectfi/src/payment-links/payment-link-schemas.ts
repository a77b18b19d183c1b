import { decimalAmount, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  cancellableStatuses,
  isCancellable,
  isManuallySettable,
  manuallySettableStatuses,
  paymentLinkStatuses,
} from './payment-link-status.js';

/** connectFi's `common-id`: letters, digits and `_`, 1 to 36 characters. */
export const transactionIdSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(36),
    z.regex(/^[0-9a-zA-Z_]+$/, 'must contain only letters, digits and _'),
  );

/**
 * connectFi's `common-commonStr100`, required but nullable: at most 100 characters, no `<`
 * or `>`. The provider's pattern `^((?![<>]).)*$` also refuses line breaks (`.` does not match them).
 */
export const descriptionSchema = lazySchema(() =>
  z.nullable(
    z.string().check(z.maxLength(100), z.regex(/^((?![<>]).)*$/, 'must not contain < or > or line breaks')),
  ),
);

const settableMessage = `must be one of ${manuallySettableStatuses.join(', ')} (the only statuses set-status moves between)`;

const settableStatus = lazySchema(() =>
  z.enum(paymentLinkStatuses).check(z.refine(isManuallySettable, settableMessage)),
);

/** Input of `paymentLinks.setStatus` and `paymentLinks.setRefundStatus`. */
export const setStatusInput = lazySchema(() =>
  z.strictObject({
    /** The transaction id in connectFi. */
    cFiTransactionId: transactionIdSchema,
    /** The requested status: Error, SentToPay, Completed, Settled, Returned or Declined. */
    status: settableStatus,
    /** Required; `null` allowed; at most 100 characters; no `<` or `>`. */
    description: descriptionSchema,
    /** Omitted: the provider's default `true`, which locks the status against automatic updates. Pass `false` to allow them. */
    manualStatus: z.optional(z.nullable(z.boolean())),
    /** The link's current status when you know it: checked here, never sent. */
    currentStatus: z.optional(
      z
        .enum(paymentLinkStatuses)
        .check(z.refine(isManuallySettable, `the current status ${settableMessage}`)),
    ),
  }),
);

/** Input of `paymentLinks.cancel`. */
export const cancelInput = lazySchema(() =>
  z.strictObject({
    /** The transaction id in connectFi. */
    cFiTransactionId: transactionIdSchema,
    /** The link's current status when you know it: checked here (only Initiated, Sent or Processing can be cancelled), never sent. */
    currentStatus: z.optional(
      z
        .enum(paymentLinkStatuses)
        .check(
          z.refine(isCancellable, `cannot be cancelled: only ${cancellableStatuses.join(', ')} links can`),
        ),
    ),
  }),
);

const dateFilter = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date'),
  );

/**
 * An amount filter: connectFi amounts are US dollars sent as JSON numbers, so the shared
 * decimal-amount rule with 2 decimals applies (0 allowed for a lower bound).
 */
const amountFilter = decimalAmount({ currency: 'USD', allowZero: true, wire: 'number' });

/** Most records one list call may ask for (`greaterNumberOfRecords` beyond). */
export const maxNumberOfRecords = 1000;

/** Filters of `paymentLinks.list` (all optional) and its paging (`numberOfRecords` 1-1000, default 100; `skipRecords`). */
export const listInput = lazySchema(() =>
  z.strictObject({
    cFiTransactionId: z.optional(transactionIdSchema),
    cFiTransactionIds: z.optional(
      z.array(transactionIdSchema).check(z.minLength(1), z.maxLength(maxNumberOfRecords)),
    ),
    status: z.optional(z.enum(paymentLinkStatuses)),
    payerName: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    dateCreateFrom: z.optional(dateFilter),
    dateCreateTo: z.optional(dateFilter),
    dueDateFrom: z.optional(dateFilter),
    dueDateTo: z.optional(dateFilter),
    invoiceNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
    /** Smallest amount, inclusive: dollars as a JSON number (0 allowed, at most 2 decimals). */
    amountFrom: z.optional(amountFilter),
    /** Largest amount, inclusive: dollars as a JSON number (0 allowed, at most 2 decimals). */
    amountTo: z.optional(amountFilter),
    paymentType: z.optional(z.enum(['card', 'ach'])),
    numberOfRecords: z.optional(z.int().check(z.minimum(1), z.maximum(maxNumberOfRecords))),
    skipRecords: z.optional(z.int().check(z.minimum(0))),
  }),
);

/** Input of `paymentLinks.retrieve`. */
export const retrieveInput = lazySchema(() => z.strictObject({ cFiTransactionId: transactionIdSchema }));

const optionalString = lazySchema(() => z.optional(z.nullable(z.string())));

/** The payment object (tolerant: every field but the id and status optional, unknown fields kept). */
export const paymentOutput = lazySchema(() =>
  z.looseObject({
    cFiTransactionId: z.string(),
    cFiAggregatorId: z.optional(z.string()),
    cFiMerchantId: z.optional(z.string()),
    payerName: z.optional(z.string()),
    invoiceNumber: z.optional(z.string()),
    amount: z.optional(z.number()),
    currency: z.optional(z.string()),
    dueDate: z.optional(z.string()),
    description: optionalString,
    status: z.string(),
    fields: z.optional(
      z.array(
        z.looseObject({
          index: z.optional(z.number()),
          code: z.optional(z.string()),
          label: z.optional(z.string()),
          value: optionalString,
        }),
      ),
    ),
    availablePaymentType: z.optional(z.array(z.string())),
    statusChangeHistory: z.optional(
      z.array(
        z.looseObject({
          initiatorId: z.optional(z.string()),
          initiatorType: z.optional(z.string()),
          status: z.optional(z.string()),
          login: z.optional(z.string()),
          description: optionalString,
          dtsCreatedAt: z.optional(z.string()),
          dtsUpdatedAt: z.optional(z.string()),
        }),
      ),
    ),
    dtsCreatedAt: z.optional(z.string()),
    dtsUpdatedAt: z.optional(z.string()),
    dtsExpiredAt: z.optional(z.string()),
    link: z.optional(z.string()),
    url: z.optional(z.string()),
    ach: z.optional(
      z.looseObject({
        payment: z.optional(
          z.looseObject({
            routingNumber: z.optional(z.string()),
            DFIAccountNumber: z.optional(z.string()),
            amount: z.optional(z.number()),
          }),
        ),
        result: z.optional(
          z.looseObject({ cFiTransactionId: z.optional(z.string()), status: z.optional(z.string()) }),
        ),
      }),
    ),
    dtsSentToPayAt: z.optional(z.string()),
    paymentType: z.optional(z.string()),
    manualStatus: z.optional(z.nullable(z.boolean())),
    cFiMerchantRef: z.optional(z.string()),
  }),
);

/** The list call's `data`: an array, or an object holding the array (the shape is not published). */
export const listOutput = lazySchema(() => z.union([z.array(paymentOutput), z.looseObject({})]));

/** Login response `data`. */
export const tokenOutput = lazySchema(() =>
  z.looseObject({
    token: z.string().check(z.minLength(1)),
    dtsExpireAt: z.string(),
  }),
);
