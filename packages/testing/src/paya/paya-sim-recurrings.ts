// Paya recurring billing, from `Endpoints/Recurrings/README.md` of PayaDev/PayaConnect: the
// `/v2/recurrings` routes (create, get, update, delete, list, skipPayment, deferPayment,
// placeOnHold, activate), a clock the tests control, and the runs a due schedule makes: each one a
// sale (or ACH debit) of the recurring's account vault, `trx_source_id` 13 and `recurring_id` set.

import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { envelopeOf, readRecord } from './paya-sim-contacts.js';
import { FieldErrors, formatCents, toCents } from './paya-sim-errors.js';
import type { SimPostbackEvent } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import { findLive, withRecord } from './paya-sim-records.js';
import { type PayaSimState, payaSimulatorDefaults, type SimRecurring } from './paya-sim-state.js';
import { createTransaction, type TransactionContext, transactionToWire } from './paya-sim-transactions.js';

/**
 * The simulator's clock: the real time (or the `now` option) plus what the test moved it by.
 *
 * @example
 * ```ts
 * simulator.clock.set('2027-01-01');
 * simulator.clock.advance(31 * 86_400_000);
 * simulator.clock.today(); // '2027-02-01'
 * ```
 */
export interface PayaSimClock {
  /** Unix seconds, as the simulator sees them. */
  now(): number;
  /** Today, `YYYY-MM-DD` (UTC), as the simulator sees it. */
  today(): string;
  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void;
  /** Moves the clock to a moment: a `Date`, an ISO date (`2027-01-01`) or unix seconds. */
  set(to: Date | string | number): void;
  /** Back to the base time (`simulator.reset()` does it). */
  reset(): void;
}

/**
 * A clock over `base` (unix seconds) that tests can move.
 *
 * @example
 * ```ts
 * const clock = createSimClock(() => Date.now() / 1000);
 * clock.advance(60_000);
 * ```
 */
export function createSimClock(base: () => number): PayaSimClock {
  let offsetMs = 0;
  const clock: PayaSimClock = {
    now: () => Math.floor(base() + offsetMs / 1000),
    today: () => dateOf(clock.now()),
    advance(ms) {
      offsetMs += ms;
    },
    set(to) {
      const target =
        to instanceof Date ? to.getTime() / 1000 : typeof to === 'string' ? Date.parse(to) / 1000 : to;
      if (!Number.isFinite(target)) throw new Error(`paya simulator clock: cannot read ${String(to)}`);
      offsetMs = (target - base()) * 1000;
    },
    reset() {
      offsetMs = 0;
    },
  };
  return clock;
}

/**
 * What one due run of a recurring made.
 *
 * @example
 * ```ts
 * const runs: SimRecurringRun[] = simulator.runDueRecurrings();
 * for (const run of runs) console.log(run.recurring_id, run.run_date, run.status_id);
 * ```
 */
export interface SimRecurringRun {
  /** The recurring. */
  readonly recurring_id: string;
  /** The schedule date it ran for. */
  readonly run_date: string;
  /** The transaction it created, when the charge was accepted (approved or declined). */
  readonly transaction_id: string | undefined;
  /** That transaction's `status_id` (101 approved, 131 ACH pending, 301 declined). */
  readonly status_id: number | undefined;
  /** Paya's refusal when the charge could not be made (the vault was deleted, ...). */
  readonly refused: unknown;
}

const noDate = '0000-00-00';
const maxRunsPerCall = 10_000;

