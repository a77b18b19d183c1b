// Paya quick invoices, from `Endpoints/Quick Invoice/README.md` of PayaDev/PayaConnect and
// docs.payaconnect.com/developers/api/endpoints/quickinvoices: the `/v2/quickinvoices` routes
// (create as JSON, get, update, delete, list, addTransaction, removeTransaction, resend). The
// balance is read from the transactions that carry the invoice's `quick_invoice_id`, so a payment
// on the pay page, one attached with addTransaction and a POST with `quick_invoice_id` all count.

import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { envelopeOf } from './paya-sim-contacts.js';
import { FieldErrors, formatCents, toCents } from './paya-sim-errors.js';
import type { SimPostbackEvent } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import { findLive, withRecord } from './paya-sim-records.js';
import {
  type PayaSimState,
  payaSimulatorDefaults,
  type SimRecord,
  type SimTransaction,
} from './paya-sim-state.js';
import { createTransaction, type TransactionContext, transactionToWire } from './paya-sim-transactions.js';

/** Fields stored as sent (the ACH verification fields are kept but never echoed). */
const writable = [
  'location_id',
  'title',
  'due_date',
  'item_list',
  'cc_product_transaction_id',
  'ach_product_transaction_id',
  'contact_id',
  'contact_api_id',
  'email',
  'notification_days_before_due_date',
  'notification_on_due_date',
  'notification_days_after_due_date',
  'allow_partial_pay',
  'invoice_number',
  'item_header',
  'item_footer',
  'note',
  'expire_date',
  'attach_files_to_email',
  'customer_id',
  'dl_number',
  'dl_state',
  'dob_year',
  'ssn4',
  'tags',
] as const;
const hidden = new Set(['dl_number', 'dob_year', 'ssn4', 'contact_api_id']);
const limits: Record<string, [number, number]> = {
  title: [1, 64],
  email: [5, 128],
  invoice_number: [0, 64],
  item_header: [0, 250],
  item_footer: [0, 250],
  note: [0, 200],
  customer_id: [0, 64],
};

function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** What a payment contributes: approved card sales, and ACH debits until rejected or voided. */
function paidCents(record: SimTransaction): number {
  const counts =
    (record.type_id === 20 && record.status_id === 101) ||
    (record.type_id === 50 && record.status_id >= 131 && record.status_id <= 134);
  return counts ? record.amount_cents - record.refunded_cents : 0;
}

function linkedTo(record: SimTransaction): string | undefined {
  const id = record.extra?.quick_invoice_id;
  return typeof id === 'string' ? id : undefined;
}

function dueCents(data: Record<string, unknown>): number {
  const items = data.item_list;
  if (typeof items !== 'object' || items === null) return 0;
  return Object.values(items).reduce<number>((sum, value) => sum + (toCents(value) ?? 0), 0);
}

/** The amounts and payment status Paya computes: `amount_due`, `remaining_balance`, `payment_status_id`. */
function balance(state: PayaSimState, data: Record<string, unknown>) {
  const due = dueCents(data);
  let paid = 0;
  for (const record of state.transactions) if (linkedTo(record) === data.id) paid += paidCents(record);
  const remaining = Math.max(0, due - paid);
  return {
    amount_due: formatCents(due),
    remaining_balance: formatCents(remaining),
    payment_status_id: paid <= 0 ? 1 : paid >= due ? 2 : 3,
  };
}

/** The quick invoice as the API returns it (computed balance, sensitive fields left out). */
export function quickInvoiceToWire(state: PayaSimState, record: SimRecord): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data)) if (!hidden.has(key)) wire[key] = value;
  const computed = balance(state, record.data);
  if (record.data.allow_overpayment !== 1) wire.single_payment_max_amount = computed.amount_due;
  return { ...wire, ...computed };
}

