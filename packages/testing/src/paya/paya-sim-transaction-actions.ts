// The transaction actions beyond sale / auth / complete / void / refund, from
// `Endpoints/Transactions/README.md` of PayaDev/PayaConnect: `authincrement`, `partialreversal` and
// `edit` (PUT /v2/transactions/{id}), and the ACH follow-ups `POST /v2/transactions/{id}/override`
// and `POST /v2/transactions/{id}/achupdate`. (`force` is a POST /v2/transactions action.)
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { FieldErrors, statusError, toCents } from './paya-sim-errors.js';
import type { PayaSimState, SimTransaction } from './paya-sim-state.js';
import { createTransaction, type TransactionContext, transactionEvent } from './paya-sim-transactions.js';

/** Fields Paya accepts with `action: "edit"` (its README: "only the fields depicted"). */
const editFields = new Set([
  'action',
  'contact_id',
  'move_account_vault',
  'move_account_vault_transactions',
  'description',
  'tags',
]);

function isOn(value: unknown): boolean {
  return value === 1 || value === '1' || value === true;
}

function amountOf(input: Record<string, unknown>, errors: FieldErrors, action: string): number | undefined {
  if (input.transaction_amount === undefined) {
    errors.add('transaction_amount', 'Transaction Amount cannot be blank.');
    return undefined;
  }
  const cents = toCents(input.transaction_amount);
  if (cents === undefined) {
    errors.add('transaction_amount', 'Transaction Amount must be a number with at most 2 decimals.');
    return undefined;
  }
  if (cents === 0) {
    errors.add(
      'transaction_amount',
      action === 'authincrement'
        ? 'Transaction amount must be greater than zero for the following actions: [sale, authonly, authcomplete, authincrement, debit, credit, refund, tipadjust]'
        : 'Transaction Amount must be greater than zero: reverse the whole amount with a void.',
    );
    return undefined;
  }
  return cents;
}

function authIncrement(record: SimTransaction, input: Record<string, unknown>, errors: FieldErrors): void {
  if (record.payment_method !== 'cc' || record.status_id !== 102)
    errors.add('action', 'Transaction cannot be incremented: it is not an open auth-only transaction.');
  const cents = amountOf(input, errors, 'authincrement');
  // Paya's example: an auth of 1.00 incremented with 100.00 reads transaction_amount "100.00",
  // auth_amount "1.00", still 102: the amount is the new total (not stated as a rule).
  if (cents !== undefined && cents <= record.amount_cents)
    errors.add('transaction_amount', 'Transaction Amount must be greater than the current amount.');
  if (errors.any || cents === undefined) return;
  record.amount_cents = cents;
}

function partialReversal(record: SimTransaction, input: Record<string, unknown>, errors: FieldErrors): void {
  const reversible =
    record.payment_method === 'cc' &&
    (record.status_id === 101 || record.status_id === 102) &&
    record.settle_date === null;
  if (!reversible)
    errors.add(
      'action',
      'Transaction cannot be reversed: it is settled, declined, voided or not a card auth/sale.',
    );
  const cents = amountOf(input, errors, 'partialreversal');
  if (cents !== undefined && cents >= record.amount_cents)
    errors.add('transaction_amount', 'Transaction Amount must be less than the original amount.');
  if (errors.any || cents === undefined) return;
  record.amount_cents = cents;
  record.auth_cents = Math.min(record.auth_cents, cents);
}

function edit(
  state: PayaSimState,
  record: SimTransaction,
  input: Record<string, unknown>,
  errors: FieldErrors,
): void {
  for (const key of Object.keys(input))
    if (!editFields.has(key)) errors.add(key, `${key} is not allowed for the edit action.`);
  let contactId: string | null | undefined;
  if (input.contact_id === '' || input.contact_id === null) contactId = null;
  else if (input.contact_id !== undefined) {
    const contact = state.contactsById.get(String(input.contact_id));
    if (!contact || contact.deleted || contact.data.location_id !== record.location_id)
      errors.add(
        'contact_id',
        'contact_id provided is not valid (it must belong to the transaction location).',
      );
    else contactId = String(contact.data.id);
  }
  const moveVault = isOn(input.move_account_vault) || isOn(input.move_account_vault_transactions);
  if (moveVault && !contactId)
    errors.add('contact_id', 'A contact_id is required to move the account vault.');
  if (moveVault && record.account_vault_id === null)
    errors.add('move_account_vault', 'The transaction has no account vault to move.');
  if (typeof input.description === 'string' && input.description.length > 64)
    errors.add('description', 'Description should contain at most 64 characters.');
  if (errors.any) return;
  if (contactId !== undefined) record.contact_id = contactId;
  if (typeof input.description === 'string') record.description = input.description;
  if (moveVault && record.account_vault_id !== null) {
    const vault = state.accountVaultsById.get(record.account_vault_id);
    if (vault) vault.data.contact_id = contactId;
    if (isOn(input.move_account_vault_transactions)) {
      for (const other of state.transactions)
        if (other.account_vault_id === record.account_vault_id) other.contact_id = contactId ?? null;
    }
  }
}

