import {
  assembleProvider,
  hideInternals,
  type PaymentsError,
  type ProviderClient,
  type Result,
  runOperation,
  type SessionTokenAuth,
  sessionToken,
  type WorkflowRow,
} from '@payweave/core';
import { buildInvoiceOperations, type PayConnectInvoiceOperations } from './invoices/invoice-operations.js';
import type { PayConnectIssuedSession } from './invoices/invoice-types.js';
import type { RetrieveInvoiceMethod } from './invoices/retrieve-with-fallback.js';
import { mapPayConnectError } from './payconnect-errors.js';
import {
  type PayConnectSettings,
  payConnectPackageVersion,
  resolvePayConnectSettings,
} from './payconnect-settings.js';
import type { PayConnectRouteTable } from './routes.js';
import { buildSessionOperations } from './sessions/session-operations.js';
import { createSessionView, type PayConnectSessionView } from './sessions/session-view.js';
import { type PayConnectConnectionReport, testPayConnectConnection } from './test-connection.js';
import { createTemplateExecutor, type PayConnectTemplateExecutor } from './workflow/execute-template.js';
import { invoiceRows, type SearchPageRowsInput, searchPageRows } from './workflow/invoice-rows.js';

/** The resources of a PayConnect client. */
export type PayConnectResources = { invoices: PayConnectInvoiceOperations };

/** Workflow output (Flowgear-style rows). */
export interface PayConnectWorkflow {
  /**
   * Runs an operation the way the seed's templates do (`{ options, items }`) and returns rows.
   *
   * @example
   * ```ts
   * await payconnect.workflow.execute('payconnect.invoices.pay', { options: { invoiceId }, items: [{ amount: '25.00' }] });
   * await payconnect.workflow.execute('payconnect.invoices.search', { options: { status: 'Sent', pageSize: 50 } });
   * ```
   */
  readonly execute: PayConnectTemplateExecutor;
  /** Rows of a single-record result. */
  readonly rows: (result: Result<unknown, PaymentsError>) => WorkflowRow[];
  /** Rows of one search page (pagination on each row): a page from `invoices.search(...).pages()` or a `firstPage()` result. */
  readonly searchPageRows: (input: SearchPageRowsInput) => WorkflowRow[];
}

/**
 * A PayConnect client: invoice methods (ids `payconnect.invoices.*`), the session view,
 * the route table in use, `testConnection()` and workflow rows.
 *
 * @example
 * ```ts
 * const payconnect = createPayConnect({ apiKey: process.env.PAYCONNECT_API_KEY });
 * const created = await payconnect.invoices.create({
 *   customer: { name: 'Acme', email: 'billing@acme.test' },
 *   lineItems: [{ description: 'Service', quantity: 1, unitPrice: '120.00' }],
 *   dueDate: '2025-06-30',
 * });
 * ```
 */
export type PayConnectClient = ProviderClient<PayConnectResources> & {
  /** Session state (expiry, count); never the token. */
  readonly session: PayConnectSessionView;
  /** The route table this client calls (the assumed table with your overrides). */
  readonly routes: PayConnectRouteTable;
  /** Creates a session and runs a one-row search; says what worked and what did not. */
  testConnection(): Promise<PayConnectConnectionReport>;
  /** Workflow rows and the template executor. */
  readonly workflow: PayConnectWorkflow;
};

/**
 * Creates a PayConnect client. The API key (or `PAYCONNECT_API_KEY`) is exchanged for
 * short-lived session tokens: cached with their UTC expiry, renewed ahead of it, one
 * renewal in flight however many calls wait, and a 401 drops the session and retries once.
 * Throws a `configuration` error for bad settings.
 *
 * @example
 * ```ts
 * const payconnect = createPayConnect({ environment: 'sandbox' }); // key from PAYCONNECT_API_KEY
 * for await (const invoice of payconnect.invoices.search({ filters: { status: 'Sent' } })) {
 *   console.log(invoice.invoiceId, invoice.amountDue);
 * }
 * ```
 */
export function createPayConnect(settings: PayConnectSettings = {}): PayConnectClient {
  const resolved = resolvePayConnectSettings(settings);
  const sessions = buildSessionOperations(resolved.routes);
  let auth: SessionTokenAuth | undefined;
  // The retrieve fallback reads the session: a 401 with a valid session is the route, not the key.
  const invoices = buildInvoiceOperations(resolved.routes, () => session.active);
  const { client, runtime } = assembleProvider(
    {
      id: 'payconnect',
      packageName: '@payweave/payconnect',
      packageVersion: payConnectPackageVersion,
      resources: { invoices },
      mapError: mapPayConnectError,
    },
    {
      baseUrl: resolved.baseUrl,
      options: resolved.core,
      secrets: [resolved.apiKey],
      auth: (runtime) => {
        auth = sessionToken({
          issue: async () => {
            const issued = (await runOperation(
              runtime,
              sessions.create,
              { apiKey: resolved.apiKey },
              { timeoutMs: resolved.sessionTimeoutMs },
            )) as Result<PayConnectIssuedSession, PaymentsError>;
            if (issued.isErr()) throw issued.error;
            return { token: issued.value.sessionToken, expiresAt: issued.value.expiresAt };
          },
          toHeaders: (token) => ({ authorization: `Bearer ${token}` }),
          renewBeforeMs: resolved.renewBeforeMs,
          onIssued: (issued) => runtime.redactor.addSecret(issued.token),
          store: resolved.sessionStore,
          onStoreError: (error, action) =>
            runtime.http.logger.warn(
              `payconnect: the shared session store failed (${action}); this client opens its own session.`,
              { cause: runtime.redactor.text(error instanceof Error ? error.message : String(error)) },
            ),
        });
        return auth;
      },
    },
  );
  const session = createSessionView(auth!);
  const retrieve = client.invoices.retrieve as unknown as RetrieveInvoiceMethod;
  return hideInternals(
    Object.assign(client, {
      session,
      routes: resolved.routes,
      testConnection: () => testPayConnectConnection(runtime, auth!, invoices),
      workflow: Object.freeze({
        execute: createTemplateExecutor(runtime, invoices, retrieve),
        rows: invoiceRows,
        searchPageRows,
      }),
    }),
    () => ({
      provider: 'payconnect',
      environment: resolved.environment,
      baseUrl: resolved.baseUrl,
      session: { expiresAt: session.expiresAt?.toISOString(), issuedCount: session.issuedCount },
      operations: client.operations.map((operation) => operation.id),
    }),
  );
}
