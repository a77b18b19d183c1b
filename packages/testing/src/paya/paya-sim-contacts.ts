import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { FieldErrors, statusError } from './paya-sim-errors.js';
import type { SimPostbackAction } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import { type PayaSimState, payaSimulatorDefaults, type SimRecord } from './paya-sim-state.js';
import type { TransactionContext } from './paya-sim-transactions.js';

const contactColumns = [
  'location_id',
  'account_number',
  'contact_api_id',
  'company_name',
  'first_name',
  'last_name',
  'email',
  'address',
  'city',
  'state',
  'zip',
  'home_phone',
  'cell_phone',
  'office_phone',
  'office_ext_phone',
  'contact_balance',
  'email_trx_receipt',
  'date_of_birth',
  'header_message',
  'header_message_type',
  'contact_c1',
  'contact_c2',
  'contact_c3',
] as const;

const limits: Record<string, [number, number]> = {
  account_number: [1, 32],
  contact_api_id: [1, 36],
  company_name: [1, 64],
  first_name: [1, 64],
  last_name: [1, 64],
  email: [3, 128],
  address: [1, 64],
  city: [1, 36],
  zip: [3, 10],
  contact_c1: [0, 128],
  contact_c2: [0, 128],
  contact_c3: [0, 128],
  header_message: [0, 255],
};

/** Reads a stored record's field for filters. */
export function readRecord(record: SimRecord, field: string): unknown {
  return record.data[field];
}

const contactFilters: FilterSpec<SimRecord> = {
  read: readRecord,
  text: new Set(['first_name', 'last_name', 'company_name', 'email', 'address', 'city', 'account_number']),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(),
};

function checkFields(input: Record<string, unknown>, errors: FieldErrors, creating: boolean): void {
  for (const key of Object.keys(input)) {
    if (!(contactColumns as readonly string[]).includes(key) && key !== 'update_if_exists')
      errors.add(key, `${key} is not a contact field.`);
  }
  if (creating && (typeof input.last_name !== 'string' || input.last_name === ''))
    errors.add('last_name', 'Last Name cannot be blank.');
  for (const [field, [min, max]] of Object.entries(limits)) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length < min || value.length > max)
      errors.add(field, `${field} should contain ${min} to ${max} characters.`);
  }
  for (const field of ['home_phone', 'cell_phone', 'office_phone']) {
    const value = input[field];
    if (value !== undefined && value !== null && !/^\d{10}$/.test(String(value)))
      errors.add(field, `${field} must be 10 digits.`);
  }
  if (input.state !== undefined && input.state !== null && !/^[A-Za-z]{2}$/.test(String(input.state)))
    errors.add('state', 'State must be 2 characters.');
  if (
    input.email !== undefined &&
    input.email !== null &&
    !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(input.email))
  )
    errors.add('email', 'Email is not a valid email address.');
  if (
    input.date_of_birth !== undefined &&
    input.date_of_birth !== null &&
    !/^\d{4}-\d{2}-\d{2}$/.test(String(input.date_of_birth))
  ) {
    errors.add('date_of_birth', 'Date Of Birth must be YYYY-MM-DD.');
  }
}

function apply(record: Record<string, unknown>, input: Record<string, unknown>): void {
  for (const column of contactColumns) if (input[column] !== undefined) record[column] = input[column];
}

/** Reads `{ <key>: {...} }` from a request body: the fields, or the 400 / 422 answer. */
export function envelopeOf(
  request: SimRequest,
  key: string,
): { input: Record<string, unknown> } | { error: SimResponse } {
  const envelope = request.body;
  if (typeof envelope !== 'object' || envelope === null)
    return { error: statusError(400, 'Unable to parse the request body as JSON.') };
  const input = (envelope as Record<string, unknown>)[key];
  if (typeof input !== 'object' || input === null)
    return { error: json(422, { errors: { [key]: [`${key} is required.`] } }) };
  return { input: input as Record<string, unknown> };
}

/** Posts a contact change: the record as the API returns it, with the config's expands. */
function contactPostback(
  state: PayaSimState,
  context: TransactionContext,
  record: SimRecord,
  action: SimPostbackAction,
): void {
  context.postback?.(state, {
    resource: 'contact',
    action,
    location_id: String(record.data.location_id),
    data: (expands) => ({ ...expandContact(state, record, expands || null) }),
  });
}

function findByApiId(state: PayaSimState, locationId: unknown, apiId: unknown): SimRecord | undefined {
  return state.contacts.find(
    (contact) =>
      !contact.deleted && contact.data.location_id === locationId && contact.data.contact_api_id === apiId,
  );
}

