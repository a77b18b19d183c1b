import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  altIdSchema,
  altTypeSchema,
  dayFilterSchema,
  idSchema,
  limitSchema,
  offsetSchema,
  openObject,
} from '../common-schemas.js';

/**
 * A transaction or subscription `status`: the spec types it as an object, the live API
 * sends a string (`succeeded`, `active`); both are accepted.
 */
export const liveStatusSchema = lazySchema(() => z.union([z.string(), openObject]));

/** Input of `transactions.list` (`GET /payments/transactions`). */
export const listTransactionsInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    locationId: z.optional(idSchema),
    paymentMode: z.optional(z.string().check(z.maxLength(16))),
    startAt: z.optional(dayFilterSchema),
    endAt: z.optional(dayFilterSchema),
    entitySourceType: z.optional(z.string().check(z.maxLength(64))),
    entitySourceSubType: z.optional(z.string().check(z.maxLength(64))),
    search: z.optional(z.string().check(z.maxLength(256))),
    subscriptionId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    entityId: z.optional(idSchema),
    contactId: z.optional(idSchema),
    limit: z.optional(limitSchema),
    offset: z.optional(offsetSchema),
  }),
);

/** Input of `transactions.retrieve`. */
export const retrieveTransactionInput = lazySchema(() =>
  z.strictObject({
    transactionId: idSchema,
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    locationId: z.optional(idSchema),
  }),
);

/** A transaction (`TxnResponseSchema` / `GetTxnResponseSchema`); unknown fields are kept. */
export const transactionSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    contactId: z.optional(z.string()),
    contactName: z.optional(z.string()),
    contactEmail: z.optional(z.string()),
    currency: z.optional(z.string()),
    amount: z.optional(z.number()),
    amountRefunded: z.optional(z.number()),
    status: z.optional(liveStatusSchema),
    liveMode: z.optional(z.boolean()),
    entityType: z.optional(z.string()),
    entityId: z.optional(z.string()),
    entitySourceType: z.optional(z.string()),
    entitySourceSubType: z.optional(z.string()),
    entitySourceName: z.optional(z.string()),
    entitySourceId: z.optional(z.string()),
    subscriptionId: z.optional(z.string()),
    chargeId: z.optional(z.string()),
    paymentProviderType: z.optional(z.string()),
    traceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** `ListTxnsResponseDto`. */
export const transactionListSchema = lazySchema(() =>
  z.looseObject({
    data: z.array(transactionSchema),
    totalCount: z.number(),
  }),
);

/** A transaction. */
export type Transaction = z.infer<typeof transactionSchema>;
/** A page of transactions. */
export type TransactionList = z.infer<typeof transactionListSchema>;