function check(
  state: PayaSimState,
  input: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
): FieldErrors {
  const errors = new FieldErrors();
  const allowed = new Set<string>(writable);
  if (current) {
    allowed.add('status_id');
    allowed.delete('location_id');
  } else allowed.add('send_email');
  for (const key of Object.keys(input)) {
    if (allowed.has(key)) continue;
    if (key === 'location_id') errors.add(key, 'Location Id cannot be changed.');
    else if (key === 'send_email') errors.add(key, 'Send Email is only read on create.');
    else errors.add(key, `${key} is not a quickinvoice field.`);
  }
  const merged = { ...current, ...input };
  if (!current) {
    for (const field of ['location_id', 'title', 'due_date', 'item_list'])
      if (input[field] === undefined || input[field] === null || input[field] === '')
        errors.add(field, `${field} cannot be blank.`);
  }
  const location = state.locations.find((candidate) => candidate.id === merged.location_id);
  if (input.location_id !== undefined && !location)
    errors.add('location_id', 'location_id provided is not valid');
  for (const [field, [min, max]] of Object.entries(limits)) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length < min || value.length > max)
      errors.add(field, `${field} should contain ${min} to ${max} characters.`);
  }
  for (const field of ['due_date', 'expire_date'])
    if (input[field] !== undefined && input[field] !== null && !isDate(input[field]))
      errors.add(field, `${field} must be a YYYY-MM-DD date.`);
  if (input.item_list !== undefined) {
    const items = input.item_list;
    if (
      typeof items !== 'object' ||
      items === null ||
      Array.isArray(items) ||
      Object.keys(items).length === 0
    )
      errors.add('item_list', 'Item List must map item names to amounts.');
    else if (JSON.stringify(items).length > 4000)
      errors.add('item_list', 'Item List should contain at most 4000 characters.');
    else if (Object.values(items).some((value) => toCents(value) === undefined))
      errors.add('item_list', 'Every item amount must be a number with at most 2 decimals.');
  }
  for (const field of ['cc_product_transaction_id', 'ach_product_transaction_id'] as const) {
    const value = input[field];
    if (value === undefined || value === null || value === '') continue;
    const product = location?.product_transactions.find((candidate) => candidate.id === value);
    if (!product || product.payment_method !== (field.startsWith('cc') ? 'cc' : 'ach'))
      errors.add(field, `${field} provided is not valid`);
    else if (current && state.transactions.some((record) => linkedTo(record) === current.id))
      errors.add(field, 'The product transaction cannot change after a payment was made.');
  }
  if (input.contact_id !== undefined && input.contact_id !== null) {
    const contact = state.contactsById.get(String(input.contact_id));
    if (!contact || contact.deleted) errors.add('contact_id', 'contact_id provided is not valid');
  }
  if (input.contact_api_id !== undefined) {
    const contact = contactByApiId(state, merged.location_id, input.contact_api_id);
    if (!contact) errors.add('contact_api_id', 'contact_api_id provided is not valid');
  }
  for (const field of ['notification_days_before_due_date', 'notification_days_after_due_date'])
    if (input[field] !== undefined && !/^\d{1,2}$/.test(String(input[field])))
      errors.add(field, `${field} should contain at most 2 digits.`);
  if (input.status_id !== undefined && input.status_id !== 0 && input.status_id !== 1)
    errors.add('status_id', 'Status Id must be 1 (open) or 0 (closed).');
  return errors;
}

function contactByApiId(state: PayaSimState, locationId: unknown, apiId: unknown): SimRecord | undefined {
  return state.contacts.find(
    (candidate) =>
      !candidate.deleted &&
      candidate.data.location_id === locationId &&
      candidate.data.contact_api_id === apiId,
  );
}

function apply(state: PayaSimState, data: Record<string, unknown>, input: Record<string, unknown>): void {
  for (const field of [...writable, 'status_id']) {
    if (input[field] === undefined || field === 'contact_api_id') continue;
    data[field] = input[field];
  }
  if (input.contact_api_id !== undefined)
    data.contact_id = contactByApiId(state, data.location_id, input.contact_api_id)?.data.id ?? null;
}

/** The e-mail address the invoice goes to: its `email`, else its contact's. */
function recipient(state: PayaSimState, data: Record<string, unknown>): string | undefined {
  if (typeof data.email === 'string' && data.email !== '') return data.email;
  const contact = typeof data.contact_id === 'string' ? state.contactsById.get(data.contact_id) : undefined;
  const email = contact?.data.email;
  return typeof email === 'string' && email !== '' ? email : undefined;
}

