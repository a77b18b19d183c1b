import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse } from '../simulator/sim-types.js';
import {
  fromCents,
  type PayConnectSimInvoice,
  type PayConnectSimState,
  seedInvoices,
  toCents,
} from './payconnect-sim-state.js';

/** PayConnect's sandbox base URL (msw handlers intercept it by default). */
export const payConnectSandboxUrl = 'https://dev.payconnect.us/api';

/** The API key the simulator accepts by default (the examples use it). */
export const payConnectSimulatorApiKey = 'pc_sandbox_payweave_demo_key';

/** Seeded data of the PayConnect simulator. */
export const payConnectSimulatorDefaults = {
  /** The API key a default simulator accepts. */
  apiKey: payConnectSimulatorApiKey,
  /**
   * The 24 seeded invoices, `inv_001001` (INV-1001) to `inv_001024` (INV-1024), over four
   * customers; their statuses cycle Draft, Sent, PartiallyPaid, Paid, Void, Overdue.
   */
  invoiceIds: Array.from({ length: 24 }, (_, index) => `inv_${String(1001 + index).padStart(6, '0')}`),
  /** The first Draft invoice (`INV-1001`). */
  draftInvoiceId: 'inv_001001',
  /** The first Sent invoice (`INV-1002`, payable). */
  sentInvoiceId: 'inv_001002',
  /** The first Paid invoice (`INV-1004`). */
  paidInvoiceId: 'inv_001004',
  /** The seeded customers' emails. */
  customerEmails: [
    'billing@acme-plumbing.test',
    'owner@blueharbor.test',
    'accounts@cedarpine.test',
    'frontdesk@deltafit.test',
  ],
} as const;

/** The settings a PayConnect client needs to talk to the simulator. */
export interface PayConnectSimCredentials {
  /** An API key the simulator accepts (the first of `apiKeys`). */
  readonly apiKey: string;
}

/** Settings of {@link createPayConnectSimulator}. */
export interface PayConnectSimulatorOptions {
  /** API keys that may open sessions (default: {@link payConnectSimulatorApiKey}). */
  apiKeys?: readonly string[];
  /** Session lifetime (default 15 minutes). */
  sessionTtlMs?: number;
  /** Start with the 24 seeded invoices (default true). */
  seed?: boolean;
}

/** The PayConnect simulator plus its scripted switches. */
export interface PayConnectSimulator extends Simulator<PayConnectSimState> {
  /** The settings a client needs (`createPayConnect({ baseUrl, ...simulator.credentials })`). */
  readonly credentials: PayConnectSimCredentials;
  /** The seeded data: {@link payConnectSimulatorDefaults}. */
  readonly defaults: typeof payConnectSimulatorDefaults;
  /** Ends every open session: the next invoice call answers 401. */
  expireSessions(): void;
  /** Makes the direct get-by-id route answer 401 with a valid session (true) or behave (false). */
  setDirectGetUnauthorized(on: boolean): void;
  /** Sessions opened so far. */
  readonly sessionsIssued: number;
  /** An invoice by id (for assertions). */
  invoice(invoiceId: string): PayConnectSimInvoice | undefined;
}

const decimal = /^\d+(\.\d{1,2})?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const now = () => new Date(Date.now()).toISOString();

function problem(status: number, message: string, errors?: Record<string, string[]>): SimResponse {
  return json(status, { message, ...(errors ? { errors } : {}), correlationId: `corr_${newHexId()}` });
}

type Body = Record<string, unknown>;

function bodyOf(request: SimRequest): Body {
  return request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? (request.body as Body)
    : {};
}

/** Checks invoice fields; `partial` for updates. Returns field errors (empty when valid). */
function checkInvoiceFields(body: Body, partial: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  const customer = body.customer as Body | undefined;
  if (!partial || customer !== undefined) {
    if (!customer || typeof customer !== 'object') add('customer', 'is required');
    else {
      if (typeof customer.name !== 'string' || customer.name.trim() === '')
        add('customer.name', 'is required');
      if (customer.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(String(customer.email)))
        add('customer.email', 'is not an email address');
    }
  }
  const items = body.lineItems as unknown;
  if (!partial || items !== undefined) {
    if (!Array.isArray(items) || items.length === 0) add('lineItems', 'needs at least one line item');
    else
      items.forEach((item: Body, index) => {
        if (typeof item?.description !== 'string' || item.description === '')
          add(`lineItems.${index}.description`, 'is required');
        if (!Number.isInteger(item?.quantity) || (item.quantity as number) < 1)
          add(`lineItems.${index}.quantity`, 'must be a positive integer');
        if (!decimal.test(String(item?.unitPrice ?? '')))
          add(`lineItems.${index}.unitPrice`, 'must be a decimal amount');
      });
  }
  if (body.dueDate !== undefined && !isoDate.test(String(body.dueDate))) add('dueDate', 'must be YYYY-MM-DD');
  if (!partial && body.dueDate === undefined) add('dueDate', 'is required');
  if (body.currency !== undefined && !/^[A-Z]{3}$/.test(String(body.currency)))
    add('currency', 'must be a 3-letter ISO code');
  return errors;
}

