import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { assignBatch } from './paya-sim-batches.js';
import { FieldErrors, formatCents, statusError, toCents } from './paya-sim-errors.js';
import type { SimPostbackAction, SimPostbackEvent } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import {
  type PayaSimState,
  payaSimulatorDefaults,
  type SimLocation,
  type SimTransaction,
} from './paya-sim-state.js';
import { applyUpdateAction } from './paya-sim-transaction-actions.js';
import { accountVaultOf, chargedVault, saveAccount, vaultAccount } from './paya-sim-vaults.js';

/** What the transaction routes need from the simulator. */
export interface TransactionContext {
  /** Unix seconds. */
  now(): number;
  /** The simulator's base URL (for `_links`). */
  baseUrl(): string;
  /** Posts a change to the matching postback configs (absent: nothing is posted). */
  postback?(state: PayaSimState, event: SimPostbackEvent): void;
}

const secCodes = new Set(['PPD', 'CCD', 'WEB', 'TEL', 'POP', 'C21']);
const postActions = new Set(['sale', 'authonly', 'avsonly', 'refund', 'debit', 'credit', 'force']);
const validAvsStreet = '5800 NW 39th AVE';
const validAvsZip = '32606';

const statusTitles: Record<number, string> = {
  101: 'Sale Cc Approved',
  102: 'Sale Cc AuthOnly',
  111: 'Refund Cc Refunded',
  121: 'Credit/Debit/Refund Cc AvsOnly',
  131: 'Credit/Debit/Refund Ach Pending Origination',
  132: 'Credit/Debit/Refund Ach Originating',
  133: 'Credit/Debit/Refund Ach Originated',
  134: 'Credit/Debit/Refund Ach Settled',
  135: 'Reserved',
  136: 'Credit/Debit/Refund Ach Rejected',
  201: 'All Voided',
  301: 'All Declined',
  331: 'Charged Back',
};

/** Reads a transaction field for filters and sorting (amounts in cents). */
export function readTransaction(record: SimTransaction, field: string): unknown {
  switch (field) {
    case 'transaction_amount':
      return record.amount_cents;
    case 'auth_amount':
      return record.auth_cents;
    case 'amount_cents':
    case 'auth_cents':
    case 'refunded_cents':
    case 'extra':
      return undefined;
    default:
      return field in record ? (record as unknown as Record<string, unknown>)[field] : record.extra?.[field];
  }
}

const transactionFilters: FilterSpec<SimTransaction> = {
  read: readTransaction,
  text: new Set(['account_holder_name', 'description', 'billing_street', 'billing_city', 'verbiage']),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(['transaction_amount', 'auth_amount']),
};