/**
 * Applies `authincrement`, `partialreversal` or `edit` to a transaction (PUT), or refuses it:
 * the field errors of the 422, or `undefined` when the record was changed.
 */
export function applyUpdateAction(
  state: PayaSimState,
  record: SimTransaction,
  input: Record<string, unknown>,
  now: number,
): FieldErrors | undefined {
  const errors = new FieldErrors();
  if (input.action === 'authincrement') authIncrement(record, input, errors);
  else if (input.action === 'partialreversal') partialReversal(record, input, errors);
  else if (input.action === 'edit') edit(state, record, input, errors);
  else errors.add('action', 'Action must be authcomplete, authincrement, partialreversal, void or edit.');
  if (errors.any) return errors;
  if (input.action !== 'edit' && typeof input.description === 'string')
    record.description = input.description;
  record.modified_ts = now;
  return undefined;
}

const checkCodes = new Set(['TEL', 'POP', 'C21']);

function dateOf(now: number): string {
  return new Date(now * 1000).toISOString().slice(0, 10);
}

/** A new ACH debit in place of `original` (same account, through `previous_transaction_id`). */
function replacement(
  state: PayaSimState,
  context: TransactionContext,
  original: SimTransaction,
  amountCents: number | undefined,
  extra: Record<string, unknown>,
): SimResponse {
  const body = {
    transaction: {
      action: 'debit',
      payment_method: 'ach',
      location_id: original.location_id,
      product_transaction_id: original.product_transaction_id,
      ach_sec_code: original.ach_sec_code,
      previous_transaction_id: original.id,
      transaction_amount: ((amountCents ?? original.amount_cents) / 100).toFixed(2),
      ...extra,
    },
  };
  const request: SimRequest = {
    method: 'POST',
    path: '/v2/transactions',
    params: {},
    query: new URLSearchParams(),
    headers: {},
    body,
    rawBody: JSON.stringify(body),
  };
  return createTransaction(request, state, context);
}

function override(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const original = state.transactionsById.get(request.params.id ?? '');
  if (!original) return statusError(404, 'Transaction not found.');
  const errors = new FieldErrors();
  if (original.payment_method !== 'ach' || !checkCodes.has(original.ach_sec_code ?? ''))
    errors.add('id', 'Override is only for ACH TEL, POP and C21 transactions.');
  else if (original.status_id !== 131)
    errors.add('id', 'Transaction cannot be overridden: it is no longer pending origination.');
  if (errors.any) return errors.response();
  // "void the previous transaction and input a new transaction in its place".
  const now = context.now();
  original.status_id = 201;
  original.reason_code_id = 1200;
  original.void_date = dateOf(now);
  original.modified_ts = now;
  context.postback?.(state, transactionEvent(state, original, 'UPDATE', context.baseUrl()));
  return replacement(state, context, original, undefined, {});
}

function achUpdate(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const original = state.transactionsById.get(request.params.id ?? '');
  if (!original) return statusError(404, 'Transaction not found.');
  const input = ((request.body as { transaction?: unknown } | undefined)?.transaction ?? {}) as Record<
    string,
    unknown
  >;
  const errors = new FieldErrors();
  if (
    original.payment_method !== 'ach' ||
    (original.ach_sec_code !== 'POP' && original.ach_sec_code !== 'C21')
  )
    errors.add('id', 'Update is only for ACH POP and C21 transactions.');
  if (dateOf(original.created_ts) !== dateOf(context.now()))
    errors.add('id', 'Updates can only be made on the same calendar day.');
  if (original.status_id !== 201) errors.add('id', 'Void the original transaction before updating it.');
  let cents: number | undefined;
  if (input.transaction_amount !== undefined) {
    cents = toCents(input.transaction_amount);
    if (cents === undefined || cents === 0)
      errors.add(
        'transaction_amount',
        'Transaction Amount must be a positive number with at most 2 decimals.',
      );
  }
  if (input.transaction_amount === undefined && input.track_data === undefined)
    errors.add('transaction_amount', 'Transaction Amount or Track Data is required.');
  if (errors.any) return errors.response();
  return replacement(
    state,
    context,
    original,
    cents,
    typeof input.track_data === 'string' ? { track_data: input.track_data } : {},
  );
}

/** `POST /v2/transactions/{id}/override` and `POST /v2/transactions/{id}/achupdate`. */
export function transactionActionRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/transactions/:id/override',
      handle: (request, state) => override(request, state, context),
    },
    {
      method: 'POST',
      path: '/v2/transactions/:id/achupdate',
      handle: (request, state) => achUpdate(request, state, context),
    },
  ];
}
