import * as z from 'zod/mini';
import { payaAmount, payaFlag } from '../shared/paya-fields.js';
import { create, reconcileNotes, transactionCreate } from './transaction-create.js';
import {
  actionField,
  cardFields,
  cardSourceIssues,
  commonFields,
  paymentMethodField,
  withIssues,
} from './transaction-schemas.js';

/**
 * Input of `transactions.force`: a card source, the amount and the six-character `auth_code`
 * the issuer gave outside the gateway (`action: 'force'`, `payment_method: 'cc'` may be given).
 */
export const forceInput = z
  .strictObject({
    action: actionField('force'),
    payment_method: paymentMethodField('force', 'cc'),
    transaction_amount: payaAmount,
    /** The authorisation code obtained by voice or offline: exactly 6 characters. */
    auth_code: z
      .string()
      .check(
        z.regex(
          /^[A-Za-z0-9]{6}$/,
          'must be the 6-character authorisation code the issuer gave (letters and digits)',
        ),
      ),
    /** Whether the card was present (Paya defaults it when absent). */
    card_present: z.optional(payaFlag),
    ...commonFields,
    ...cardFields,
  })
  .check(withIssues(cardSourceIssues));

/**
 * Posts a card sale that was authorised outside the gateway (a voice or offline
 * authorisation): `POST /v2/transactions` with `action: "force"` and the issuer's `auth_code`.
 * Paya answers with `reason_code_id` 1002 (`forced`); the `status_id` / `type_id` of a forced
 * transaction are not documented (an approved sale, 101 / 20, is expected). It moves money,
 * so it carries a `transaction_api_id` (filled when absent) and reconciles through it like a
 * sale: after a timeout, reset or 5xx the transaction is looked up before any resend.
 *
 * @example
 * ```ts
 * const forced = await paya.transactions.force({
 *   transaction_amount: '42.00',
 *   auth_code: 'A1B2C3',
 *   account_vault_id: vaultId,
 * });
 * if (forced.isOk()) console.log(forced.value.reason); // 'forced'
 * ```
 */
export const force = transactionCreate({
  id: 'paya.transactions.force',
  summary:
    'Post a card sale authorised outside the gateway (voice / offline auth) with its 6-character auth_code (reason `forced`).',
  description: `${reconcileNotes} Paya documents force in its action matrix only (no example): the resulting status and type are not stated.`,
  input: forceInput,
  toRequest: create('force', 'cc'),
});