/** The wire record Paya sends for a transaction. */
export function transactionToWire(record: SimTransaction, baseUrl: string): Record<string, unknown> {
  const extra = record.extra ?? {};
  return {
    id: record.id,
    payment_method: record.payment_method,
    account_vault_id: record.account_vault_id,
    recurring_id: record.recurring_id ?? null,
    first_six: record.first_six,
    last_four: record.last_four,
    account_holder_name: record.account_holder_name,
    transaction_amount: formatCents(record.amount_cents),
    description: record.description,
    transaction_code: null,
    avs: record.avs,
    batch: record.batch_num ? String(record.batch_num) : null,
    order_num: record.order_num,
    verbiage: record.verbiage,
    transaction_settlement_status: null,
    effective_date: extra.effective_date ?? null,
    routing: record.routing,
    return_date: null,
    created_ts: record.created_ts,
    modified_ts: record.modified_ts,
    transaction_api_id: record.transaction_api_id,
    notification_email_address: extra.notification_email_address ?? null,
    auth_amount: formatCents(record.auth_cents),
    auth_code: record.auth_code,
    status_id: record.status_id,
    type_id: record.type_id,
    location_id: record.location_id,
    reason_code_id: record.reason_code_id,
    contact_id: record.contact_id,
    billing_zip: extra.billing_zip ?? null,
    billing_street: extra.billing_street ?? null,
    billing_city: extra.billing_city ?? null,
    billing_state: extra.billing_state ?? null,
    billing_phone: extra.billing_phone ?? null,
    product_transaction_id: record.product_transaction_id,
    previous_transaction_id: record.previous_transaction_id,
    tax: extra.tax === undefined ? '0.00' : formatCents(toCents(extra.tax) ?? 0),
    tip_amount: extra.tip_amount === undefined ? '0.00' : formatCents(toCents(extra.tip_amount) ?? 0),
    po_number: extra.po_number ?? null,
    customer_id: extra.customer_id ?? null,
    avs_enhanced: record.avs === 'GOOD' ? 'Y' : record.avs === 'BAD' ? 'N' : null,
    cvv_response: record.payment_method === 'cc' && extra.cvv !== undefined ? 'M' : null,
    created_user_id: payaSimulatorDefaults.userRecordId,
    modified_user_id: payaSimulatorDefaults.userRecordId,
    check_number: extra.check_number ?? null,
    settle_date: record.settle_date,
    charge_back_date: null,
    void_date: record.void_date,
    account_type: record.account_type,
    is_recurring: Boolean(record.recurring_id),
    is_accountvault: record.account_vault_id !== null,
    transaction_c1: extra.transaction_c1 ?? null,
    transaction_c2: extra.transaction_c2 ?? null,
    transaction_c3: extra.transaction_c3 ?? null,
    additional_amounts: [],
    entry_mode_id: 'K',
    ach_sec_code: record.ach_sec_code,
    custom_data: extra.custom_data ?? null,
    paylink_id: record.paylink_id,
    quick_invoice_id: typeof extra.quick_invoice_id === 'string' ? extra.quick_invoice_id : null,
    transaction_batch_id: record.transaction_batch_id ?? null,
    trx_source_id: typeof extra.trx_source_id === 'number' ? extra.trx_source_id : 12,
    _links: { self: { href: `${baseUrl}/v2/transactions/${record.id}` } },
  };
}

function isVoidable(record: SimTransaction): boolean {
  if (record.payment_method === 'cc')
    return (record.status_id === 101 || record.status_id === 102) && record.settle_date === null;
  return record.status_id === 131;
}

function isRefundable(record: SimTransaction): boolean {
  if (record.refunded_cents >= record.amount_cents) return false;
  if (record.payment_method === 'cc')
    return record.type_id === 20 && record.status_id === 101 && record.settle_date !== null;
  return record.type_id === 50 && record.status_id >= 131 && record.status_id <= 134;
}

/** Adds the related records `expand` names to a transaction's wire record. */
export function expandTransaction(
  state: PayaSimState,
  record: SimTransaction,
  wire: Record<string, unknown>,
  expand: string | null,
): Record<string, unknown> {
  if (!expand) return wire;
  for (const name of expand.split(',')) {
    if (name === 'contact')
      wire.contact = record.contact_id ? (state.contactsById.get(record.contact_id)?.data ?? null) : null;
    else if (name === 'location')
      wire.location = locationSummary(state.locations.find((location) => location.id === record.location_id));
    else if (name === 'product_transaction') {
      const location = state.locations.find((candidate) => candidate.id === record.location_id);
      const found = location?.product_transactions.find(
        (candidate) => candidate.id === record.product_transaction_id,
      );
      wire.product_transaction = found
        ? {
            id: found.id,
            payment_method: found.payment_method,
            title: found.title,
            processor: found.processor,
          }
        : null;
    } else if (name === 'is_voidable') wire.is_voidable = isVoidable(record);
    else if (name === 'is_refundable') wire.is_refundable = isRefundable(record);
    else if (name === 'is_completable') wire.is_completable = record.status_id === 102;
    else if (name === 'is_reversible')
      wire.is_reversible =
        record.payment_method === 'cc' &&
        (record.status_id === 101 || record.status_id === 102) &&
        record.settle_date === null;
    else if (name === 'is_settled') wire.is_settled = record.settle_date !== null;
    else if (name === 'reason_code')
      wire.reason_code = { id: record.reason_code_id, code: record.verbiage, description: record.verbiage };
    else if (name === 'status')
      wire.status = {
        id: record.status_id,
        code: record.status_id,
        title: statusTitles[record.status_id] ?? '',
      };
    else if (name === 'type') wire.type = { id: record.type_id, code: record.type_id };
    else if (name === 'tags' || name === 'transaction_histories') wire[name] = [];
    else if (name === 'created_user')
      wire.created_user = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
    else if (name === 'account_vault')
      wire.account_vault = accountVaultOf(state, record.account_vault_id, record.modified_ts);
  }
  return wire;
}

