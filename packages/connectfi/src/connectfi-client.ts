import {
  assembleProvider,
  hideInternals,
  type PaymentsError,
  type ProviderClient,
  type ProviderDescriptor,
  type Result,
  runOperation,
  type SessionTokenAuth,
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

/** The resources of a connectFi client. */
export type ConnectFiResources = { paymentLinks: typeof paymentLinkOperations };

/** What is special about connectFi, for core's assembler: its envelope, error bodies and secret names. */
export const connectFiDescriptor: ProviderDescriptor<ConnectFiResources> = {
  id: 'connectfi',
  packageName: '@payweave/connectfi',
  packageVersion: connectFiPackageVersion,
  resources: { paymentLinks: paymentLinkOperations },
  mapError: mapConnectFiError,
  unwrap: unwrapConnectFiEnvelope,
  // ACH objects name the bank account `DFIAccountNumber`; the session token travels in its own headers.
  sensitiveFields: ['DFIAccountNumber'],
  sensitiveHeaders: ['x-connectfi-token', 'x-connectfi-jwtoken'],
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
export type ConnectFiClient = ProviderClient<ConnectFiResources> & {
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
  let auth: SessionTokenAuth | undefined;
  const { client } = assembleProvider(connectFiDescriptor, {
    baseUrl: resolved.baseUrl,
    options: resolved.core,
    secrets: [resolved.password],
    auth: (runtime) => {
      auth = sessionToken({
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
        store: resolved.sessionStore,
        onStoreError: (error, action) =>
          runtime.http.logger.warn(
            `connectfi: the shared session store failed (${action}); this client logs in by itself.`,
            { cause: runtime.redactor.text(error instanceof Error ? error.message : String(error)) },
          ),
      });
      return auth;
    },
  });
  const session = createConnectFiSessionView(auth!);
  return hideInternals(Object.assign(client, { session }), () => ({
    provider: 'connectfi',
    baseUrl: resolved.baseUrl,
    login: resolved.login,
    session: { expiresAt: session.expiresAt?.toISOString(), issuedCount: session.issuedCount },
    operations: client.operations.map((operation) => operation.id),
  }));
}
