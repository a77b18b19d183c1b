import { defineOperation } from '@payweave/core';
import * as z from 'zod/mini';
import { payaFlag, payaId } from '../shared/paya-fields.js';
import {
  actionField,
  commonFields,
  type Issue,
  toPayaTransaction,
  transactionEnvelope,
  transactionEnvelopeField,
  withIssues,
} from './transaction-schemas.js';

function editIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const changes = ['contact_id', 'description', 'move_account_vault', 'move_account_vault_transactions'];
  if (!changes.some((field) => input[field] !== undefined))
    issues.push({ path: ['contact_id'], message: `give at least one change: ${changes.join(', ')}` });
  const moving = [input.move_account_vault, input.move_account_vault_transactions].some(
    (flag) => flag === 1 || flag === true,
  );
  if (moving && (typeof input.contact_id !== 'string' || input.contact_id === ''))
    issues.push({
      path: ['contact_id'],
      message: 'is required when moving the account vault: it names the contact it moves to',
    });
  return issues;
}

/** Input of `transactions.edit`: only the fields Paya accepts with `action: "edit"`. */
export const editTransactionInput = z
  .strictObject({
    id: payaId,
    action: actionField('edit'),
    transaction: transactionEnvelopeField,
    /** Contact to link the transaction to (same location); `""` unlinks it. */
    contact_id: z.optional(z.union([payaId, z.literal('')])),
    /** Also move the transaction's account vault to `contact_id`. */
    move_account_vault: z.optional(payaFlag),
    /** Also move every transaction of that account vault to `contact_id`. */
    move_account_vault_transactions: z.optional(payaFlag),
    description: commonFields.description,
  })
  .check(withIssues(editIssues));

/**
 * Changes the bookkeeping fields of a transaction (`PUT /v2/transactions/{id}` with
 * `action: "edit"`): the linked contact (optionally moving its account vault and that vault's
 * transactions along) and the description. Money does not move; retried as safe (the same
 * edit applied twice leaves the same record). A transaction never moves across locations.
 *
 * @example
 * ```ts
 * await paya.transactions.edit(transactionId, { contact_id: contactId, move_account_vault: 1, description: 'moved' });
 * ```
 */
export const editTransaction = defineOperation({
  id: 'paya.transactions.edit',
  method: 'PUT',
  path: '/v2/transactions/{id}',
  summary: 'Change the contact link and description of a transaction (PUT with action edit); no money moves.',
  input: editTransactionInput,
  output: transactionEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl: 'https://developers.payaconnect.com/docs/transactions',
  toRequest: ({ id: _id, action: _action, ...input }) => ({
    json: { transaction: { action: 'edit', ...input } },
  }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});