function locationSummary(location: SimLocation | undefined): Record<string, unknown> | null {
  return location
    ? { id: location.id, name: location.name, city: location.city, state: location.state, zip: location.zip }
    : null;
}

function dateOf(now: number): string {
  return new Date(now * 1000).toISOString().slice(0, 10);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const knownColumns = new Set([
  'action',
  'payment_method',
  'location_id',
  'product_transaction_id',
  'transaction_amount',
  'transaction_api_id',
  'order_num',
  'description',
  'contact_id',
  'contact_api_id',
  'previous_transaction_id',
  'account_vault_id',
  'account_vault_api_id',
  'account_number',
  'exp_date',
  'track_data',
  'routing',
  'account_holder_name',
  'account_type',
  'ach_sec_code',
]);

function extraOf(body: Record<string, unknown>): Record<string, unknown> | null {
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(body)) {
    // Sensitive identity fields are not echoed back, as Paya does not.
    if (
      knownColumns.has(key) ||
      key === 'ssn4' ||
      key === 'dob_year' ||
      key === 'dl_number' ||
      key === 'dl_state'
    )
      continue;
    extra[key] = value;
    any = true;
  }
  return any ? extra : null;
}

/** Stores a transaction and indexes it. */
export function storeTransaction(state: PayaSimState, record: SimTransaction): void {
  state.transactions.push(record);
  state.transactionsById.set(record.id, record);
  assignBatch(state, record);
  if (record.transaction_api_id !== null)
    state.transactionApiIds.set(`${record.location_id}|${record.transaction_api_id}`, record);
}

/** The postback event of a transaction change: its wire record (with the config's expands) as it is now. */
export function transactionEvent(
  state: PayaSimState,
  record: SimTransaction,
  action: SimPostbackAction,
  baseUrl: string,
): SimPostbackEvent {
  return {
    resource: 'transaction',
    action,
    location_id: record.location_id,
    product_transaction_id: record.product_transaction_id,
    data: (expands) => expandTransaction(state, record, transactionToWire(record, baseUrl), expands || null),
  };
}

function orderNumber(): string {
  return String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
}

