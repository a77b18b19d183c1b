import {
  defineOperation,
  Ok,
  type OperationContext,
  type PaymentsError,
  type RequestParts,
  type Result,
  type Schema,
} from '@payweave/core';
import { listTransactions } from './list-transactions.js';
import { type PayaTransaction, toPayaTransaction, transactionEnvelope } from './transaction-schemas.js';

const docsUrl = 'https://developers.payaconnect.com/docs/transactions';

/**
 * A client reference for a money-moving create: unique per location, at most 64 characters.
 *
 * @example
 * ```ts
 * const transaction_api_id = newTransactionApiId(); // 'pw-1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'
 * await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId, transaction_api_id });
 * ```
 */
export function newTransactionApiId(): string {
  return `pw-${globalThis.crypto.randomUUID()}`;
}

/** The fields the reference and its lookup read. */
export interface Referenced {
  transaction_api_id?: string | undefined;
  location_id?: string | undefined;
}

/** Fills `transaction_api_id` when the caller gave none. */
export function fillReference<In extends Referenced>(input: In): In {
  return input.transaction_api_id === undefined
    ? { ...input, transaction_api_id: newTransactionApiId() }
    : input;
}

/**
 * After an ambiguous failure, looks the transaction up by its `transaction_api_id`
 * (exact match: Paya may match text filters as substrings).
 */
export async function findByApiId(
  input: Referenced,
  context: OperationContext,
  signal?: AbortSignal,
): Promise<Result<PayaTransaction | undefined, PaymentsError>> {
  const reference = input.transaction_api_id;
  if (reference === undefined) return Ok(undefined);
  // Paya matches the filter as a substring: every page is walked and only equality counts.
  return context.findExact<PayaTransaction>(
    listTransactions,
    {
      transaction_api_id: reference,
      page_size: 10,
      ...(input.location_id === undefined ? {} : { location_id: input.location_id }),
    },
    (transaction) => transaction.transaction_api_id === reference,
    { signal },
  );
}

/** The body of a create: the method's own `action` and `payment_method` (a caller's copy agreed or was refused). */
export function create(action: string, paymentMethod: 'cc' | 'ach') {
  return ({ action: _action, payment_method: _method, ...input }: Record<string, unknown>): RequestParts => ({
    json: { transaction: { action, payment_method: paymentMethod, ...input } },
  });
}

/** What every money-moving create says about its retries. */
export const reconcileNotes =
  'Sent with retry mode `reconcile`: the SDK fills `transaction_api_id` when you do not, and after a timeout, reset or 5xx looks the transaction up by it before any resend.';

/**
 * Declares one money-moving create (`POST /v2/transactions`): they differ only in id,
 * input and body, and all share the reference, the reconcile lookup and the decoding.
 */
export function transactionCreate<Id extends string, In extends Referenced, Shape>(declaration: {
  id: Id;
  summary: string;
  input: Schema<In, Shape>;
  toRequest: (input: In) => RequestParts;
  description?: string;
  guard?: (input: In, context: OperationContext) => Promise<PaymentsError | undefined>;
}) {
  return defineOperation({
    method: 'POST',
    path: '/v2/transactions',
    output: transactionEnvelope,
    retry: 'reconcile',
    docsUrl,
    prepare: fillReference,
    fromResponse: (body) => toPayaTransaction(body.transaction),
    reconcile: findByApiId,
    reference: (input: Referenced) => input.transaction_api_id,
    ...declaration,
    description: declaration.description ?? reconcileNotes,
  });
}
