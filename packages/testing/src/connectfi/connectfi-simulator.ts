import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse } from '../simulator/sim-types.js';
import {
  type ConnectFiSimPayment,
  type ConnectFiSimState,
  type ConnectFiSimStatus,
  connectFiId,
  connectFiSimStatuses,
  seedPaymentLinkId,
  seedPayments,
  seedRefunds,
} from './connectfi-sim-state.js';
import { type AjvError, type RequestSchema, validateRequest } from './connectfi-sim-validate.js';

/** The simulator's default base URL (connectFi has no public one: each client gets its own instance). */
export const connectFiSimulatorUrl = 'https://connectfi.example.test';

/** The client login the simulator accepts by default. */
export const connectFiSimulatorLogin = 'CLIENTID';

/** The password the simulator accepts by default. */
export const connectFiSimulatorPassword = 'connectfi-sandbox-password';

/** Seeded data of the connectFi simulator (with `seed` left on). */
export const connectFiSimulatorDefaults = {
  /** The login a default simulator accepts. */
  login: connectFiSimulatorLogin,
  /** The password a default simulator accepts. */
  password: connectFiSimulatorPassword,
  /** The seed's payment link, in status `Error` (ready to be set to `SentToPay`). */
  paymentLinkId: seedPaymentLinkId,
  /** One seeded payment link in each of the twelve statuses (twelve more exist for paging). */
  paymentIdByStatus: Object.fromEntries(
    connectFiSimStatuses.map((status, index) => [status, connectFiId(index + 1)]),
  ) as Readonly<Record<ConnectFiSimStatus, string>>,
  /** Seeded refunds, in statuses SentToPay, Completed, Error and Initiated. */
  refundIds: [700, 701, 702, 703].map((seed) => `RF${connectFiId(seed).slice(0, 20)}`),
} as const;

/** The settings a connectFi client needs to talk to the simulator. */
export interface ConnectFiSimCredentials {
  /** The client login the simulator accepts. */
  readonly login: string;
  /** Its password. */
  readonly password: string;
}

/** Settings of {@link createConnectFiSimulator}. */
export interface ConnectFiSimulatorOptions {
  /** Accepted login (default {@link connectFiSimulatorLogin}). */
  login?: string;
  /** Accepted password (default {@link connectFiSimulatorPassword}). */
  password?: string;
  /** Token lifetime (default one hour). */
  tokenTtlMs?: number;
  /** Shape of the list response's `data` (default `array`); the real shape is not published. */
  listShape?: 'array' | 'object';
  /** Start with the seeded payment links and refunds (default true). */
  seed?: boolean;
}

/** The connectFi simulator plus its helpers. */
export interface ConnectFiSimulator extends Simulator<ConnectFiSimState> {
  /** The settings a client needs (`createConnectFi({ baseUrl, ...simulator.credentials })`). */
  readonly credentials: ConnectFiSimCredentials;
  /** The seeded data: {@link connectFiSimulatorDefaults}. */
  readonly defaults: typeof connectFiSimulatorDefaults;
  /** Ends every token: the next call answers 401 `unauthorized`. */
  expireTokens(): void;
  /** Tokens issued so far. */
  readonly tokensIssued: number;
  /** A payment link by id (for assertions). */
  payment(cFiTransactionId: string): ConnectFiSimPayment | undefined;
  /**
   * An automatic (processor) status update. Ignored, returning false, when the link's
   * `manualStatus` is true: a manual status locks the link against these.
   */
  processorUpdate(cFiTransactionId: string, status: ConnectFiSimStatus): boolean;
}

const idRule = { type: 'string', pattern: '^[0-9a-zA-Z_]+$', minLength: 1, maxLength: 36 } as const;
const dateRule = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;

const setStatusSchema: RequestSchema = {
  properties: {
    cFiTransactionId: idRule,
    status: { type: 'string', enum: connectFiSimStatuses },
    description: { type: 'string', pattern: '^((?![<>]).)*$', minLength: 0, maxLength: 100, nullable: true },
    manualStatus: { type: 'boolean', nullable: true },
  },
  required: ['cFiTransactionId', 'status', 'description'],
};

const cancelSchema: RequestSchema = {
  properties: { cFiTransactionId: idRule },
  required: ['cFiTransactionId'],
};

const listSchema: RequestSchema = {
  properties: {
    cFiTransactionId: idRule,
    cFiTransactionIds: { type: 'array', items: idRule },
    status: { type: 'string', enum: connectFiSimStatuses },
    payerName: { type: 'string', maxLength: 100 },
    dateCreateFrom: dateRule,
    dateCreateTo: dateRule,
    dueDateFrom: dateRule,
    dueDateTo: dateRule,
    invoiceNumber: { type: 'string', maxLength: 50 },
    amountFrom: { type: 'number', minimum: 0 },
    amountTo: { type: 'number', minimum: 0 },
    paymentType: { type: 'string', enum: ['card', 'ach'] },
    numberOfRecords: { type: 'integer', minimum: 1 },
    skipRecords: { type: 'integer', minimum: 0 },
  },
};

