// Paya postbacks, from `Post Backs.md` and `Endpoints/Postback/README.md` of PayaDev/PayaConnect:
// the `/v2/postbackconfigs` routes, and the form posts Paya sends to each active config's url.

import { bytesToBase64 } from '@payweave/core';
import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { createWebhookOutbox, type DeliveryPlan } from '../simulator/webhook-outbox.js';
import { envelopeOf, readRecord } from './paya-sim-contacts.js';
import { FieldErrors } from './paya-sim-errors.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import { findLive } from './paya-sim-records.js';
import type { PayaSimState, SimRecord } from './paya-sim-state.js';

/** The resources a postback config subscribes to. */
export type SimPostbackResource = 'contact' | 'transaction' | 'transactionbatch' | 'accountvault';

/** What happened to a record (the postback's `type`). */
export type SimPostbackAction = 'CREATE' | 'UPDATE' | 'DELETE';

/** A change the simulator posts to the matching configs. */
export interface SimPostbackEvent {
  /** The record's resource. */
  readonly resource: SimPostbackResource;
  /** What happened to it. */
  readonly action: SimPostbackAction;
  /** Its location (configs are per location). */
  readonly location_id: string;
  /** Its deposit account (transaction and transactionbatch configs name one). */
  readonly product_transaction_id?: string | null | undefined;
  /** The record as the API returns it, with a config's `expands`; called at once, so it is a snapshot. */
  readonly data: (expands: string) => Record<string, unknown>;
}

/** One postback the simulator sent, as the receiver got it. */
export interface PayaPostbackAttempt {
  /** The postback config it was sent for. */
  readonly configId: string;
  /** Where it went. */
  readonly url: string;
  /** `${resource}.${action}`. */
  readonly type: string;
  /** The resource. */
  readonly resource: SimPostbackResource;
  /** The action (`CREATE`, `UPDATE`, `DELETE`). */
  readonly action: SimPostbackAction;
  /** The form body exactly as sent (its `number_of_attempts` counts this attempt). */
  readonly body: string;
  /** The headers sent (`authorization` when the config has a `basic_auth_username`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The `number_of_attempts` sent: 1, then 2, 3, ... for re-sends of the same event. */
  readonly attempt: number;
  /** The receiver's status, or `undefined` when it could not be reached. */
  readonly status: number | undefined;
}

/** `simulator.postbacks`: what the simulator posted, and how. */
export interface PayaSimPostbacks {
  /** Resolves when every postback queued so far (re-sends and duplicates included) is done. */
  settled(): Promise<void>;
  /** Every attempt so far, in the order they were answered. */
  readonly attempts: readonly PayaPostbackAttempt[];
  /**
   * How later postbacks are delivered: `duplicates` (extra copies after a 2xx, as Paya may
   * re-send after a lost answer), `delayMs`, and `retryDelayMs` between attempts (default
   * 10 ms where Paya waits the config's `attempt_interval` seconds). `maxAttempts`, when
   * given, replaces the config's `number_of_attempts`. Kept across `reset()`.
   */
  deliveryPlan(plan: DeliveryPlan): void;
}

/** The sending side, for the simulator and its routes. */
export interface PostbackSender extends PayaSimPostbacks {
  /** Posts `event` to every active config of its resource and location that wants its action. */
  emit(state: PayaSimState, event: SimPostbackEvent): void;
  /** Forgets the attempt log (in-flight postbacks still finish). */
  reset(): void;
}

const resources = new Set(['contact', 'transaction', 'transactionbatch', 'accountvault']);
const columns = [
  'location_id',
  'resource',
  'url',
  'product_transaction_id',
  'on_create',
  'on_update',
  'on_delete',
  'is_active',
  'number_of_attempts',
  'attempt_interval',
  'expands',
  'format',
  'basic_auth_username',
  'basic_auth_password',
] as const;
const flags = new Set(['on_create', 'on_update', 'on_delete', 'is_active']);
const actionFlag: Record<SimPostbackAction, string> = {
  CREATE: 'on_create',
  UPDATE: 'on_update',
  DELETE: 'on_delete',
};
// "Only expandable for response": the credentials are stored, and shown only when expanded.
const credentialFields = ['basic_auth_username', 'basic_auth_password'];

function isOn(value: unknown): boolean {
  return value === 1 || value === '1' || value === true;
}

