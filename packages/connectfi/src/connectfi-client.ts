import {
  type CallOptions,
  createProviderClient,
  createProviderRuntime,
  Err,
  hideInternals,
  type MethodResult,
  Ok,
  type OperationById,
  type OperationInput,
  PaymentsError,
  type ProviderClient,
  type Result,
  runOperation,
  sessionToken,
} from '@payweave/core';
import { type ConnectFiIssuedToken, getToken } from './auth/get-token-operation.js';
import { mapConnectFiError, unwrapConnectFiEnvelope } from './connectfi-errors.js';
import { type ConnectFiSessionView, createConnectFiSessionView } from './connectfi-session-view.js';
import {
  type ConnectFiSettings,
  connectFiPackageVersion,
  resolveConnectFiSettings,
} from './connectfi-settings.js';
import { paymentLinkOperations } from './payment-links/payment-link-operations.js';
import type { ConnectFiPayment } from './payment-links/payment-link-types.js';

/** The resources of a connectFi client. */
export type ConnectFiResources = { paymentLinks: typeof paymentLinkOperations };

/** `paymentLinks.retrieve`: one link by `cFiTransactionId`, a `not_found` error when none matches. */
export type RetrievePaymentLinkMethod = {
  (
    cFiTransactionId: string,
    input?: Record<string, never>,
    options?: CallOptions,
  ): Promise<Result<ConnectFiPayment, PaymentsError>>;
  (
    input: { cFiTransactionId: string },
    options?: CallOptions,
  ): Promise<Result<ConnectFiPayment, PaymentsError>>;
};

/**
 * A connectFi client: payment-link methods (ids `connectfi.paymentLinks.*`) and the token state.
 *
 * @example
 * ```ts
 * const connectfi = createConnectFi({ baseUrl, login: 'CLIENTID', password });
 * await connectfi.paymentLinks.setStatus({
 *   cFiTransactionId: '29ljhq5Apu1YfdtU3wN7yx',
 *   status: 'SentToPay',
 *   description: 'Set to SentToPay',
 *   manualStatus: true,
 * });
 * ```
 */
export type ConnectFiClient = Omit<ProviderClient<ConnectFiResources>, 'paymentLinks'> & {
  /** setStatus, setRefundStatus, cancel, list (paged), retrieve (through list). */
  readonly paymentLinks: Omit<ProviderClient<ConnectFiResources>['paymentLinks'], 'retrieve'> & {
    /** `connectfi.paymentLinks.retrieve`: list by `cFiTransactionId`; `not_found` when none matches. */
    readonly retrieve: RetrievePaymentLinkMethod;
  };
  /** Token state (expiry, count); never the token. */
  readonly session: ConnectFiSessionView;
};

/**
 * Creates a connectFi client. Logs in through `/auth/get-token`, sends the token as
 * `x-connectfi-token`, renews it before `dtsExpireAt` (one login in flight however many
 * calls wait) and logs in again once on a 401. Unwraps the `{ code: "0", data }` envelope and
 * maps error envelopes. Throws a `configuration` error for bad settings.
 *
 * @example
 * ```ts
 * const connectfi = createConnectFi(); // CONNECTFI_BASE_URL, CONNECTFI_LOGIN, CONNECTFI_PASSWORD
 * for await (const link of connectfi.paymentLinks.list({ status: 'SentToPay' })) console.log(link.cFiTransactionId);
 * ```
 */
export function createConnectFi(settings: ConnectFiSettings = {}): ConnectFiClient {
  const resolved = resolveConnectFiSettings(settings);
  const runtime = createProviderRuntime({
    provider: 'connectfi',
    packageName: '@payweave/connectfi',
    packageVersion: connectFiPackageVersion,
    baseUrl: resolved.baseUrl,
    mapError: mapConnectFiError,
    unwrap: unwrapConnectFiEnvelope,
    secrets: [resolved.password],
    // ACH objects name the bank account `DFIAccountNumber`; the session token travels in its own headers.
    sensitiveFields: ['DFIAccountNumber'],
    sensitiveHeaders: ['x-connectfi-token', 'x-connectfi-jwtoken'],
    options: resolved.core,
  });
  const auth = sessionToken({
    issue: async () => {
      const issued = (await runOperation(runtime, getToken, {
        user: { login: resolved.login, password: resolved.password },
      })) as Result<ConnectFiIssuedToken, PaymentsError>;
      if (issued.isErr()) throw issued.error;
      return issued.value;
    },
    toHeaders: (token) => ({ 'x-connectfi-token': token }),
    renewBeforeMs: resolved.renewBeforeMs,
    onIssued: (issued) => runtime.redactor.addSecret(issued.token),
  });
  runtime.setAuth(auth);

  const base = createProviderClient(runtime, { paymentLinks: paymentLinkOperations });
  const retrieve = (async (first: unknown, second?: unknown, third?: unknown) => {
    const positional = typeof first === 'string';
    const input = positional ? { ...(second as object | undefined), cFiTransactionId: first } : first;
    const options = (positional ? third : second) as CallOptions | undefined;
    const found = (await runOperation(runtime, paymentLinkOperations.retrieve, input, options)) as Result<
      ConnectFiPayment | undefined,
      PaymentsError
    >;
    if (found.isErr()) return found;
    if (found.value) return Ok(found.value);
    const id = (input as { cFiTransactionId: string }).cFiTransactionId;
    return Err(
      new PaymentsError({
        code: 'not_found',
        provider: 'connectfi',
        operation: paymentLinkOperations.retrieve.id,
        message: `${paymentLinkOperations.retrieve.id}: no payment link ${id}.`,
      }),
    );
  }) as RetrievePaymentLinkMethod;
  const execute = <
    Id extends ConnectFiResources['paymentLinks'][keyof ConnectFiResources['paymentLinks']]['id'],
  >(
    id: Id,
    input: OperationInput<OperationById<ConnectFiResources, Id>>,
    options?: CallOptions,
  ): MethodResult<OperationById<ConnectFiResources, Id>> =>
    // Only an input object goes to the retrieve wrapper; anything else is refused by the schema.
    (id === paymentLinkOperations.retrieve.id && typeof input === 'object' && input !== null
      ? retrieve(input as { cFiTransactionId: string }, options)
      : base.execute(id, input, options)) as never;

  const session = createConnectFiSessionView(auth);
  const client: ConnectFiClient = {
    provider: base.provider,
    operations: base.operations,
    execute,
    paymentLinks: Object.freeze({ ...base.paymentLinks, retrieve }),
    session,
  };
  return hideInternals(client, () => ({
    provider: 'connectfi',
    baseUrl: resolved.baseUrl,
    login: resolved.login,
    session: { expiresAt: session.expiresAt?.toISOString(), issuedCount: session.issuedCount },
    operations: base.operations.map((operation) => operation.id),
  }));
}