/** `POST /v2/transactions`: checks, runs and stores one transaction (hosted PayForm submissions go through it too). */
export function createTransaction(
  request: SimRequest,
  state: PayaSimState,
  context: TransactionContext,
): SimResponse {
  const envelope = request.body;
  if (typeof envelope !== 'object' || envelope === null)
    return statusError(400, 'Unable to parse the request body as JSON.');
  const body = (envelope as { transaction?: unknown }).transaction;
  if (typeof body !== 'object' || body === null)
    return json(422, { errors: { transaction: ['transaction is required.'] } });
  const input = body as Record<string, unknown>;
  const errors = new FieldErrors();
  const action = str(input.action);
  if (
    action === 'void' ||
    action === 'authcomplete' ||
    action === 'authincrement' ||
    action === 'partialreversal'
  ) {
    errors.add('action', `${action} is sent as PUT /v2/transactions/{id}.`);
    return errors.response();
  }
  if (!action || !postActions.has(action)) {
    errors.add('action', 'Action is invalid.');
    return errors.response();
  }
  // force posts a sale authorised outside the gateway: the issuer's 6-character auth_code is required.
  if (action === 'force' && (typeof input.auth_code !== 'string' || input.auth_code.length !== 6))
    errors.add('auth_code', 'Auth Code is required on force transactions and must be 6 characters.');
  const method = input.payment_method;
  if (method !== 'cc' && method !== 'ach') {
    errors.add('payment_method', 'Payment Method must be cc or ach.');
    return errors.response();
  }
  if ((action === 'debit' || action === 'credit') && method !== 'ach')
    errors.add('payment_method', `${action} is an ACH action.`);
  if (
    (action === 'sale' || action === 'authonly' || action === 'avsonly' || action === 'force') &&
    method !== 'cc'
  )
    errors.add('payment_method', `${action} is a card action.`);

  const locationId = str(input.location_id);
  const location = locationId
    ? state.locations.find((candidate) => candidate.id === locationId)
    : state.locations[0];
  if (!location) {
    errors.add('location_id', 'location_id provided is not valid');
    return errors.response();
  }
  if (
    method === 'ach' &&
    !location.product_transactions.some((product) => product.payment_method === 'ach')
  ) {
    return statusError(403, 'ACH is not enabled for this location.');
  }
  const productId =
    str(input.product_transaction_id) ?? (method === 'cc' ? (location.default_cc ?? undefined) : undefined);
  const product = location.product_transactions.find((candidate) => candidate.id === productId);
  if (!productId) errors.add('product_transaction_id', 'Product Transaction Id cannot be blank.');
  else if (!product) errors.add('product_transaction_id', 'product_transaction_id provided is not valid');
  else if (product.payment_method !== method)
    errors.add('product_transaction_id', `Product Transaction is not a ${method} product.`);

  const amount = toCents(input.transaction_amount);
  if (input.transaction_amount === undefined)
    errors.add('transaction_amount', 'Transaction Amount cannot be blank.');
  else if (amount === undefined)
    errors.add('transaction_amount', 'Transaction Amount must be a number with at most 2 decimals.');
  else if (amount === 0 && action !== 'avsonly')
    errors.add('transaction_amount', 'Transaction Amount must be greater than 0.');

  const apiId = input.transaction_api_id;
  if (apiId !== undefined && apiId !== null) {
    if (typeof apiId !== 'string' || apiId.length > 64)
      errors.add('transaction_api_id', 'Transaction Api Id should contain at most 64 characters.');
    else if (state.transactionApiIds.has(`${location.id}|${apiId}`))
      errors.add('transaction_api_id', `Transaction Api Id "${apiId}" has already been taken.`);
  }
  if (typeof input.description === 'string' && input.description.length > 64)
    errors.add('description', 'Description should contain at most 64 characters.');
  if (typeof input.order_num === 'string' && input.order_num.length > 32)
    errors.add('order_num', 'Order Num should contain at most 32 characters.');

  let contactId: string | null = null;
  if (str(input.contact_id)) {
    const contact = state.contactsById.get(str(input.contact_id)!);
    if (!contact || contact.deleted) errors.add('contact_id', 'contact_id provided is not valid');
    else contactId = String(contact.data.id);
  } else if (str(input.contact_api_id)) {
    const contact = state.contacts.find(
      (candidate) =>
        !candidate.deleted &&
        candidate.data.location_id === location.id &&
        candidate.data.contact_api_id === input.contact_api_id,
    );
    if (!contact) errors.add('contact_api_id', 'contact_api_id provided is not valid');
    else contactId = String(contact.data.id);
  }

  let previous: SimTransaction | undefined;
  if (str(input.previous_transaction_id)) {
    previous = state.transactionsById.get(str(input.previous_transaction_id)!);
    if (!previous || previous.location_id !== location.id)
      errors.add('previous_transaction_id', 'Previous Transaction Id is invalid.');
  }

  let firstSix: string | null = null;
  let lastFour: string | null = null;
  let routing: string | null = null;
  let holder = str(input.account_holder_name) ?? null;
  let accountType = str(input.account_type) ?? null;
  // A charge through a stored vault uses the vault's account (unknown, deleted or of the other method: 422).
  const charged = chargedVault(state, location.id, input, method);
  if (charged && 'message' in charged) errors.add(charged.field, charged.message);
  const vault = charged && 'vault' in charged ? vaultAccount(charged.vault) : undefined;
  const vaultId = charged && 'vault' in charged ? String(charged.vault.data.id) : undefined;
  const accountNumber = str(input.account_number);
  if (method === 'cc' && action !== 'refund') {
    if (accountNumber) {
      if (!/^\d{13,19}$/.test(accountNumber)) errors.add('account_number', 'Account Number is invalid.');
      if (!/^(0[1-9]|1[0-2])\d{2}$/.test(String(input.exp_date ?? '')))
        errors.add('exp_date', 'Exp Date must be MMYY.');
      firstSix = accountNumber.slice(0, 6);
      lastFour = accountNumber.slice(-4);
      accountType ??= accountNumber.startsWith('4') ? 'visa' : accountNumber.startsWith('5') ? 'mc' : 'disc';
    } else if (charged) {
      firstSix = vault?.first_six ?? null;
      lastFour = vault?.last_four ?? null;
      accountType ??= vault?.account_type ?? null;
      holder ??= vault?.account_holder_name ?? null;
    } else if (previous) {
      firstSix = previous.first_six;
      lastFour = previous.last_four;
      accountType ??= previous.account_type;
      holder ??= previous.account_holder_name;
    } else if (str(input.track_data)) {
      firstSix = '411111';
      lastFour = '1111';
      accountType ??= 'visa';
    } else if (!str(input.previous_transaction_id)) {
      errors.add('account_number', 'Account Number cannot be blank.');
    }
  }
  if (method === 'ach') {
    const secCode = input.ach_sec_code;
    if (action !== 'refund' || secCode !== undefined) {
      if (typeof secCode !== 'string' || !secCodes.has(secCode))
        errors.add('ach_sec_code', 'Ach Sec Code must be one of PPD, CCD, WEB, TEL, POP, C21.');
    }
    if (action !== 'refund') {
      if (accountNumber) {
        if (!/^\d{4,19}$/.test(accountNumber)) errors.add('account_number', 'Account Number is invalid.');
        if (!/^\d{9}$/.test(String(input.routing ?? ''))) errors.add('routing', 'Routing must be 9 digits.');
        if (!holder) errors.add('account_holder_name', 'Account Holder Name cannot be blank.');
        if (accountType !== 'checking' && accountType !== 'savings')
          errors.add('account_type', 'Account Type must be checking or savings.');
        lastFour = accountNumber.slice(-4);
        routing = str(input.routing) ?? null;
      } else if (charged) {
        lastFour = vault?.last_four ?? null;
        routing = vault?.routing ?? null;
        holder ??= vault?.account_holder_name ?? null;
        accountType ??= vault?.account_type ?? null;
      } else if (previous) {
        lastFour = previous.last_four;
        routing = previous.routing;
        holder ??= previous.account_holder_name;
        accountType ??= previous.account_type;
      } else if (!str(input.previous_transaction_id)) {
        errors.add('account_number', 'Account Number cannot be blank.');
      }
    }
  }
  if (action === 'refund' && !str(input.previous_transaction_id))
    errors.add('previous_transaction_id', 'Previous Transaction Id cannot be blank.');
  if (errors.any) return errors.response();

  if (previous && (action === 'refund' || action === 'credit')) {
    if (action === 'refund' && previous.payment_method !== method)
      errors.add('payment_method', 'Payment Method must match the previous transaction.');
    else if (action === 'refund' && !isRefundable(previous)) {
      const hint =
        previous.payment_method === 'cc' && isVoidable(previous)
          ? ' It is not settled yet: void it instead.'
          : '';
      errors.add('previous_transaction_id', `Transaction cannot be refunded.${hint}`);
    } else if (action === 'credit' && (previous.payment_method !== 'ach' || previous.type_id !== 50)) {
      errors.add('previous_transaction_id', 'Previous Transaction must be an ACH debit.');
    } else if (amount !== undefined && amount > previous.amount_cents - previous.refunded_cents) {
      errors.add('transaction_amount', 'Transaction Amount cannot exceed the amount left to refund.');
    }
    if (errors.any) return errors.response();
  }

  const now = context.now();
  const cents = amount ?? 0;
  let typeId = 20;
  let statusId = 101;
  let reason = 1000;
  let verbiage = 'APPROVED';
  if (action === 'sale' || action === 'authonly') {
    statusId = action === 'sale' ? 101 : 102;
    if (cents === 500) {
      statusId = 301;
      reason = 1500;
      verbiage = 'DENY';
    } else if (cents >= 601 && cents <= 631) {
      statusId = 301;
      reason = 1000 + cents;
      verbiage = reason === 1616 ? 'INSUFFICIENT FUNDS' : reason === 1622 ? 'CARD EXPIRED' : 'DECLINE';
    }
  } else if (action === 'avsonly') {
    typeId = 21;
    statusId = 121;
  } else if (action === 'refund') {
    typeId = 30;
    statusId = method === 'cc' ? 111 : 131;
  } else if (action === 'debit') {
    typeId = 50;
    statusId = 131;
  } else if (action === 'credit') {
    typeId = 40;
    statusId = 131;
  }
  // Reason 1002 "Forced"; Paya does not document the status and type of a forced sale (an approved sale here).
  if (action === 'force') reason = 1002;
  let avs: string | null = null;
  if (method === 'cc' && (input.billing_street !== undefined || input.billing_zip !== undefined)) {
    avs = input.billing_street === validAvsStreet && input.billing_zip === validAvsZip ? 'GOOD' : 'BAD';
  }
  const record: SimTransaction = {
    id: newHexId(),
    location_id: location.id,
    product_transaction_id: productId!,
    payment_method: method,
    type_id: typeId,
    status_id: statusId,
    reason_code_id: reason,
    amount_cents: cents,
    auth_cents: statusId === 301 ? 0 : cents,
    refunded_cents: 0,
    transaction_api_id: typeof apiId === 'string' ? apiId : null,
    order_num: str(input.order_num) ?? orderNumber(),
    contact_id: contactId,
    created_ts: now,
    modified_ts: now,
    settle_date: null,
    void_date: null,
    previous_transaction_id: previous?.id ?? null,
    ach_sec_code: method === 'ach' ? (str(input.ach_sec_code) ?? previous?.ach_sec_code ?? null) : null,
    account_type: accountType,
    first_six: firstSix ?? previous?.first_six ?? null,
    last_four: lastFour ?? previous?.last_four ?? null,
    account_holder_name: holder,
    routing: routing ?? previous?.routing ?? null,
    account_vault_id: vaultId ?? null,
    description: str(input.description) ?? null,
    verbiage,
    auth_code:
      statusId === 301
        ? ''
        : action === 'force'
          ? String(input.auth_code)
          : Math.floor(Math.random() * 1e6)
              .toString()
              .padStart(6, '0'),
    avs,
    paylink_id: null,
    extra: extraOf(input),
  };
  if (statusId !== 301)
    record.account_vault_id = saveAccount(state, context, record, input) ?? record.account_vault_id;
  storeTransaction(state, record);
  context.postback?.(state, transactionEvent(state, record, 'CREATE', context.baseUrl()));
  if (previous && (action === 'refund' || action === 'credit')) {
    previous.refunded_cents += cents;
    previous.modified_ts = now;
    context.postback?.(state, transactionEvent(state, previous, 'UPDATE', context.baseUrl()));
  }
  return json(201, { transaction: transactionToWire(record, context.baseUrl()) });
}

