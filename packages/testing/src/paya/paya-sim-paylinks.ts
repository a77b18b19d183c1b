import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { envelopeOf, readRecord } from './paya-sim-contacts.js';
import { FieldErrors, formatCents, toCents } from './paya-sim-errors.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import { findLive } from './paya-sim-records.js';
import {
  type PayaSimState,
  payaSimulatorDefaults,
  type SimLocation,
  type SimRecord,
} from './paya-sim-state.js';
import type { TransactionContext } from './paya-sim-transactions.js';

const writable = [
  'location_id',
  'cc_product_transaction_id',
  'ach_product_transaction_id',
  'expire_date',
  'amount_due',
  'email',
  'cell_phone',
  'contact_id',
  'contact_api_id',
  'delivery_method',
  'paylink_api_id',
  'description',
  'display_product_transaction_receipt_details',
  'display_billing_fields',
] as const;

const paylinkFilters: FilterSpec<SimRecord> = {
  read: (record, field) =>
    field === 'amount_due' ? toCents(record.data.amount_due) : readRecord(record, field),
  text: new Set(['email', 'description']),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(['amount_due']),
};

/** The pay page link of a paylink. */
export function paymentUrl(location: SimLocation | undefined, id: string): string {
  return `https://${location?.branding_domain_url ?? 'payweave-sim.sandbox.payaconnect.com'}/paylink?id=${id}`;
}

function notify(state: PayaSimState, data: Record<string, unknown>, kind: 'created' | 'resend'): void {
  const method = Number(data.delivery_method ?? 0);
  const email =
    typeof data.email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(data.email) ? data.email : undefined;
  const phone =
    typeof data.cell_phone === 'string' && /^\d{10}$/.test(data.cell_phone) ? data.cell_phone : undefined;
  if ((method === 1 || method === 3) && email)
    state.notifications.push({ paylink_id: String(data.id), channel: 'email', to: email, kind });
  if ((method === 2 || method === 3) && phone)
    state.notifications.push({ paylink_id: String(data.id), channel: 'sms', to: phone, kind });
}

function check(
  state: PayaSimState,
  input: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
): FieldErrors {
  const errors = new FieldErrors();
  for (const key of Object.keys(input))
    if (!(writable as readonly string[]).includes(key)) errors.add(key, `${key} is not a paylink field.`);
  const merged = { ...current, ...input };
  const location = state.locations.find((candidate) => candidate.id === merged.location_id);
  if (input.location_id !== undefined && !location)
    errors.add('location_id', 'location_id provided is not valid');
  if (input.cc_product_transaction_id && input.ach_product_transaction_id) {
    errors.add(
      'cc_product_transaction_id',
      'Only one of cc_product_transaction_id or ach_product_transaction_id may be supplied.',
    );
  }
  for (const [field, method] of [
    ['cc_product_transaction_id', 'cc'],
    ['ach_product_transaction_id', 'ach'],
  ] as const) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    const product = location?.product_transactions.find((candidate) => candidate.id === value);
    if (!product || product.payment_method !== method) errors.add(field, `${field} provided is not valid`);
  }
  if (input.amount_due !== undefined) {
    const cents = toCents(input.amount_due);
    if (cents === undefined || cents > 9_999_999_999)
      errors.add('amount_due', 'Amount Due must be a decimal(10,2) number up to 99999999.99.');
  } else if (!current) errors.add('amount_due', 'Amount Due cannot be blank.');
  if (input.expire_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(input.expire_date)))
    errors.add('expire_date', 'Expire Date must be YYYY-MM-DD.');
  if (
    input.email !== undefined &&
    input.email !== null &&
    (typeof input.email !== 'string' || input.email.length < 5 || input.email.length > 128)
  ) {
    errors.add('email', 'Email should contain 5 to 128 characters.');
  }
  if (
    input.cell_phone !== undefined &&
    input.cell_phone !== null &&
    !/^\d{1,10}$/.test(String(input.cell_phone))
  )
    errors.add('cell_phone', 'Cell Phone should contain at most 10 digits.');
  const method = merged.delivery_method;
  if (method !== undefined && method !== null && ![0, 1, 2, 3].includes(Number(method)))
    errors.add('delivery_method', 'Delivery Method must be 0, 1, 2 or 3.');
  if ((method === 2 || method === 3) && !merged.cell_phone)
    errors.add('cell_phone', 'Cell Phone cannot be blank when delivery_method is 2 or 3.');
  if (typeof input.paylink_api_id === 'string') {
    if (input.paylink_api_id.length > 64)
      errors.add('paylink_api_id', 'Paylink Api Id should contain at most 64 characters.');
    const taken = state.paylinks.some(
      (paylink) =>
        !paylink.deleted &&
        paylink.data !== current &&
        paylink.data.location_id === merged.location_id &&
        paylink.data.paylink_api_id === input.paylink_api_id,
    );
    if (taken)
      errors.add('paylink_api_id', `Paylink Api Id "${input.paylink_api_id}" has already been taken.`);
  }
  if (input.contact_id !== undefined && input.contact_id !== null) {
    const contact = state.contactsById.get(String(input.contact_id));
    if (!contact || contact.deleted) errors.add('contact_id', 'contact_id provided is not valid');
  }
  if (input.contact_api_id !== undefined) {
    const contact = state.contacts.find(
      (candidate) =>
        !candidate.deleted &&
        candidate.data.location_id === merged.location_id &&
        candidate.data.contact_api_id === input.contact_api_id,
    );
    if (!contact) errors.add('contact_api_id', 'contact_api_id provided is not valid');
  }
  return errors;
}