function label(field: string): string {
  return field
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function check(
  state: PayaSimState,
  input: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
) {
  const errors = new FieldErrors();
  for (const key of Object.keys(input))
    if (!(columns as readonly string[]).includes(key))
      errors.add(key, `${key} is not a postbackconfig field.`);
  const merged = { ...current, ...input };
  for (const field of ['location_id', 'resource', 'url']) {
    if (merged[field] === undefined || merged[field] === null || merged[field] === '')
      errors.add(field, `${label(field)} cannot be blank.`);
  }
  const location = state.locations.find((candidate) => candidate.id === merged.location_id);
  if (merged.location_id && !location) errors.add('location_id', 'location_id provided is not valid');
  if (merged.resource !== undefined && !resources.has(String(merged.resource)))
    errors.add('resource', 'Resource is invalid.');
  if (typeof merged.url === 'string' && merged.url !== '') {
    let valid = false;
    try {
      valid = ['http:', 'https:'].includes(new URL(merged.url).protocol);
    } catch {
      valid = false;
    }
    if (!valid) errors.add('url', 'Url is not a valid URL.');
  }
  const product = merged.product_transaction_id;
  if (merged.resource === 'transaction' || merged.resource === 'transactionbatch') {
    if (product === undefined || product === null || product === '')
      errors.add('product_transaction_id', 'Product Transaction Id cannot be blank.');
  }
  if (product !== undefined && product !== null && product !== '' && location) {
    if (!location.product_transactions.some((candidate) => candidate.id === product))
      errors.add('product_transaction_id', 'product_transaction_id provided is not valid');
  }
  for (const field of flags) {
    const value = input[field];
    if (value !== undefined && ![0, 1, '0', '1', true, false].includes(value as never))
      errors.add(field, `${label(field)} must be either "1" or "0".`);
  }
  for (const field of ['number_of_attempts', 'attempt_interval']) {
    const value = input[field];
    if (value !== undefined && !/^[1-9]\d{0,6}$/.test(String(value)))
      errors.add(field, `${label(field)} must be an integer.`);
  }
  if (input.format !== undefined && input.format !== 'api-default')
    errors.add('format', 'Format is invalid.');
  if (input.expands !== undefined && input.expands !== null && typeof input.expands !== 'string')
    errors.add('expands', 'Expands must be a string.');
  for (const field of credentialFields) {
    const value = input[field];
    if (value !== undefined && value !== null && typeof value !== 'string')
      errors.add(field, `${label(field)} must be a string.`);
  }
  return errors;
}

function toWire(record: SimRecord, expand: string | null): Record<string, unknown> {
  const wanted = new Set((expand ?? '').split(','));
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data)) {
    if (credentialFields.includes(key) && !wanted.has(key)) continue;
    wire[key] = value;
  }
  return wire;
}

function found(state: PayaSimState, id: string | undefined): SimRecord | SimResponse {
  return findLive(state.postbackConfigsById, id, 'Postback config not found.');
}

const configFilters: FilterSpec<SimRecord> = {
  read: readRecord,
  text: new Set(['url']),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(),
};

function apply(data: Record<string, unknown>, input: Record<string, unknown>): void {
  for (const column of columns) if (input[column] !== undefined) data[column] = input[column];
}

function createConfig(
  request: SimRequest,
  state: PayaSimState,
  context: { now(): number; baseUrl(): string },
): SimResponse {
  const body = envelopeOf(request, 'postbackconfig');
  if ('error' in body) return body.error;
  const errors = check(state, body.input, undefined);
  if (errors.any) return errors.response();
  const id = newHexId();
  const now = context.now();
  // Defaults: format, attempts and interval as Paya's examples answer; the events and
  // is_active are not documented when omitted, so nothing is sent until they are set.
  const data: Record<string, unknown> = {
    id,
    location_id: null,
    resource: null,
    on_create: 0,
    on_update: 0,
    on_delete: 0,
    url: null,
    is_active: 0,
    format: 'api-default',
    number_of_attempts: 1,
    attempt_interval: 300,
    expands: '',
    product_transaction_id: null,
    basic_auth_username: null,
    basic_auth_password: null,
    created_ts: now,
    modified_ts: now,
    _links: { self: { href: `${context.baseUrl()}/v2/postbackconfigs/${id}` } },
  };
  apply(data, body.input);
  const record: SimRecord = { data, deleted: false };
  state.postbackConfigs.push(record);
  state.postbackConfigsById.set(id, record);
  return json(201, { postbackconfig: toWire(record, request.query.get('expand')) });
}