function updateTransaction(
  request: SimRequest,
  state: PayaSimState,
  context: TransactionContext,
): SimResponse {
  const record = state.transactionsById.get(request.params.id ?? '');
  if (!record) return statusError(404, 'Transaction not found.');
  const envelope = request.body;
  if (typeof envelope !== 'object' || envelope === null)
    return statusError(400, 'Unable to parse the request body as JSON.');
  const input = ((envelope as { transaction?: unknown }).transaction ?? {}) as Record<string, unknown>;
  const errors = new FieldErrors();
  const now = context.now();
  if (input.action === 'authcomplete') {
    if (record.status_id !== 102)
      errors.add('action', 'Transaction cannot be completed: it is not an open auth-only transaction.');
    let amount = record.amount_cents;
    if (input.transaction_amount !== undefined) {
      const requested = toCents(input.transaction_amount);
      if (requested === undefined || requested === 0)
        errors.add(
          'transaction_amount',
          'Transaction Amount must be a positive number with at most 2 decimals.',
        );
      else amount = requested;
    }
    if (errors.any) return errors.response();
    record.amount_cents = amount;
    record.status_id = 101;
    record.reason_code_id = 1001;
    record.modified_ts = now;
    assignBatch(state, record);
  } else if (input.action === 'void') {
    if (!isVoidable(record))
      errors.add('action', 'Transaction cannot be voided (settled, declined or already voided).');
    if (errors.any) return errors.response();
    record.status_id = 201;
    record.reason_code_id = 1200;
    record.void_date = dateOf(now);
    record.modified_ts = now;
  } else {
    // authincrement, partialreversal and edit (or the refusal of any other action).
    const refused = applyUpdateAction(state, record, input, now);
    if (refused) return refused.response();
  }
  context.postback?.(state, transactionEvent(state, record, 'UPDATE', context.baseUrl()));
  return json(200, { transaction: transactionToWire(record, context.baseUrl()) });
}