const manualStatuses: readonly ConnectFiSimStatus[] = [
  'Error',
  'SentToPay',
  'Completed',
  'Settled',
  'Returned',
  'Declined',
];
const cancellable: readonly ConnectFiSimStatus[] = ['Initiated', 'Sent', 'Processing'];

const requestId = () => newHexId().slice(0, 32);
const ok = (data: unknown) => json(200, { code: '0', data, requestId: requestId() });
const failure = (code: string, message: string, context: unknown, status = 400): SimResponse =>
  json(status, { requestId: requestId(), code, context, message });
const invalid = (context: AjvError[]) => failure('requestValidateError', 'Request validation error', context);
const unauthorized = () => json(401, { code: 'unauthorized', message: 'Authentication error' });

function body(request: SimRequest): Record<string, unknown> {
  return request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? (request.body as Record<string, unknown>)
    : {};
}

/**
 * A stateful connectFi (PayGears) simulator written from the connectFi docs: login with
 * token expiry, payment links seeded in every status, set-status / refund-set-status /
 * cancel with the documented rules enforced and the real error envelopes
 * (`requestValidateError` with AJV `context[]`, `paymentNotFound`, `paymentStatus`,
 * `greaterNumberOfRecords`), and list paging with `numberOfRecords` / `skipRecords`.
 *
 * @example
 * ```ts
 * const simulator = createConnectFiSimulator();
 * const baseUrl = await simulator.listen();
 * const connectfi = createConnectFi({ baseUrl, ...simulator.credentials });
 * ```
 */
