import { configurationError, type HttpMethod } from '@payweave/core';

/** One route of the PayConnect wire contract. */
export interface PayConnectRoute {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path below the base URL; `{invoiceId}` is filled from the input. */
  readonly path: string;
}

/**
 * The PayConnect route table. PayConnect publishes no API reference, so every entry here is
 * an ASSUMPTION (see the README); each one can be replaced with the `routes` setting.
 */
export const payConnectRoutes = Object.freeze({
  /** Exchanges the API key (`Authorization: Api-Key <key>`) for a session token. */
  createSession: { method: 'POST', path: '/v2/sessions' },
  /** Checks the current session token. */
  validateSession: { method: 'GET', path: '/v2/sessions/current' },
  /** Creates an invoice. */
  createInvoice: { method: 'POST', path: '/v2/invoices' },
  /** Searches invoices: body `{ filters, page, pageSize }`. */
  searchInvoices: { method: 'POST', path: '/v2/invoices/search' },
  /** Gets one invoice directly (may answer 401 with a valid session; see `invoices.retrieve`). */
  retrieveInvoice: { method: 'GET', path: '/v2/invoices/{invoiceId}' },
  /** Updates an invoice. */
  updateInvoice: { method: 'PUT', path: '/v2/invoices/{invoiceId}' },
  /** Records a payment against an invoice. */
  payInvoice: { method: 'POST', path: '/v2/invoices/{invoiceId}/pay' },
  /** Emails an invoice to its customer. */
  sendInvoiceEmail: { method: 'POST', path: '/v2/invoices/{invoiceId}/send-email' },
  /** Voids an invoice. */
  voidInvoice: { method: 'POST', path: '/v2/invoices/{invoiceId}/void' },
} as const satisfies Record<string, PayConnectRoute>);

/** The name of a route in {@link payConnectRoutes}. */
export type PayConnectRouteName = keyof typeof payConnectRoutes;

/** A full route table (what a client runs with). */
export type PayConnectRouteTable = Readonly<Record<PayConnectRouteName, PayConnectRoute>>;

/** Per-route replacements for the assumed table: `{ retrieveInvoice: { path: '/v3/invoice/{invoiceId}' } }`. */
export type PayConnectRouteOverrides = Partial<Record<PayConnectRouteName, Partial<PayConnectRoute>>>;

const methods = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Merges overrides into the assumed table. Throws a `configuration` error for an unknown
 * route, a bad method, a path not starting with `/`, or a path that drops `{invoiceId}`
 * where the call needs it.
 */
export function resolvePayConnectRoutes(overrides: PayConnectRouteOverrides = {}): PayConnectRouteTable {
  const table: Record<string, PayConnectRoute> = { ...payConnectRoutes };
  for (const [name, override] of Object.entries(overrides)) {
    const base = table[name];
    if (!base)
      throw configurationError(
        'payconnect',
        `routes.${name}`,
        `is not a PayConnect route (known: ${Object.keys(payConnectRoutes).join(', ')})`,
      );
    if (override === undefined) continue;
    const merged = { method: override.method ?? base.method, path: override.path ?? base.path };
    if (!methods.has(merged.method))
      throw configurationError(
        'payconnect',
        `routes.${name}.method`,
        'must be GET, POST, PUT, PATCH or DELETE',
      );
    if (!merged.path.startsWith('/'))
      throw configurationError('payconnect', `routes.${name}.path`, 'must start with "/"');
    if (base.path.includes('{invoiceId}') && !merged.path.includes('{invoiceId}')) {
      throw configurationError('payconnect', `routes.${name}.path`, 'must contain {invoiceId}');
    }
    table[name] = Object.freeze(merged);
  }
  return Object.freeze(table) as PayConnectRouteTable;
}