function createContact(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const body = envelopeOf(request, 'contact');
  if ('error' in body) return body.error;
  const { input } = body;
  const errors = new FieldErrors();
  checkFields(input, errors, true);
  const location = state.locations.find((candidate) => candidate.id === input.location_id);
  if (!input.location_id) errors.add('location_id', 'Location Id cannot be blank.');
  else if (!location) errors.add('location_id', 'location_id provided is not valid');
  if (errors.any) return errors.response();
  const now = context.now();
  const existing = input.contact_api_id
    ? findByApiId(state, input.location_id, input.contact_api_id)
    : undefined;
  if (existing) {
    if (input.update_if_exists !== 1 && input.update_if_exists !== '1') {
      errors.add(
        'contact_api_id',
        `Contact Api Id "${String(input.contact_api_id)}" has already been taken.`,
      );
      return errors.response();
    }
    apply(existing.data, input);
    existing.data.modified_ts = now;
    contactPostback(state, context, existing, 'UPDATE');
    return json(200, { contact: existing.data });
  }
  const id = newHexId();
  const data: Record<string, unknown> = { id };
  for (const column of contactColumns) data[column] = null;
  data.email_trx_receipt = false;
  data.header_message_type = 0;
  apply(data, input);
  Object.assign(data, {
    created_ts: now,
    modified_ts: now,
    created_user_id: payaSimulatorDefaults.userRecordId,
    active: 1,
    _links: { self: { href: `${context.baseUrl()}/v2/contacts/${id}` } },
  });
  const record: SimRecord = { data, deleted: false };
  state.contacts.push(record);
  state.contactsById.set(id, record);
  contactPostback(state, context, record, 'CREATE');
  return json(201, { contact: data });
}

function found(state: PayaSimState, id: string | undefined): SimRecord | SimResponse {
  const record = state.contactsById.get(id ?? '');
  if (!record) return statusError(404, 'Contact not found.');
  if (record.deleted) return statusError(409, 'The contact has been deleted.');
  return record;
}

function expandContact(
  state: PayaSimState,
  record: SimRecord,
  expand: string | null,
): Record<string, unknown> {
  if (!expand) return record.data;
  const wire = { ...record.data };
  for (const name of expand.split(',')) {
    if (name === 'notes') wire.notes = [];
    else if (name === 'location') {
      const location = state.locations.find((candidate) => candidate.id === record.data.location_id);
      wire.location = location ? { id: location.id, name: location.name } : null;
    } else if (name === 'created_user' || name === 'user')
      wire[name] = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
  }
  return wire;
}

/** The contact routes. */
export function contactRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/contacts',
      handle: (request, state) => createContact(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/contacts/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        return 'data' in record
          ? json(200, { contact: expandContact(state, record, request.query.get('expand')) })
          : record;
      },
    },
    {
      method: 'PUT',
      path: '/v2/contacts/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        const body = envelopeOf(request, 'contact');
        if ('error' in body) return body.error;
        const { input } = body;
        const errors = new FieldErrors();
        checkFields(input, errors, false);
        if (input.update_if_exists !== undefined)
          errors.add('update_if_exists', 'update_if_exists is only used on create.');
        if (input.last_name === '' || input.last_name === null)
          errors.add('last_name', 'Last Name cannot be blank.');
        const location = input.location_id ?? record.data.location_id;
        if (
          input.location_id !== undefined &&
          !state.locations.some((candidate) => candidate.id === input.location_id)
        )
          errors.add('location_id', 'location_id provided is not valid');
        if (input.contact_api_id !== undefined) {
          const other = findByApiId(state, location, input.contact_api_id);
          if (other && other !== record)
            errors.add(
              'contact_api_id',
              `Contact Api Id "${String(input.contact_api_id)}" has already been taken.`,
            );
        }
        if (errors.any) return errors.response();
        apply(record.data, input);
        record.data.modified_ts = context.now();
        contactPostback(state, context, record, 'UPDATE');
        return json(200, { contact: record.data });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/contacts/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        record.deleted = true;
        contactPostback(state, context, record, 'DELETE');
        return json(204);
      },
    },
    {
      method: 'GET',
      path: '/v2/contacts',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/contacts',
            key: 'contacts',
            filters: contactFilters,
            records: state.contacts.filter((record) => !record.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) => expandContact(state, record, expand),
        ),
    },
  ];
}