function apply(state: PayaSimState, data: Record<string, unknown>, input: Record<string, unknown>): void {
  for (const field of writable) {
    if (input[field] === undefined || field === 'contact_api_id') continue;
    data[field] = field === 'amount_due' ? formatCents(toCents(input[field]) ?? 0) : input[field];
  }
  if (input.contact_api_id !== undefined) {
    const contact = state.contacts.find(
      (candidate) =>
        !candidate.deleted &&
        candidate.data.location_id === data.location_id &&
        candidate.data.contact_api_id === input.contact_api_id,
    );
    data.contact_id = contact?.data.id ?? null;
  }
  if (input.cc_product_transaction_id) data.ach_product_transaction_id = null;
  if (input.ach_product_transaction_id) data.cc_product_transaction_id = null;
}

function createPaylink(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const body = envelopeOf(request, 'paylink');
  if ('error' in body) return body.error;
  const input: Record<string, unknown> = {
    ...body.input,
    location_id: body.input.location_id ?? state.locations[0]?.id,
  };
  const errors = check(state, input, undefined);
  if (errors.any) return errors.response();
  const location = state.locations.find((candidate) => candidate.id === input.location_id)!;
  const id = newHexId();
  const now = context.now();
  const data: Record<string, unknown> = {
    id,
    cc_product_transaction_id: input.ach_product_transaction_id ? null : location.default_cc,
    ach_product_transaction_id: null,
    location_id: location.id,
    paylink_api_id: null,
    contact_id: null,
    amount_due: '0.00',
    cell_phone: null,
    email: null,
    description: null,
    expire_date: null,
    status_id: 0,
    display_product_transaction_receipt_details: 1,
    display_billing_fields: 1,
    delivery_method: 0,
    active: 1,
    created_ts: now,
    modified_ts: now,
    created_user_id: payaSimulatorDefaults.userRecordId,
    modified_user_id: payaSimulatorDefaults.userRecordId,
    _links: { self: { href: `${context.baseUrl()}/v2/paylinks/${id}` } },
  };
  apply(state, data, input);
  const record: SimRecord = { data, deleted: false };
  state.paylinks.push(record);
  state.paylinksById.set(id, record);
  notify(state, data, 'created');
  return json(201, { paylink: data });
}

function found(state: PayaSimState, id: string | undefined): SimRecord | SimResponse {
  return findLive(state.paylinksById, id, 'Paylink not found.');
}

function expandPaylink(
  state: PayaSimState,
  record: SimRecord,
  expand: string | null,
): Record<string, unknown> {
  if (!expand) return record.data;
  const wire = { ...record.data };
  const location = state.locations.find((candidate) => candidate.id === record.data.location_id);
  for (const name of expand.split(',')) {
    if (name === 'payment_url') wire.payment_url = paymentUrl(location, String(record.data.id));
    else if (name === 'contact')
      wire.contact = record.data.contact_id
        ? (state.contactsById.get(String(record.data.contact_id))?.data ?? null)
        : null;
    else if (name === 'location') wire.location = location ? { id: location.id, name: location.name } : null;
    else if (name === 'tags' || name === 'email_blacklist' || name === 'sms_blacklist') wire[name] = [];
    else if (name === 'created_user')
      wire.created_user = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
  }
  return wire;
}

/** The paylink routes. */
export function paylinkRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/paylinks',
      handle: (request, state) => createPaylink(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/paylinks/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        return 'data' in record
          ? json(200, { paylink: expandPaylink(state, record, request.query.get('expand')) })
          : record;
      },
    },
    {
      method: 'PUT',
      path: '/v2/paylinks/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        const body = envelopeOf(request, 'paylink');
        if ('error' in body) return body.error;
        const errors = check(state, body.input, record.data);
        if (record.data.status_id === 1)
          errors.add('status_id', 'The paylink is closed and cannot be updated.');
        const paid = state.transactions.some((transaction) => transaction.paylink_id === record.data.id);
        if (
          paid &&
          (body.input.cc_product_transaction_id !== undefined ||
            body.input.ach_product_transaction_id !== undefined)
        ) {
          errors.add(
            'cc_product_transaction_id',
            'Product transaction cannot change after a payment was made.',
          );
        }
        if (errors.any) return errors.response();
        apply(state, record.data, body.input);
        record.data.modified_ts = context.now();
        return json(200, { paylink: record.data });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/paylinks/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        record.deleted = true;
        return json(204);
      },
    },
    {
      method: 'POST',
      path: '/v2/paylinks/:id/resend',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        notify(state, record.data, 'resend');
        return json(204);
      },
    },
    {
      method: 'GET',
      path: '/v2/paylinks',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/paylinks',
            key: 'paylinks',
            filters: paylinkFilters,
            records: state.paylinks.filter((record) => !record.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) => expandPaylink(state, record, expand),
        ),
    },
  ];
}
