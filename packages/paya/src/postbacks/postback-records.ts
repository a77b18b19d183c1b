import { decorateRecord, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { type TransactionBatchStatusName, transactionBatchStatusName } from './transaction-batch-status.js';

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const nullableNumber = lazySchema(() => z.optional(z.nullable(z.number())));
/** Paya writes its flags as `1`, `"1"`, `0`, `"0"` or booleans, depending on the endpoint and its age. */
const wireFlag = lazySchema(() => z.optional(z.nullable(z.union([z.number(), z.string(), z.boolean()]))));

/**
 * Reads one of Paya's flags: `1`, `"1"` and `true` are on, `0`, `"0"` and `false` off,
 * anything else (absent, null, another shape) `undefined`.
 *
 * @example
 * ```ts
 * payaFlagValue('1'); // true
 * payaFlagValue(0); // false
 * payaFlagValue(null); // undefined
 * ```
 */
export function payaFlagValue(value: unknown): boolean | undefined {
  if (value === 1 || value === '1' || value === true) return true;
  if (value === 0 || value === '0' || value === false) return false;
  return undefined;
}

/**
 * An account vault (stored card or bank account) as Paya sends it in a postback: the
 * documented fields typed, every other field kept. Paya never sends the account number.
 */
export const accountVaultRecord = lazySchema(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    payment_method: nullableText,
    title: nullableText,
    account_holder_name: nullableText,
    first_six: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    last_four: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    exp_date: nullableText,
    account_type: nullableText,
    location_id: nullableText,
    contact_id: nullableText,
    account_vault_api_id: nullableText,
    customer_id: nullableText,
    ach_sec_code: nullableText,
    expiring_in_months: nullableNumber,
    has_recurring: wireFlag,
    active: wireFlag,
    created_ts: nullableNumber,
    modified_ts: nullableNumber,
  }),
);

/** An account vault as Paya sends it (every field as sent). */
export type PayaAccountVault = z.output<typeof accountVaultRecord>;

/**
 * A transaction batch as Paya sends it in a postback (`transactionbatch` resource): the
 * documented fields typed, every other field (`changelogs` and other expands) kept.
 */
export const transactionBatchRecord = lazySchema(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    batch_num: z.optional(z.nullable(z.union([z.number(), z.string()]))),
    product_transaction_id: nullableText,
    processing_status_id: nullableNumber,
    is_open: wireFlag,
    created_ts: nullableNumber,
    batch_close_ts: nullableNumber,
    settlement_file_name: nullableText,
    status_message: nullableText,
    changelogs: z.optional(z.nullable(z.array(z.unknown()))),
  }),
);

/** A transaction batch as Paya sends it. */
export type TransactionBatchRecord = z.output<typeof transactionBatchRecord>;

/**
 * A Paya transaction batch: every field as sent, plus `processing_status` (the decoded
 * `processing_status_id`) and `open` (the decoded `is_open`).
 */
export type PayaTransactionBatch = TransactionBatchRecord & {
  /** `processing_status_id` by name (`toSettle`, `settled`, `error`, ...). */
  readonly processing_status: TransactionBatchStatusName;
  /** `is_open` as a boolean; `undefined` when Paya did not say. */
  readonly open: boolean | undefined;
};

/** Adds the decoded status and `open` flag to a batch, to the record itself (returned): records are decoded as they are parsed. */
export function toPayaTransactionBatch(record: TransactionBatchRecord): PayaTransactionBatch {
  return decorateRecord(record, {
    processing_status: transactionBatchStatusName(record.processing_status_id),
    open: payaFlagValue(record.is_open),
  });
}