function createQuickInvoice(
  request: SimRequest,
  state: PayaSimState,
  context: TransactionContext,
): SimResponse {
  const body = envelopeOf(request, 'quickinvoice');
  if ('error' in body) return body.error;
  const input = body.input;
  const errors = check(state, input, undefined);
  if (errors.any) return errors.response();
  const location = state.locations.find((candidate) => candidate.id === input.location_id)!;
  const id = newHexId();
  const now = context.now();
  const data: Record<string, unknown> = {
    id,
    location_id: location.id,
    contact_id: null,
    invoice_number: null,
    title: null,
    item_header: null,
    item_list: null,
    item_footer: null,
    status_id: 1,
    due_date: null,
    expire_date: null,
    email: null,
    allow_partial_pay: 0,
    single_payment_min_amount: '0.00',
    allow_overpayment: 0,
    notification_days_before_due_date: 3,
    notification_on_due_date: 1,
    notification_days_after_due_date: 7,
    cc_product_transaction_id: input.ach_product_transaction_id ? null : location.default_cc,
    ach_product_transaction_id: null,
    is_active: 1,
    note: null,
    notification_email: null,
    attach_files_to_email: 0,
    created_ts: now,
    created_user_id: payaSimulatorDefaults.userRecordId,
    modified_ts: now,
    modified_user_id: payaSimulatorDefaults.userRecordId,
    _links: { self: { href: `${context.baseUrl()}/v2/quickinvoice/view?id=${id}` } },
  };
  apply(state, data, input);
  if (data.email === null) {
    const email = recipient(state, data);
    if (email) data.email = email;
  }
  const record: SimRecord = { data, deleted: false };
  state.quickInvoices.push(record);
  state.quickInvoicesById.set(id, record);
  const to = recipient(state, data);
  if ((input.send_email === 1 || input.send_email === '1') && to)
    state.quickInvoiceEmails.push({ quick_invoice_id: id, to, kind: 'created' });
  return json(201, { quickinvoice: quickInvoiceToWire(state, record) });
}

function found(state: PayaSimState, id: string | undefined): SimRecord | SimResponse {
  return findLive(state.quickInvoicesById, id, 'Quick Invoice not found.');
}

function expandQuickInvoice(
  state: PayaSimState,
  record: SimRecord,
  expand: string | null,
): Record<string, unknown> {
  const wire = quickInvoiceToWire(state, record);
  if (!expand) return wire;
  const location = state.locations.find((candidate) => candidate.id === record.data.location_id);
  for (const name of expand.split(',')) {
    if (name === 'contact')
      wire.contact =
        typeof record.data.contact_id === 'string'
          ? (state.contactsById.get(record.data.contact_id)?.data ?? null)
          : null;
    else if (name === 'location') wire.location = location ? { id: location.id, name: location.name } : null;
    else if (name === 'created_user')
      wire.created_user = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
    else if (name === 'quick_invoice_settings') wire.quick_invoice_settings = null;
    else if (['files', 'tags', 'email_blacklist', 'quick_invoice_views'].includes(name)) wire[name] = [];
  }
  return wire;
}

function link(
  request: SimRequest,
  state: PayaSimState,
  context: TransactionContext,
  record: SimRecord,
  attach: boolean,
): SimResponse {
  const body = envelopeOf(request, 'quickinvoice');
  if ('error' in body) return body.error;
  const errors = new FieldErrors();
  const transactionId = body.input.transaction_id;
  const transaction =
    typeof transactionId === 'string' ? state.transactionsById.get(transactionId) : undefined;
  if (transactionId === undefined) errors.add('transaction_id', 'Transaction Id cannot be blank.');
  else if (!transaction || transaction.location_id !== record.data.location_id)
    errors.add('transaction_id', 'transaction_id provided is not valid');
  else if (attach) {
    const current = linkedTo(transaction);
    if (current !== undefined && current !== record.data.id)
      errors.add('transaction_id', 'The transaction belongs to another quick invoice.');
  } else if (linkedTo(transaction) !== record.data.id)
    errors.add('transaction_id', 'The transaction is not attached to this quick invoice.');
  if (errors.any || !transaction) return errors.response();
  const extra = { ...transaction.extra };
  if (attach) extra.quick_invoice_id = record.data.id;
  else delete extra.quick_invoice_id;
  transaction.extra = Object.keys(extra).length > 0 ? extra : null;
  const now = context.now();
  transaction.modified_ts = now;
  record.data.modified_ts = now;
  const baseUrl = context.baseUrl();
  const transactions = state.transactions
    .filter((candidate) => linkedTo(candidate) === record.data.id)
    .map((candidate) => transactionToWire(candidate, baseUrl));
  return json(200, { quickinvoice: { ...quickInvoiceToWire(state, record), transactions } });
}

/**
 * Pays a quick invoice as its pay page would: a card sale (or an ACH debit, for an ACH-only
 * invoice) of `amountCents` (default: the remaining balance) carrying the invoice's
 * `quick_invoice_id` and `trx_source_id` 8. Returns the transaction id.
 */
