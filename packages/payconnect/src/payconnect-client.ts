import {
  type CallOptions,
  createProviderClient,
  createProviderRuntime,
  hideInternals,
  type MethodResult,
  type OperationById,
  type OperationInput,
  type PaymentsError,
  type ProviderClient,
  type Result,
  runOperation,
  sessionToken,
  type WorkflowRow,
} from '@payweave/core';
import { buildInvoiceOperations, type PayConnectInvoiceOperations } from './invoices/invoice-operations.js';
import type { PayConnectIssuedSession, PayConnectSearchPage } from './invoices/invoice-types.js';
import { type RetrieveInvoiceMethod, retrieveWithFallback } from './invoices/retrieve-with-fallback.js';
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
import { invoiceRows, searchPageRows } from './workflow/invoice-rows.js';

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
  /** Rows of one search page (pagination on each row). */
  readonly searchPageRows: (result: Result<PayConnectSearchPage, PaymentsError>) => WorkflowRow[];
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
export type PayConnectClient = Omit<ProviderClient<PayConnectResources>, 'invoices'> & {
  /** Invoices: create, search (paged), retrieve (with the search fallback), update, pay, sendEmail, void. */
  readonly invoices: Omit<ProviderClient<PayConnectResources>['invoices'], 'retrieve'> & {
    /** `payconnect.invoices.retrieve`: direct route, then search by `invoiceId` when it answers 401 with a valid session. */
    readonly retrieve: RetrieveInvoiceMethod;
  };
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
  const runtime = createProviderRuntime({
    provider: 'payconnect',
    packageName: '@payweave/payconnect',
    packageVersion: payConnectPackageVersion,
    baseUrl: resolved.baseUrl,
    mapError: mapPayConnectError,
    secrets: [resolved.apiKey],
    options: resolved.core,
  });
  const sessions = buildSessionOperations(resolved.routes);
  const invoices = buildInvoiceOperations(resolved.routes);
  const auth = sessionToken({
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
  });
  runtime.setAuth(auth);

  const base = createProviderClient(runtime, { invoices });
  const session = createSessionView(auth);
  const retrieve = retrieveWithFallback(runtime, invoices, () => session.active);
  const execute = <Id extends PayConnectInvoiceOperations[keyof PayConnectInvoiceOperations]['id']>(
    id: Id,
    input: OperationInput<OperationById<PayConnectResources, Id>>,
    options?: CallOptions,
  ): MethodResult<OperationById<PayConnectResources, Id>> =>
    // Only an input object goes to the retrieve wrapper; anything else is refused by the schema.
    (id === invoices.retrieve.id && typeof input === 'object' && input !== null
      ? retrieve(input as { invoiceId: string }, options)
      : base.execute(id, input, options)) as never;

  const client: PayConnectClient = {
    provider: base.provider,
    operations: base.operations,
    execute,
    invoices: Object.freeze({ ...base.invoices, retrieve }),
    session,
    routes: resolved.routes,
    testConnection: () => testPayConnectConnection(runtime, auth, invoices),
    workflow: Object.freeze({
      execute: createTemplateExecutor(runtime, invoices, retrieve),
      rows: invoiceRows,
      searchPageRows,
    }),
  };
  return hideInternals(client, () => ({
    provider: 'payconnect',
    environment: resolved.environment,
    baseUrl: resolved.baseUrl,
    session: { expiresAt: session.expiresAt?.toISOString(), issuedCount: session.issuedCount },
    operations: base.operations.map((operation) => operation.id),
  }));
}
