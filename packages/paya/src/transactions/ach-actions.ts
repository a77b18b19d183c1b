import { defineOperation, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { payaAmount, payaId, text } from '../shared/paya-fields.js';
import {
  type PayaTransaction,
  type TransactionRecord,
  toPayaTransaction,
  transactionRecord,
} from './transaction-schemas.js';

const docsUrl = 'https://developers.payaconnect.com/docs/transactions';

/** Paya shows no response for these actions: a transaction envelope is read when there is one. */
const maybeTransaction = lazySchema(() =>
  z.optional(z.nullable(z.looseObject({ transaction: z.optional(z.nullable(transactionRecord)) }))),
);

/**
 * What an ACH follow-up action answers: the transaction, when Paya's answer held one.
 *
 * @example
 * ```ts
 * const { transaction }: PayaAchActionResult = (await paya.transactions.override(transactionId)).unwrap();
 * console.log(transaction?.status);
 * ```
 */
export interface PayaAchActionResult {
  /**
   * The transaction in Paya's answer, decoded; `undefined` when the answer held none (Paya does
   * not document these responses). A value of a shape no transaction has is kept as sent.
   */
  readonly transaction: PayaTransaction | undefined;
}

function result(
  body: { transaction?: TransactionRecord | null | undefined } | null | undefined,
): PayaAchActionResult {
  const record: unknown = body?.transaction;
  if (record === undefined || record === null) return { transaction: undefined };
  // Core keeps a field of an unexpected shape as sent (and warns): it is not decoded.
  const decodable = typeof record === 'object' && !Array.isArray(record);
  return {
    transaction: decodable ? toPayaTransaction(record as TransactionRecord) : (record as PayaTransaction),
  };
}

/** Input of `transactions.override`. */
export const overrideTransactionInput = lazySchema(() => z.strictObject({ id: payaId }));

/**
 * Creates the override Paya asks for when an ACH TEL, POP or Check 21 transaction was answered
 * "Manager Approval Needed": `POST /v2/transactions/{id}/override` with an empty payload. Paya
 * shows no response; the transaction is decoded when the answer holds one.
 *
 * Retry mode `never`: an override creates a transaction and carries no reference to find it
 * by, so after an ambiguous failure list the location's recent transactions before sending
 * again.
 *
 * @example
 * ```ts
 * const override = await paya.transactions.override(transactionId);
 * if (override.isOk()) console.log(override.value.transaction?.status);
 * ```
 */
export const overrideTransaction = defineOperation({
  id: 'paya.transactions.override',
  method: 'POST',
  path: '/v2/transactions/{id}/override',
  summary: 'Override an ACH TEL / POP / C21 transaction answered "Manager Approval Needed".',
  description:
    'Retry mode `never`: the override cannot be found again by a reference. The response is not documented; a transaction envelope is decoded when present.',
  input: overrideTransactionInput,
  output: maybeTransaction,
  retry: 'never',
  positional: 'id',
  docsUrl,
  reference: (input) => input.id,
  toRequest: () => ({ json: {} }),
  fromResponse: (body) => result(body),
});

/** Input of `transactions.achUpdate`: new track data and / or a new amount. */
export const achUpdateInput = z
  .strictObject({
    id: payaId,
    /** The check's MICR line as the terminal read it (sensitive). */
    track_data: z.optional(text(1, 256)),
    /** The corrected amount (Paya's example misspells it `trnsaction_amount`; the SDK sends `transaction_amount`). */
    transaction_amount: z.optional(payaAmount),
  })
  .check(
    z.superRefine((input, context) => {
      if (input.track_data === undefined && input.transaction_amount === undefined)
        context.issues.push({
          code: 'custom',
          input,
          path: ['transaction_amount'],
          message: 'give the new transaction_amount and / or track_data: an update changes one of them',
        });
    }),
  );

/**
 * Re-runs an ACH POP or Check 21 transaction with corrected track data or amount:
 * `POST /v2/transactions/{id}/achupdate`. Paya's rules: only on the same calendar day, and the
 * original must be voided first (by you); when it can no longer be voided, refund it and post a
 * new transaction instead. Paya shows no response; the transaction is decoded when present.
 *
 * Retry mode `never`: it moves money and carries no reference to look it up by.
 *
 * @example
 * ```ts
 * await paya.transactions.void(checkTransactionId);
 * const updated = await paya.transactions.achUpdate(checkTransactionId, { transaction_amount: '34.09' });
 * ```
 */
export const achUpdate = defineOperation({
  id: 'paya.transactions.achUpdate',
  method: 'POST',
  path: '/v2/transactions/{id}/achupdate',
  summary:
    'Re-run a voided same-day ACH POP / C21 transaction with corrected track data or amount (POST /achupdate).',
  description:
    'Retry mode `never`: it moves money and cannot be found again by a reference. Same calendar day only; void the original first.',
  input: achUpdateInput,
  output: maybeTransaction,
  retry: 'never',
  positional: 'id',
  docsUrl,
  reference: (input) => input.id,
  toRequest: ({ id: _id, ...fields }) => ({ json: { transaction: fields } }),
  fromResponse: (body) => result(body),
});