function totalOf(items: PayConnectSimInvoice['lineItems']): number {
  return items.reduce((sum, item) => sum + item.quantity * toCents(item.unitPrice), 0);
}

function view(invoice: PayConnectSimInvoice, correlationId = `corr_${newHexId()}`) {
  const { payments, emails, ...rest } = invoice;
  return {
    ...rest,
    correlationId,
    payments: payments.map((payment) => ({ ...payment })),
    emailCount: emails.length,
  };
}

function matches(invoice: PayConnectSimInvoice, filters: Body): boolean {
  if (filters.invoiceId !== undefined && invoice.invoiceId !== filters.invoiceId) return false;
  if (filters.invoiceNumber !== undefined && invoice.invoiceNumber !== filters.invoiceNumber) return false;
  if (filters.status !== undefined) {
    const wanted = Array.isArray(filters.status) ? filters.status : [filters.status];
    if (!wanted.includes(invoice.status)) return false;
  }
  if (
    filters.customerEmail !== undefined &&
    invoice.customer.email?.toLowerCase() !== String(filters.customerEmail).toLowerCase()
  )
    return false;
  if (
    filters.customerName !== undefined &&
    !invoice.customer.name.toLowerCase().includes(String(filters.customerName).toLowerCase())
  )
    return false;
  if (filters.dueDateFrom !== undefined && invoice.dueDate < String(filters.dueDateFrom)) return false;
  if (filters.dueDateTo !== undefined && invoice.dueDate > String(filters.dueDateTo)) return false;
  return true;
}

/**
 * A stateful PayConnect simulator implementing the ASSUMED wire contract of
 * `providers/payconnect.md` (PayConnect publishes no API reference): API-key sessions that
 * expire, invoices Draft -> Sent -> PartiallyPaid / Paid, or Void, partial payments,
 * search with filters and paging, and a switch that makes the direct get-by-id route
 * answer 401 with a valid session.
 *
 * @example
 * ```ts
 * const simulator = createPayConnectSimulator();
 * const baseUrl = await simulator.listen();
 * const payconnect = createPayConnect({ baseUrl, ...simulator.credentials });
 * simulator.setDirectGetUnauthorized(true); // retrieve now falls back to search
 * ```
 */