/** The `/v2/postbackconfigs` routes. */
export function postbackConfigRoutes(context: {
  now(): number;
  baseUrl(): string;
}): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/postbackconfigs',
      handle: (request, state) => createConfig(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/postbackconfigs/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        return 'data' in record
          ? json(200, { postbackconfig: toWire(record, request.query.get('expand')) })
          : record;
      },
    },
    {
      method: 'PUT',
      path: '/v2/postbackconfigs/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        const body = envelopeOf(request, 'postbackconfig');
        if ('error' in body) return body.error;
        const errors = check(state, body.input, record.data);
        if (errors.any) return errors.response();
        apply(record.data, body.input);
        record.data.modified_ts = context.now();
        return json(200, { postbackconfig: toWire(record, request.query.get('expand')) });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/postbackconfigs/:id',
      handle: (request, state) => {
        const record = found(state, request.params.id);
        if (!('data' in record)) return record;
        record.deleted = true;
        return json(204);
      },
    },
    {
      method: 'GET',
      path: '/v2/postbackconfigs',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/postbackconfigs',
            key: 'postbackconfigs',
            filters: configFilters,
            records: state.postbackConfigs.filter((record) => !record.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (record, expand) => toWire(record, expand),
        ),
    },
  ];
}

function matches(config: Record<string, unknown>, event: SimPostbackEvent): boolean {
  if (!isOn(config.is_active) || !isOn(config[actionFlag[event.action]])) return false;
  if (config.resource !== event.resource || config.location_id !== event.location_id) return false;
  if (event.resource === 'transaction' || event.resource === 'transactionbatch')
    return config.product_transaction_id === event.product_transaction_id;
  return true;
}

function basicAuth(username: string, password: string): string {
  return `Basic ${bytesToBase64(new TextEncoder().encode(`${username}:${password}`))}`;
}

/**
 * The postback sender: one outbox per event and config (the generic outbox retries on
 * non-2xx up to the config's `number_of_attempts` and adds duplicates or delays on demand),
 * whose sender writes each attempt's `number_of_attempts` into the form.
 */
export function createPostbackSender(send: typeof fetch = (...args) => fetch(...args)): PostbackSender {
  const attempts: PayaPostbackAttempt[] = [];
  const pending = new Set<Promise<void>>();
  let plan: DeliveryPlan = {};

  function deliver(config: Record<string, unknown>, event: SimPostbackEvent): void {
    const data = JSON.stringify(event.data(typeof config.expands === 'string' ? config.expands : ''));
    const type = `${event.resource}.${event.action}`;
    const form = (attempt: number) =>
      new URLSearchParams({
        type: event.action,
        resource: event.resource,
        number_of_attempts: String(attempt),
        data,
      }).toString();
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    // Paya adds the header only when the config has a username.
    if (typeof config.basic_auth_username === 'string' && config.basic_auth_username !== '') {
      const password = typeof config.basic_auth_password === 'string' ? config.basic_auth_password : '';
      headers.authorization = basicAuth(config.basic_auth_username, password);
    }
    const url = String(config.url);
    let attempt = 0;
    const outbox = createWebhookOutbox(async (target, init) => {
      attempt += 1;
      const body = form(attempt);
      const base = { configId: String(config.id), url, type, resource: event.resource, action: event.action };
      try {
        const response = await send(target, { ...init, body });
        attempts.push({ ...base, body, headers, attempt, status: response.status });
        return response;
      } catch (error) {
        attempts.push({ ...base, body, headers, attempt, status: undefined });
        throw error;
      }
    });
    const attemptsOfConfig = Number(config.number_of_attempts);
    const given = Object.fromEntries(Object.entries(plan).filter(([, value]) => value !== undefined));
    outbox.register(url, {
      maxAttempts: Number.isInteger(attemptsOfConfig) && attemptsOfConfig > 0 ? attemptsOfConfig : 1,
      retryDelayMs: 10,
      ...given,
    });
    outbox.send({ event: type, body: form(1), headers });
    const done = outbox.settled().finally(() => pending.delete(done));
    pending.add(done);
  }

  return {
    emit(state, event) {
      for (const record of state.postbackConfigs) {
        if (!record.deleted && matches(record.data, event)) deliver(record.data, event);
      }
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    get attempts() {
      return attempts;
    },
    deliveryPlan(next) {
      plan = { ...next };
    },
    reset() {
      attempts.length = 0;
    },
  };
}
