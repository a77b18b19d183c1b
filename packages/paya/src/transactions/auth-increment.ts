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

/** Input of `transactions.authIncrement`: the auth-only transaction and its new total. */
export const authIncrementInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    action: actionField('authIncrement'),
    transaction: transactionEnvelopeField,
    /**
     * The amount the authorisation should now cover. Paya does not say whether this is the
     * increment or the new total; its example (an auth of 1.00 answered with
     * `transaction_amount` "100.00" after sending 100.00) fits only the new total.
     */
    transaction_amount: payaAmount,
    /** Card expiry `MMYY`, when the processor asks for it again. */
    exp_date: z.optional(z.string().check(z.regex(/^(0[1-9]|1[0-2])\d{2}$/, 'must be MMYY'))),
    description: commonFields.description,
    order_num: commonFields.order_num,
    account_holder_name: z.optional(text(1, 64)),
    notification_email_address: commonFields.notification_email_address,
    /** Listed as optional for this action in Paya's matrix (its field table says POST only). */
    transaction_api_id: commonFields.transaction_api_id,
  }),
);

/**
 * Raises the amount of an auth-only transaction: `PUT /v2/transactions/{id}` with
 * `action: "authincrement"`. The transaction stays auth-only (complete or void it afterwards).
 *
 * Retry mode `never`: Paya does not say whether the amount is an increment or the new total,
 * so a resend after a lost answer could raise the hold twice. After an ambiguous failure
 * (`outcomeUnknown`, `error.reference` is the transaction id) re-read the transaction
 * (`transactions.retrieve(id, { expand: ['is_completable'] })`) and compare its amount before
 * sending again.
 *
 * @example
 * ```ts
 * const auth = (await paya.transactions.authOnly({ transaction_amount: '1.00', account_vault_id: vaultId })).unwrap();
 * const raised = await paya.transactions.authIncrement(auth.id, { transaction_amount: '100.00' });
 * ```
 */
export const authIncrement = defineOperation({
  id: 'paya.transactions.authIncrement',
  method: 'PUT',
  path: '/v2/transactions/{id}',
  summary:
    'Raise the amount of an auth-only transaction (PUT with action authincrement); it stays auth-only.',
  description:
    'Retry mode `never`: after an ambiguous failure re-read the transaction and compare its amount before sending again (whether the amount is an increment or the new total is not documented; the example fits the new total).',
  input: authIncrementInput,
  output: transactionEnvelope,
  retry: 'never',
  positional: 'id',
  docsUrl: 'https://developers.payaconnect.com/docs/transactions',
  reference: (input) => input.id,
  toRequest: ({ id: _id, action: _action, ...input }) => ({
    json: { transaction: { action: 'authincrement', ...input } },
  }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});