export function createConnectFiSimulator(options: ConnectFiSimulatorOptions = {}): ConnectFiSimulator {
  const ttl = options.tokenTtlMs ?? 60 * 60_000;

  const setStatus =
    (collection: 'payments' | 'refunds') => (request: SimRequest, state: ConnectFiSimState) => {
      const input = body(request);
      const errors = validateRequest(setStatusSchema, input);
      if (errors.length > 0) return invalid(errors);
      const id = String(input.cFiTransactionId);
      const payment = state[collection].find((candidate) => candidate.cFiTransactionId === id);
      if (!payment) return failure('paymentNotFound', 'Payment not found', { cFiTransactionId: id });
      const target = input.status as ConnectFiSimStatus;
      if (!manualStatuses.includes(payment.status) || !manualStatuses.includes(target)) {
        return failure('paymentStatus', 'Wrong Payment status', {
          status: payment.status,
          newStatus: target,
        });
      }
      const at = new Date(Date.now()).toISOString();
      payment.status = target;
      payment.manualStatus =
        input.manualStatus === undefined || input.manualStatus === null ? true : Boolean(input.manualStatus);
      payment.statusChangeHistory.push({
        login: state.credentials.login,
        description: input.description as string | null,
        initiatorId: '1HTczC2VSZcJ3BB5pKr09Y',
        initiatorType: 'user',
        status: target,
        dtsCreatedAt: at,
        dtsUpdatedAt: at,
      });
      payment.dtsUpdatedAt = at;
      if (target === 'SentToPay') payment.dtsSentToPayAt ??= at;
      return ok(payment);
    };

  const simulator = createSimulator<ConnectFiSimState>({
    name: 'connectfi',
    baseUrl: connectFiSimulatorUrl,
    initialState: () => ({
      credentials: {
        login: options.login ?? connectFiSimulatorLogin,
        password: options.password ?? connectFiSimulatorPassword,
      },
      tokens: new Map(),
      tokensIssued: 0,
      payments: options.seed === false ? [] : seedPayments(),
      refunds: options.seed === false ? [] : seedRefunds(),
      listShape: options.listShape ?? 'array',
    }),
    before: (request, state) => {
      if (request.method !== 'POST') return json(404, { code: 'notFound', message: 'Not found' });
      if (request.path === '/auth/get-token') return undefined;
      const token = request.headers['x-connectfi-token'];
      const expiry = token === undefined ? undefined : state.tokens.get(token);
      return expiry === undefined || expiry <= Date.now() ? unauthorized() : undefined;
    },
    routes: [
      {
        method: 'POST',
        path: '/auth/get-token',
        handle: (request, state) => {
          const input = body(request);
          const { user: rawUser, ...rest } = input;
          const errors = validateRequest(
            { properties: { requestId: { type: 'string', maxLength: 32 } } },
            rest,
          );
          const user =
            rawUser && typeof rawUser === 'object' ? (rawUser as Record<string, unknown>) : undefined;
          if (!user) {
            errors.push({
              instancePath: '',
              schemaPath: '#/required',
              keyword: 'required',
              params: { missingProperty: 'user' },
              message: "must have required property 'user'",
            });
          } else {
            const loginSchema: RequestSchema = {
              properties: {
                login: { type: 'string', pattern: '^[0-9a-zA-Z_]+$', maxLength: 36 },
                password: { type: 'string', maxLength: 50 },
              },
              required: ['login', 'password'],
            };
            errors.push(
              ...validateRequest(loginSchema, user).map((error) => ({
                ...error,
                instancePath: `/user${error.instancePath}`,
              })),
            );
          }
          if (errors.length > 0) return invalid(errors);
          if (user?.login !== state.credentials.login || user?.password !== state.credentials.password)
            return unauthorized();
          const token = `${newHexId()}${newHexId()}${newHexId()}`;
          const expiresAt = Date.now() + ttl;
          state.tokens.set(token, expiresAt);
          state.tokensIssued += 1;
          return ok({ token, dtsExpireAt: new Date(expiresAt).toISOString() });
        },
      },
      { method: 'POST', path: '/payment-link/payment/set-status', handle: setStatus('payments') },
      { method: 'POST', path: '/payment-link/payment/refund-set-status', handle: setStatus('refunds') },
      {
        method: 'POST',
        path: '/payment-link/payment/cancel',
        handle: (request, state) => {
          const input = body(request);
          const errors = validateRequest(cancelSchema, input);
          if (errors.length > 0) return invalid(errors);
          const payment = state.payments.find(
            (candidate) => candidate.cFiTransactionId === input.cFiTransactionId,
          );
          if (!payment)
            return failure('paymentNotFound', 'Payment not found', {
              cFiTransactionId: input.cFiTransactionId,
            });
          if (!cancellable.includes(payment.status))
            return failure('paymentStatus', 'Wrong Payment status', { status: payment.status });
          const at = new Date(Date.now()).toISOString();
          payment.status = 'Cancelled';
          payment.statusChangeHistory.push({
            login: state.credentials.login,
            initiatorType: 'user',
            status: 'Cancelled',
            dtsCreatedAt: at,
            dtsUpdatedAt: at,
          });
          payment.dtsUpdatedAt = at;
          return ok(payment);
        },
      },
      {
        method: 'POST',
        path: '/payment-link/payment/list',
        handle: (request, state) => {
          const input = body(request);
          const errors = validateRequest(listSchema, input);
          if (errors.length > 0) return invalid(errors);
          const take = (input.numberOfRecords as number | undefined) ?? 100;
          if (take > 1000)
            return failure('greaterNumberOfRecords', 'Number of records is greater than allowed', {
              maxNumberOfRecords: 1000,
            });
          const skip = (input.skipRecords as number | undefined) ?? 0;
          const day = (value: string) => value.slice(0, 10);
          const found = state.payments.filter((payment) => {
            if (input.cFiTransactionId !== undefined && payment.cFiTransactionId !== input.cFiTransactionId)
              return false;
            if (
              Array.isArray(input.cFiTransactionIds) &&
              !input.cFiTransactionIds.includes(payment.cFiTransactionId)
            )
              return false;
            if (input.status !== undefined && payment.status !== input.status) return false;
            if (
              input.payerName !== undefined &&
              !payment.payerName.toLowerCase().includes(String(input.payerName).toLowerCase())
            )
              return false;
            if (input.invoiceNumber !== undefined && payment.invoiceNumber !== input.invoiceNumber)
              return false;
            if (input.paymentType !== undefined && payment.paymentType !== input.paymentType) return false;
            if (input.amountFrom !== undefined && payment.amount < (input.amountFrom as number)) return false;
            if (input.amountTo !== undefined && payment.amount > (input.amountTo as number)) return false;
            if (
              input.dateCreateFrom !== undefined &&
              day(payment.dtsCreatedAt) < day(String(input.dateCreateFrom))
            )
              return false;
            if (
              input.dateCreateTo !== undefined &&
              day(payment.dtsCreatedAt) > day(String(input.dateCreateTo))
            )
              return false;
            if (input.dueDateFrom !== undefined && payment.dueDate < day(String(input.dueDateFrom)))
              return false;
            if (input.dueDateTo !== undefined && payment.dueDate > day(String(input.dueDateTo))) return false;
            return true;
          });
          const page = found.slice(skip, skip + take);
          return ok(state.listShape === 'array' ? page : { payments: page, count: found.length });
        },
      },
    ],
  });

  const extended = Object.assign(simulator, {
    credentials: {
      login: options.login ?? connectFiSimulatorLogin,
      password: options.password ?? connectFiSimulatorPassword,
    },
    defaults: connectFiSimulatorDefaults,
    expireTokens() {
      simulator.state.tokens.clear();
    },
    payment(cFiTransactionId: string) {
      return simulator.state.payments.find((candidate) => candidate.cFiTransactionId === cFiTransactionId);
    },
    processorUpdate(cFiTransactionId: string, status: ConnectFiSimStatus) {
      const payment = simulator.state.payments.find(
        (candidate) => candidate.cFiTransactionId === cFiTransactionId,
      );
      if (!payment || payment.manualStatus === true) return false;
      const at = new Date(Date.now()).toISOString();
      payment.status = status;
      payment.statusChangeHistory.push({
        initiatorType: 'process',
        status,
        dtsCreatedAt: at,
        dtsUpdatedAt: at,
      });
      payment.dtsUpdatedAt = at;
      return true;
    },
  });
  // A getter, not a copied value: the count changes as tokens are issued.
  Object.defineProperty(extended, 'tokensIssued', {
    get: () => simulator.state.tokensIssued,
    enumerable: true,
  });
  return extended as ConnectFiSimulator;
}