function dateOf(now: number): string {
  return new Date(now * 1000).toISOString().slice(0, 10);
}

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `date` moved by `count` units: days, weeks, or months (the day kept, or the month's last day). */
function addUnits(date: string, count: number, type: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (type === 'm') {
    const first = new Date(Date.UTC(year, month - 1 + count, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    first.setUTCDate(Math.min(day, last));
    return first.toISOString().slice(0, 10);
  }
  const days = type === 'w' ? 7 * count : count;
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function intervalOf(recurring: SimRecurring): number {
  return Number(recurring.data.interval);
}

/** The date of a schedule slot, counted from the anchor (so a month's day never drifts). */
function slotDate(recurring: SimRecurring, slot: number): string {
  return addUnits(
    recurring.anchor,
    (slot - recurring.anchorSlot) * intervalOf(recurring),
    String(recurring.data.interval_type),
  );
}

function installments(recurring: SimRecurring): number | undefined {
  const total = recurring.data.installment_total_count;
  return typeof total === 'number' ? total : undefined;
}

/** Sets `next_run_date` from the slot, or ends the recurring when its runs or its end date are used up. */
function refresh(recurring: SimRecurring): void {
  const data = recurring.data;
  if (data.status !== 'active') return;
  const total = installments(recurring);
  const next = slotDate(recurring, recurring.slot);
  const end = typeof data.end_date === 'string' && data.end_date !== noDate ? data.end_date : undefined;
  const used = total !== undefined && recurring.runs + recurring.skipped >= total;
  if (used || (end !== undefined && next > end)) {
    data.status = 'ended';
    data.next_run_date = noDate;
  } else {
    data.next_run_date = next;
  }
}

const createFields = new Set([
  'account_vault_id',
  'location_id',
  'product_transaction_id',
  'transaction_amount',
  'interval',
  'interval_type',
  'start_date',
  'end_date',
  'installment_total_count',
  'notification_days',
  'description',
  'payment_method',
  'active',
]);
const updateFields = new Set([
  'account_vault_id',
  'product_transaction_id',
  'end_date',
  'next_run_date',
  'notification_days',
  'description',
  'active',
]);

function checkVault(
  state: PayaSimState,
  errors: FieldErrors,
  vaultId: unknown,
  locationId: unknown,
): 'cc' | 'ach' | undefined {
  if (typeof vaultId !== 'string' || vaultId.length < 24 || vaultId.length > 36) {
    errors.add('account_vault_id', 'Account Vault Id should contain 24 to 36 characters.');
    return undefined;
  }
  const vault = state.accountVaultsById.get(vaultId);
  if (!vault || vault.deleted || vault.data.location_id !== locationId) {
    errors.add('account_vault_id', 'account_vault_id provided is not valid');
    return undefined;
  }
  return vault.data.payment_method === 'ach' ? 'ach' : 'cc';
}

function checkProduct(
  state: PayaSimState,
  errors: FieldErrors,
  locationId: unknown,
  productId: unknown,
  method: 'cc' | 'ach' | undefined,
): void {
  if (productId === undefined || productId === null) return;
  const location = state.locations.find((candidate) => candidate.id === locationId);
  const product = location?.product_transactions.find((candidate) => candidate.id === productId);
  if (!product) errors.add('product_transaction_id', 'product_transaction_id provided is not valid');
  else if (method !== undefined && product.payment_method !== method)
    errors.add('product_transaction_id', `Product Transaction is not a ${method} product.`);
}

function checkCommon(input: Record<string, unknown>, errors: FieldErrors): void {
  if (input.end_date !== undefined && !isDate(input.end_date))
    errors.add('end_date', 'End Date must be a yyyy-mm-dd date.');
  if (
    input.notification_days !== undefined &&
    input.notification_days !== null &&
    !/^\d{1,2}$/.test(String(input.notification_days))
  )
    errors.add('notification_days', 'Notification Days should contain at most 2 digits.');
  if (input.description !== undefined && input.description !== null) {
    if (typeof input.description !== 'string' || input.description.length > 36)
      errors.add('description', 'Description should contain at most 36 characters.');
  }
  if (input.active !== undefined && !['0', '1'].includes(String(input.active)))
    errors.add('active', 'Active must be 1 or 0.');
}

function createRecurring(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const body = envelopeOf(request, 'recurring');
  if ('error' in body) return body.error;
  const input = body.input;
  const errors = new FieldErrors();
  for (const key of Object.keys(input))
    if (!createFields.has(key)) errors.add(key, `${key} is not a recurring field.`);
  const location = state.locations.find((candidate) => candidate.id === input.location_id);
  if (input.location_id === undefined) errors.add('location_id', 'Location Id cannot be blank.');
  else if (!location) errors.add('location_id', 'location_id provided is not valid');
  if (input.account_vault_id === undefined)
    errors.add('account_vault_id', 'Account Vault Id cannot be blank.');
  const vaultMethod =
    input.account_vault_id === undefined
      ? undefined
      : checkVault(state, errors, input.account_vault_id, input.location_id);
  if (input.payment_method !== undefined && input.payment_method !== 'cc' && input.payment_method !== 'ach')
    errors.add('payment_method', 'Payment Method must be cc or ach.');
  else if (
    input.payment_method !== undefined &&
    vaultMethod !== undefined &&
    input.payment_method !== vaultMethod
  )
    errors.add('payment_method', 'Payment Method must match the account vault.');
  const method = (input.payment_method as 'cc' | 'ach' | undefined) ?? vaultMethod ?? 'cc';
  checkProduct(state, errors, input.location_id, input.product_transaction_id, method);
  const cents = toCents(input.transaction_amount);
  if (input.transaction_amount === undefined)
    errors.add('transaction_amount', 'Transaction Amount cannot be blank.');
  else if (cents === undefined || cents === 0)
    errors.add('transaction_amount', 'Transaction Amount must be a positive number with at most 2 decimals.');
  if (input.interval === undefined) errors.add('interval', 'Interval cannot be blank.');
  else if (!/^[1-9]\d{0,2}$/.test(String(input.interval)))
    errors.add('interval', 'Interval must be a whole number of 1 to 3 digits.');
  if (input.interval_type === undefined) errors.add('interval_type', 'Interval Type cannot be blank.');
  else if (!['d', 'w', 'm'].includes(String(input.interval_type)))
    errors.add('interval_type', 'Interval Type must be one of d, w, m.');
  if (input.start_date === undefined) errors.add('start_date', 'Start Date cannot be blank.');
  else if (!isDate(input.start_date)) errors.add('start_date', 'Start Date must be a yyyy-mm-dd date.');
  if (
    input.installment_total_count !== undefined &&
    input.installment_total_count !== null &&
    !/^\d{1,2}$/.test(String(input.installment_total_count))
  )
    errors.add('installment_total_count', 'Installment Total Count should contain at most 2 digits.');
  checkCommon(input, errors);
  if (isDate(input.start_date) && isDate(input.end_date) && input.end_date <= input.start_date)
    errors.add('end_date', 'End Date must be after Start Date.');
  if (errors.any) return errors.response();

  const id = newHexId();
  const now = context.now();
  const total =
    input.installment_total_count === undefined || input.installment_total_count === null
      ? undefined
      : Number(input.installment_total_count);
  const data: Record<string, unknown> = {
    id,
    account_vault_id: input.account_vault_id,
    location_id: location!.id,
    product_transaction_id:
      (input.product_transaction_id as string | undefined) ??
      (method === 'ach' ? location!.default_ach : location!.default_cc),
    description: input.description ?? null,
    transaction_amount: formatCents(cents!),
    interval_type: input.interval_type,
    interval: Number(input.interval),
    installment_total_count: total ?? null,
    installment_amount_total: total === undefined ? null : formatCents(cents! * total),
    next_run_date: input.start_date,
    payment_method: method,
    start_date: input.start_date,
    end_date: input.end_date ?? noDate,
    notification_days: input.notification_days === undefined ? 0 : Number(input.notification_days),
    created_ts: now,
    modified_ts: now,
    status: 'active',
    recurring_c1: null,
    recurring_c2: null,
    recurring_c3: null,
    active: input.active === undefined ? 1 : Number(input.active),
    recurring_type_id: total === undefined ? 'o' : 'i',
    _links: { self: { href: `${context.baseUrl()}/v2/recurrings/${id}` } },
  };
  const recurring: SimRecurring = {
    data,
    deleted: false,
    slot: 0,
    runs: 0,
    skipped: 0,
    deferred: 0,
    anchor: String(input.start_date),
    anchorSlot: 0,
  };
  // An installment plan ends the day before the slot after its last run (Paya's example:
  // 20 monthly runs from 2019-02-23 end on 2020-10-22).
  if (total !== undefined && input.end_date === undefined)
    data.end_date = addUnits(slotDate(recurring, total), -1, 'd');
  refresh(recurring);
  state.recurrings.push(recurring);
  state.recurringsById.set(id, recurring);
  return json(201, { recurring: data });
}

function found(state: PayaSimState, id: string | undefined): SimRecurring | SimResponse {
  return findLive(state.recurringsById, id, 'Recurring not found.');
}

function updateRecurring(
  request: SimRequest,
  state: PayaSimState,
  context: TransactionContext,
  recurring: SimRecurring,
): SimResponse {
  const body = envelopeOf(request, 'recurring');
  if ('error' in body) return body.error;
  const input = body.input;
  const data = recurring.data;
  const errors = new FieldErrors();
  for (const key of Object.keys(input)) {
    if (createFields.has(key) && !updateFields.has(key)) errors.add(key, `${key} cannot be changed.`);
    else if (!updateFields.has(key)) errors.add(key, `${key} is not a recurring field.`);
  }
  if (input.account_vault_id !== undefined) {
    const method = checkVault(state, errors, input.account_vault_id, data.location_id);
    if (method !== undefined && method !== data.payment_method)
      errors.add('account_vault_id', 'The account vault must hold the same payment method.');
  }
  checkProduct(state, errors, data.location_id, input.product_transaction_id, data.payment_method as 'cc');
  checkCommon(input, errors);
  if (input.next_run_date !== undefined) {
    if (!isDate(input.next_run_date)) errors.add('next_run_date', 'Next Run Date must be a yyyy-mm-dd date.');
    else if (input.next_run_date < dateOf(context.now()))
      errors.add('next_run_date', 'Next Run Date cannot be in the past.');
  }
  if (errors.any) return errors.response();
  for (const field of ['account_vault_id', 'product_transaction_id', 'description'] as const)
    if (input[field] !== undefined) data[field] = input[field];
  if (input.notification_days !== undefined) data.notification_days = Number(input.notification_days);
  if (input.end_date !== undefined) data.end_date = input.end_date;
  // `active` by PUT is honoured for ongoing recurrings only ("otherwise this field is ignored").
  if (input.active !== undefined && data.recurring_type_id === 'o') data.active = Number(input.active);
  if (typeof input.next_run_date === 'string') {
    recurring.anchor = input.next_run_date;
    recurring.anchorSlot = recurring.slot;
  }
  refresh(recurring);
  data.modified_ts = context.now();
  return json(200, { recurring: data });
}

function countOf(request: SimRequest, name: string): number | SimResponse {
  const raw = request.query.get(name);
  if (raw === null || !/^[1-9]\d*$/.test(raw))
    return json(422, { errors: { [name]: [`${name} must be a positive whole number.`] } });
  return Number(raw);
}

function skip(request: SimRequest, context: TransactionContext, recurring: SimRecurring): SimResponse {
  const count = countOf(request, 'skip_count');
  if (typeof count !== 'number') return count;
  if (recurring.data.status !== 'active')
    return json(422, { errors: { status: ['Only an active recurring can skip payments.'] } });
  // The end date stays; an installment plan collects one run fewer per skip.
  recurring.slot += count;
  if (installments(recurring) !== undefined) recurring.skipped += count;
  refresh(recurring);
  recurring.data.modified_ts = context.now();
  return json(200, { recurring: recurring.data });
}

function defer(request: SimRequest, context: TransactionContext, recurring: SimRecurring): SimResponse {
  const count = countOf(request, 'defer_count');
  if (typeof count !== 'number') return count;
  if (recurring.data.recurring_type_id !== 'i')
    return json(422, { errors: { recurring_type_id: ['Defer is not applicable to ongoing recurrings.'] } });
  if (recurring.data.status !== 'active')
    return json(422, { errors: { status: ['Only an active recurring can defer payments.'] } });
  // The runs move to the end: every installment is still collected, the end date moves out.
  recurring.slot += count;
  recurring.deferred += count;
  const data = recurring.data;
  if (typeof data.end_date === 'string' && data.end_date !== noDate)
    data.end_date = addUnits(data.end_date, count * intervalOf(recurring), String(data.interval_type));
  refresh(recurring);
  data.modified_ts = context.now();
  return json(200, { recurring: data });
}

function hold(context: TransactionContext, recurring: SimRecurring): SimResponse {
  if (recurring.data.status !== 'active')
    return json(422, { errors: { status: ['Only an active recurring can be placed on hold.'] } });
  recurring.data.status = 'on hold';
  recurring.data.next_run_date = noDate;
  recurring.data.modified_ts = context.now();
  return json(200, { recurring: recurring.data });
}

function activate(context: TransactionContext, recurring: SimRecurring): SimResponse {
  if (recurring.data.status !== 'on hold')
    return json(422, { errors: { status: ['Only a recurring on hold can be activated.'] } });
  const today = dateOf(context.now());
  // Runs missed while on hold are not made up; an installment plan collects that many fewer.
  while (slotDate(recurring, recurring.slot) < today) {
    recurring.slot += 1;
    if (installments(recurring) !== undefined) recurring.skipped += 1;
  }
  recurring.data.status = 'active';
  refresh(recurring);
  recurring.data.modified_ts = context.now();
  return json(200, { recurring: recurring.data });
}

/** The transactions a recurring made, as wire records. */
function transactionsOf(state: PayaSimState, id: string, baseUrl: string): Record<string, unknown>[] {
  return state.transactions
    .filter((record) => record.recurring_id === id)
    .map((record) => transactionToWire(record, baseUrl));
}

function expandRecurring(
  state: PayaSimState,
  recurring: SimRecurring,
  expand: string | null,
  baseUrl: string,
): Record<string, unknown> {
  if (!expand) return recurring.data;
  const wire = { ...recurring.data };
  const data = recurring.data;
  for (const name of expand.split(',')) {
    if (name === 'transactions') wire.transactions = transactionsOf(state, String(data.id), baseUrl);
    else if (name === 'account_vault')
      wire.account_vault = state.accountVaultsById.get(String(data.account_vault_id))?.data ?? null;
    else if (name === 'location') {
      const location = state.locations.find((candidate) => candidate.id === data.location_id);
      wire.location = location ? { id: location.id, name: location.name } : null;
    } else if (name === 'contact') {
      const contactId = state.accountVaultsById.get(String(data.account_vault_id))?.data.contact_id;
      wire.contact = typeof contactId === 'string' ? (state.contactsById.get(contactId)?.data ?? null) : null;
    } else if (name === 'product_transaction') {
      const location = state.locations.find((candidate) => candidate.id === data.location_id);
      wire.product_transaction =
        location?.product_transactions.find((product) => product.id === data.product_transaction_id) ?? null;
    } else if (name === 'tags') wire.tags = [];
    else if (name === 'signature') wire.signature = null;
    else if (name === 'created_user')
      wire.created_user = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
  }
  return wire;
}

const recurringFilters: FilterSpec<SimRecurring> = {
  read: (record, field) =>
    field === 'transaction_amount' ? toCents(record.data.transaction_amount) : readRecord(record, field),
  text: new Set(['description']),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(['transaction_amount']),
};

/**
 * Runs every due recurring: for each active one whose `next_run_date` is today or earlier (by
 * the simulator's clock), one charge per due schedule date (so a clock moved two months makes
 * two monthly runs), then the next date. A run charges the recurring's account vault through
 * `POST /v2/transactions` as Paya would (a card sale, or an ACH debit), so the sandbox amounts
 * decline as usual; the transaction carries `recurring_id` and `trx_source_id` 13, and its
 * CREATE postback goes out with them.
 */
export function runDueRecurrings(state: PayaSimState, context: TransactionContext): SimRecurringRun[] {
  const today = dateOf(context.now());
  const runs: SimRecurringRun[] = [];
  for (const recurring of state.recurrings) {
    const data = recurring.data;
    while (
      !recurring.deleted &&
      data.status === 'active' &&
      String(data.active) === '1' &&
      typeof data.next_run_date === 'string' &&
      data.next_run_date !== noDate &&
      data.next_run_date <= today &&
      runs.length < maxRunsPerCall
    ) {
      runs.push(charge(state, context, recurring, data.next_run_date));
      recurring.slot += 1;
      recurring.runs += 1;
      refresh(recurring);
    }
  }
  return runs;
}

function charge(
  state: PayaSimState,
  context: TransactionContext,
  recurring: SimRecurring,
  runDate: string,
): SimRecurringRun {
  const data = recurring.data;
  const method = data.payment_method === 'ach' ? 'ach' : 'cc';
  const vault = state.accountVaultsById.get(String(data.account_vault_id));
  const location = state.locations.find((candidate) => candidate.id === data.location_id);
  const product = location?.product_transactions.find(
    (candidate) => candidate.id === data.product_transaction_id,
  );
  const contactId = vault?.data.contact_id;
  const contact = typeof contactId === 'string' ? state.contactsById.get(contactId) : undefined;
  const transaction: Record<string, unknown> = {
    action: method === 'ach' ? 'debit' : 'sale',
    payment_method: method,
    account_vault_id: data.account_vault_id,
    location_id: data.location_id,
    product_transaction_id: data.product_transaction_id,
    transaction_amount: data.transaction_amount,
    ...(typeof data.description === 'string' && data.description !== ''
      ? { description: data.description }
      : {}),
    ...(contact && !contact.deleted ? { contact_id: contactId } : {}),
    ...(method === 'ach' ? { ach_sec_code: vault?.data.ach_sec_code ?? product?.sec_code ?? 'WEB' } : {}),
  };
  const body = { transaction };
  const request: SimRequest = {
    method: 'POST',
    path: '/v2/transactions',
    params: {},
    query: new URLSearchParams(),
    headers: {},
    body,
    rawBody: JSON.stringify(body),
  };
  // The CREATE postback waits until the record says it came from this recurring.
  const events: SimPostbackEvent[] = [];
  const response = createTransaction(request, state, {
    now: context.now,
    baseUrl: context.baseUrl,
    postback: (_state, event) => events.push(event),
  });
  const created = (response.body as { transaction?: { id?: string } } | undefined)?.transaction?.id;
  const record = response.status === 201 && created ? state.transactionsById.get(created) : undefined;
  if (record) {
    record.recurring_id = String(data.id);
    record.extra = { ...record.extra, trx_source_id: 13 };
  }
  for (const event of events) context.postback?.(state, event);
  return {
    recurring_id: String(data.id),
    run_date: runDate,
    transaction_id: record?.id,
    status_id: record?.status_id,
    refused: record ? undefined : response.body,
  };
}

/** The `/v2/recurrings` routes. */
export function recurringRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  const withRecurring = withRecord(found);
  return [
    {
      method: 'POST',
      path: '/v2/recurrings',
      handle: (request, state) => createRecurring(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/recurrings/:id',
      handle: withRecurring((request, state, recurring) =>
        json(200, {
          recurring: expandRecurring(state, recurring, request.query.get('expand'), context.baseUrl()),
        }),
      ),
    },
    {
      method: 'PUT',
      path: '/v2/recurrings/:id',
      handle: withRecurring((request, state, recurring) =>
        updateRecurring(request, state, context, recurring),
      ),
    },
    {
      method: 'DELETE',
      path: '/v2/recurrings/:id',
      handle: withRecurring((_request, _state, recurring) => {
        recurring.deleted = true;
        return json(204);
      }),
    },
    {
      method: 'POST',
      path: '/v2/recurrings/:id/skipPayment',
      handle: withRecurring((request, _state, recurring) => skip(request, context, recurring)),
    },
    {
      method: 'POST',
      path: '/v2/recurrings/:id/deferPayment',
      handle: withRecurring((request, _state, recurring) => defer(request, context, recurring)),
    },
    {
      method: 'POST',
      path: '/v2/recurrings/:id/placeOnHold',
      handle: withRecurring((_request, _state, recurring) => hold(context, recurring)),
    },
    {
      method: 'POST',
      path: '/v2/recurrings/:id/activate',
      handle: withRecurring((_request, _state, recurring) => activate(context, recurring)),
    },
    {
      method: 'GET',
      path: '/v2/recurrings',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/recurrings',
            key: 'recurrings',
            filters: recurringFilters,
            records: state.recurrings.filter((record) => !record.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) => expandRecurring(state, record, expand, context.baseUrl()),
        ),
    },
  ];
}