/** Settles what a batch would: approved card sales get a settle date, ACH moves to settled (partial WEB refunds are rejected). */
export function settleTransactions(
  state: PayaSimState,
  now: number,
  onSettled?: (record: SimTransaction) => void,
): number {
  let settled = 0;
  for (const record of state.transactions) {
    if (record.payment_method === 'cc' && record.status_id === 101 && record.settle_date === null) {
      record.settle_date = dateOf(now);
      record.modified_ts = now;
      settled += 1;
      onSettled?.(record);
    } else if (record.payment_method === 'ach' && record.status_id >= 131 && record.status_id <= 133) {
      const previous = record.previous_transaction_id
        ? state.transactionsById.get(record.previous_transaction_id)
        : undefined;
      const partialWebRefund =
        record.type_id === 30 &&
        record.ach_sec_code === 'WEB' &&
        previous !== undefined &&
        record.amount_cents < previous.amount_cents;
      record.status_id = partialWebRefund ? 136 : 134;
      record.settle_date = dateOf(now);
      record.modified_ts = now;
      settled += 1;
      onSettled?.(record);
    }
  }
  return settled;
}

/** The transaction routes. */
export function transactionRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/transactions',
      handle: (request, state) => createTransaction(request, state, context),
    },
    {
      method: 'PUT',
      path: '/v2/transactions/:id',
      handle: (request, state) => updateTransaction(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/transactions/:id',
      handle: (request, state) => {
        const record = state.transactionsById.get(request.params.id ?? '');
        if (!record) return statusError(404, 'Transaction not found.');
        const wire = transactionToWire(record, context.baseUrl());
        return json(200, {
          transaction: expandTransaction(state, record, wire, request.query.get('expand')),
        });
      },
    },
    {
      method: 'GET',
      path: '/v2/transactions',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/transactions',
            key: 'transactions',
            filters: transactionFilters,
            records: state.transactions,
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) =>
            expandTransaction(state, record, transactionToWire(record, context.baseUrl()), expand),
        ),
    },
    {
      method: 'DELETE',
      path: '/v2/transactions/:id',
      handle: () => statusError(405, 'Transactions cannot be deleted.'),
    },
  ];
}
