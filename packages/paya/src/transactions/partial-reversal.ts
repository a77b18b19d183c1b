import { defineOperation, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { payaAmount, payaId, text } from '../shared/paya-fields.js';
import {
  actionField,
  commonFields,
  toPayaTransaction,
  transactionEnvelope,
  transactionEnvelopeField,
} from './transaction-schemas.js';

/** Input of `transactions.partialReversal`: the auth or sale and the amount it is reduced to. */
export const partialReversalInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    action: actionField('partialReversal'),
    transaction: transactionEnvelopeField,
    /**
     * The final amount the auth or sale is reduced to; less than its current amount, and above
     * zero (reversing all of it is a void: `transactions.void`).
     */
    transaction_amount: payaAmount,
    account_holder_name: z.optional(text(1, 64)),
    description: commonFields.description,
    notification_email_address: commonFields.notification_email_address,
    /** Listed as optional for this action in Paya's matrix (its field table says POST only). */
    transaction_api_id: commonFields.transaction_api_id,
  }),
);

/**
 * Reduces an authorisation or an unsettled sale to a lower final amount:
 * `PUT /v2/transactions/{id}` with `action: "partialreversal"`. `transaction_amount` is the
 * amount it is reduced to (not the amount taken off) and must be less than the current one.
 * Paya's example response shows `status_id` 201 (voided), almost certainly copied from its
 * void example: read `status`, `transaction_amount` and `auth_amount` of the result (or
 * re-read the transaction) rather than assuming.
 *
 * Retry mode `never`, as Paya recommends for PUT actions: after an ambiguous failure
 * (`outcomeUnknown`, `error.reference` is the transaction id) re-read the transaction with
 * `expand: ['is_reversible']` and look at its amount before sending again.
 *
 * @example
 * ```ts
 * const sale = (await paya.transactions.sale({ transaction_amount: '50.00', account_vault_id: vaultId })).unwrap();
 * const reduced = await paya.transactions.partialReversal(sale.id, { transaction_amount: '20.00' });
 * ```
 */
export const partialReversal = defineOperation({
  id: 'paya.transactions.partialReversal',
  method: 'PUT',
  path: '/v2/transactions/{id}',
  summary: 'Reduce an auth or an unsettled sale to a lower final amount (PUT with action partialreversal).',
  description:
    'Retry mode `never`: after an ambiguous failure re-read the transaction before sending again. The amount is the final amount, less than the current one.',
  input: partialReversalInput,
  output: transactionEnvelope,
  retry: 'never',
  positional: 'id',
  docsUrl: 'https://developers.payaconnect.com/docs/transactions',
  reference: (input) => input.id,
  toRequest: ({ id: _id, action: _action, ...input }) => ({
    json: { transaction: { action: 'partialreversal', ...input } },
  }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});