export function createPayConnectSimulator(options: PayConnectSimulatorOptions = {}): PayConnectSimulator {
  const ttl = options.sessionTtlMs ?? 15 * 60_000;
  const find = (state: PayConnectSimState, id: string | undefined) =>
    state.invoices.find((candidate) => candidate.invoiceId === id);
  const missing = (id: string | undefined) => problem(404, `Invoice ${id} was not found`);

  const simulator = createSimulator<PayConnectSimState>({
    name: 'payconnect',
    baseUrl: payConnectSandboxUrl,
    initialState: () => ({
      apiKeys: [...(options.apiKeys ?? [payConnectSimulatorApiKey])],
      sessions: new Map(),
      sessionsIssued: 0,
      invoices: options.seed === false ? [] : seedInvoices(),
      directGetUnauthorized: false,
      nextInvoiceNumber: 2001,
    }),
    before: (request, state) => {
      const authorization = request.headers.authorization ?? '';
      if (request.method === 'POST' && request.path === '/v2/sessions') {
        const key = /^Api-Key (.+)$/.exec(authorization)?.[1];
        return key && state.apiKeys.includes(key) ? undefined : problem(401, 'Invalid API key');
      }
      const token = /^Bearer (.+)$/.exec(authorization)?.[1];
      const expiry = token === undefined ? undefined : state.sessions.get(token);
      if (expiry === undefined || expiry <= Date.now())
        return problem(401, 'Session token is missing, invalid or expired');
      return undefined;
    },
    routes: [
      {
        method: 'POST',
        path: '/v2/sessions',
        handle: (_request, state) => {
          const sessionToken = `pcs_${newHexId()}${newHexId()}`;
          const expiresAt = Date.now() + ttl;
          state.sessions.set(sessionToken, expiresAt);
          state.sessionsIssued += 1;
          return json(201, { sessionToken, expiresAtUtc: new Date(expiresAt).toISOString() });
        },
      },
      {
        method: 'GET',
        path: '/v2/sessions/current',
        handle: (request, state) => {
          const token = request.headers.authorization?.slice('Bearer '.length) ?? '';
          return json(200, {
            valid: true,
            expiresAtUtc: new Date(state.sessions.get(token) ?? 0).toISOString(),
          });
        },
      },
      {
        method: 'POST',
        path: '/v2/invoices',
        handle: (request, state) => {
          const body = bodyOf(request);
          const errors = checkInvoiceFields(body, false);
          if (Object.keys(errors).length > 0) return problem(400, 'The invoice is not valid', errors);
          const lineItems = (body.lineItems as PayConnectSimInvoice['lineItems']).map((item) => ({
            ...item,
            unitPrice: String(item.unitPrice),
          }));
          const total = totalOf(lineItems);
          const number = state.nextInvoiceNumber++;
          const created: PayConnectSimInvoice = {
            invoiceId: `inv_${newHexId()}`,
            invoiceNumber: typeof body.invoiceNumber === 'string' ? body.invoiceNumber : `INV-${number}`,
            correlationId: `corr_${newHexId()}`,
            customer: { ...(body.customer as PayConnectSimInvoice['customer']) },
            lineItems,
            currency: typeof body.currency === 'string' ? body.currency : 'USD',
            dueDate: String(body.dueDate),
            ...(typeof body.memo === 'string' ? { memo: body.memo } : {}),
            status: 'Draft',
            total: fromCents(total),
            amountDue: fromCents(total),
            amountPaid: '0.00',
            payments: [],
            emails: [],
            createdAt: now(),
            updatedAt: now(),
          };
          state.invoices.push(created);
          return json(201, view(created, created.correlationId));
        },
      },
      {
        method: 'POST',
        path: '/v2/invoices/search',
        handle: (request, state) => {
          const body = bodyOf(request);
          const page = body.page === undefined ? 1 : Number(body.page);
          const pageSize = body.pageSize === undefined ? 25 : Number(body.pageSize);
          if (!Number.isInteger(page) || page < 1)
            return problem(400, 'page must be a positive integer', { page: ['must be >= 1'] });
          if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
            return problem(400, 'pageSize must be between 1 and 100', {
              pageSize: ['must be between 1 and 100'],
            });
          }
          const filters = (body.filters ?? {}) as Body;
          const found = state.invoices.filter((invoice) => matches(invoice, filters));
          return json(200, {
            invoices: found.slice((page - 1) * pageSize, page * pageSize).map((invoice) => view(invoice)),
            pagination: {
              page,
              pageSize,
              totalCount: found.length,
              totalPages: Math.ceil(found.length / pageSize),
            },
            correlationId: `corr_${newHexId()}`,
          });
        },
      },
      {
        method: 'GET',
        path: '/v2/invoices/:invoiceId',
        handle: (request, state) => {
          if (state.directGetUnauthorized) return problem(401, 'Unauthorized');
          const invoice = find(state, request.params.invoiceId);
          return invoice ? json(200, view(invoice)) : missing(request.params.invoiceId);
        },
      },
      {
        method: 'PUT',
        path: '/v2/invoices/:invoiceId',
        handle: (request, state) => {
          const invoice = find(state, request.params.invoiceId);
          if (!invoice) return missing(request.params.invoiceId);
          if (!['Draft', 'Open', 'Sent', 'Overdue'].includes(invoice.status) || invoice.payments.length > 0) {
            return problem(409, `An invoice in status ${invoice.status} cannot be updated`);
          }
          const body = bodyOf(request);
          const errors = checkInvoiceFields(body, true);
          if (Object.keys(errors).length > 0) return problem(400, 'The invoice is not valid', errors);
          if (body.customer !== undefined)
            invoice.customer = { ...(body.customer as PayConnectSimInvoice['customer']) };
          if (body.lineItems !== undefined) {
            invoice.lineItems = (body.lineItems as PayConnectSimInvoice['lineItems']).map((item) => ({
              ...item,
              unitPrice: String(item.unitPrice),
            }));
            invoice.total = fromCents(totalOf(invoice.lineItems));
            invoice.amountDue = invoice.total;
          }
          if (typeof body.dueDate === 'string') invoice.dueDate = body.dueDate;
          if (typeof body.memo === 'string') invoice.memo = body.memo;
          if (typeof body.currency === 'string') invoice.currency = body.currency;
          invoice.updatedAt = now();
          return json(200, view(invoice));
        },
      },
      {
        method: 'POST',
        path: '/v2/invoices/:invoiceId/send-email',
        handle: (request, state) => {
          const invoice = find(state, request.params.invoiceId);
          if (!invoice) return missing(request.params.invoiceId);
          if (invoice.status === 'Void' || invoice.status === 'Paid') {
            return problem(409, `An invoice in status ${invoice.status} cannot be emailed`);
          }
          const to =
            typeof bodyOf(request).to === 'string' ? String(bodyOf(request).to) : invoice.customer.email;
          if (!to)
            return problem(400, 'The invoice has no customer email; give "to"', { to: ['is required'] });
          invoice.emails.push({ to, sentAt: now() });
          if (invoice.status === 'Draft' || invoice.status === 'Open') invoice.status = 'Sent';
          invoice.updatedAt = now();
          return json(200, { ...view(invoice), emailedTo: to });
        },
      },
      {
        method: 'POST',
        path: '/v2/invoices/:invoiceId/pay',
        handle: (request, state) => {
          const invoice = find(state, request.params.invoiceId);
          if (!invoice) return missing(request.params.invoiceId);
          if (!['Open', 'Sent', 'PartiallyPaid', 'Overdue'].includes(invoice.status)) {
            return problem(409, `An invoice in status ${invoice.status} cannot be paid`);
          }
          const body = bodyOf(request);
          if (!decimal.test(String(body.amount ?? '')) || toCents(String(body.amount)) === 0) {
            return problem(400, 'amount must be a positive decimal amount', {
              amount: ['must be a positive decimal amount'],
            });
          }
          const cents = toCents(String(body.amount));
          const due = toCents(invoice.amountDue);
          if (cents > due)
            return problem(400, `amount exceeds the amount due (${invoice.amountDue})`, {
              amount: ['exceeds the amount due'],
            });
          const payment = {
            paymentId: `pay_${newHexId()}`,
            amount: fromCents(cents),
            paymentMethod: typeof body.paymentMethod === 'string' ? body.paymentMethod : 'card',
            ...(typeof body.reference === 'string' ? { reference: body.reference } : {}),
            paidAt: now(),
          };
          invoice.payments.push(payment);
          invoice.amountDue = fromCents(due - cents);
          invoice.amountPaid = fromCents(toCents(invoice.amountPaid) + cents);
          invoice.status = due - cents === 0 ? 'Paid' : 'PartiallyPaid';
          invoice.updatedAt = now();
          return json(200, { ...view(invoice), payment });
        },
      },
      {
        method: 'POST',
        path: '/v2/invoices/:invoiceId/void',
        handle: (request, state) => {
          const invoice = find(state, request.params.invoiceId);
          if (!invoice) return missing(request.params.invoiceId);
          if (invoice.status === 'Void') return problem(409, 'The invoice is already void');
          if (invoice.payments.length > 0)
            return problem(409, `An invoice with payments (status ${invoice.status}) cannot be voided`);
          const reason = bodyOf(request).reason;
          invoice.status = 'Void';
          invoice.amountDue = '0.00';
          if (typeof reason === 'string') invoice.voidReason = reason;
          invoice.updatedAt = now();
          return json(200, view(invoice));
        },
      },
    ],
  });

  const extended = Object.assign(simulator, {
    credentials: { apiKey: options.apiKeys?.[0] ?? payConnectSimulatorApiKey },
    defaults: payConnectSimulatorDefaults,
    expireSessions() {
      simulator.state.sessions.clear();
    },
    setDirectGetUnauthorized(on: boolean) {
      simulator.state.directGetUnauthorized = on;
    },
    invoice(invoiceId: string) {
      return simulator.state.invoices.find((candidate) => candidate.invoiceId === invoiceId);
    },
  });
  // A getter, not a copied value: the count changes as sessions are opened.
  Object.defineProperty(extended, 'sessionsIssued', {
    get: () => simulator.state.sessionsIssued,
    enumerable: true,
  });
  return extended as PayConnectSimulator;
}