export function payQuickInvoice(
  state: PayaSimState,
  context: TransactionContext,
  id: string,
  amountCents?: number,
): string {
  const record = state.quickInvoicesById.get(id);
  if (!record || record.deleted) throw new Error(`paya simulator: no quick invoice ${id}`);
  const data = record.data;
  const ach = typeof data.ach_product_transaction_id === 'string' && data.ach_product_transaction_id !== '';
  const remaining = toCents(balance(state, data).remaining_balance) ?? 0;
  const cents = amountCents ?? remaining;
  const transaction: Record<string, unknown> = {
    action: ach ? 'debit' : 'sale',
    payment_method: ach ? 'ach' : 'cc',
    location_id: data.location_id,
    product_transaction_id: ach ? data.ach_product_transaction_id : data.cc_product_transaction_id,
    transaction_amount: formatCents(cents),
    quick_invoice_id: id,
    ...(ach
      ? {
          ach_sec_code: 'WEB',
          account_number: '2079951060953',
          routing: '072000326',
          account_holder_name: 'Quick Invoice Payer',
          account_type: 'checking',
        }
      : { account_number: '4111111111111111', exp_date: '1230', account_holder_name: 'Quick Invoice Payer' }),
    ...(typeof data.contact_id === 'string' ? { contact_id: data.contact_id } : {}),
  };
  const body = { transaction };
  const events: SimPostbackEvent[] = [];
  const response = createTransaction(
    {
      method: 'POST',
      path: '/v2/transactions',
      params: {},
      query: new URLSearchParams(),
      headers: {},
      body,
      rawBody: JSON.stringify(body),
    },
    state,
    { now: context.now, baseUrl: context.baseUrl, postback: (_state, event) => events.push(event) },
  );
  const created = (response.body as { transaction?: { id?: string } } | undefined)?.transaction?.id;
  const stored = response.status === 201 && created ? state.transactionsById.get(created) : undefined;
  if (!stored)
    throw new Error(
      `paya simulator: the quick invoice payment was refused: ${JSON.stringify(response.body)}`,
    );
  // The pay page's payments say where they came from (trx_source_id 8, Quick Invoice).
  stored.extra = { ...stored.extra, trx_source_id: 8 };
  data.modified_ts = context.now();
  for (const event of events) context.postback?.(state, event);
  return stored.id;
}

function readQuickInvoice(state: PayaSimState) {
  return (record: SimRecord, field: string): unknown => {
    if (field === 'amount_due' || field === 'remaining_balance')
      return toCents(balance(state, record.data)[field]);
    if (field === 'payment_status_id') return balance(state, record.data).payment_status_id;
    return record.data[field];
  };
}

/** The `/v2/quickinvoices` routes. */
export function quickInvoiceRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  const withInvoice = withRecord(found);
  return [
    {
      method: 'POST',
      path: '/v2/quickinvoices',
      handle: (request, state) => createQuickInvoice(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/quickinvoices/:id',
      handle: withInvoice((request, state, record) =>
        json(200, { quickinvoice: expandQuickInvoice(state, record, request.query.get('expand')) }),
      ),
    },
    {
      method: 'PUT',
      path: '/v2/quickinvoices/:id',
      handle: withInvoice((request, state, record) => {
        const body = envelopeOf(request, 'quickinvoice');
        if ('error' in body) return body.error;
        const errors = check(state, body.input, record.data);
        if (errors.any) return errors.response();
        apply(state, record.data, body.input);
        record.data.modified_ts = context.now();
        return json(200, { quickinvoice: quickInvoiceToWire(state, record) });
      }),
    },
    {
      method: 'DELETE',
      path: '/v2/quickinvoices/:id',
      handle: withInvoice((_request, _state, record) => {
        record.deleted = true;
        return json(204);
      }),
    },
    {
      method: 'PUT',
      path: '/v2/quickinvoices/:id/addTransaction',
      handle: withInvoice((request, state, record) => link(request, state, context, record, true)),
    },
    {
      method: 'PUT',
      path: '/v2/quickinvoices/:id/removeTransaction',
      handle: withInvoice((request, state, record) => link(request, state, context, record, false)),
    },
    {
      method: 'POST',
      path: '/v2/quickinvoices/:id/resend',
      handle: withInvoice((_request, state, record) => {
        const to = recipient(state, record.data);
        if (to)
          state.quickInvoiceEmails.push({ quick_invoice_id: String(record.data.id), to, kind: 'resend' });
        return json(204);
      }),
    },
    {
      method: 'GET',
      path: '/v2/quickinvoices',
      handle: (request, state) => {
        const filters: FilterSpec<SimRecord> = {
          read: readQuickInvoice(state),
          text: new Set(['title', 'email', 'invoice_number', 'note']),
          timestamps: new Set(['created_ts', 'modified_ts']),
          amounts: new Set(['amount_due', 'remaining_balance']),
        };
        return answerList(
          request,
          {
            path: '/v2/quickinvoices',
            key: 'quickinvoices',
            filters,
            records: state.quickInvoices.filter((record) => !record.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) => expandQuickInvoice(state, record, expand),
        );
      },
    },
  ];
}
