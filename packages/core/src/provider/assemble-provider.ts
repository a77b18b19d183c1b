import type { Result } from 'ts-results-es';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { CoreOptions } from '../core-options.js';
import type { PaymentsErrorInit } from '../errors/payments-error.js';
import type { ErrorBodyMapper, RequestLimiter } from '../http/http-client.js';
import type { HttpResponse } from '../http/http-types.js';
import { createProviderClient, type ProviderClient } from '../operations/create-provider-client.js';
import type { AnyOperation } from '../operations/operation.js';
import type { ResourceMap } from '../operations/resource-methods.js';
import { createProviderRuntime, type ProviderRuntime } from '../provider-runtime.js';
import type { StatusRules } from '../retry/status-rules.js';

/**
 * What is special about a provider, handed to core in one value (DESIGN.md section 5):
 * core names no provider, so everything it must know comes from here.
 */
export interface ProviderDescriptor<R extends ResourceMap> {
  /** Provider id (`paya`); prefixes every operation id. */
  readonly id: string;
  /** npm package name, for the user agent. */
  readonly packageName: string;
  /** Package version, for the user agent. */
  readonly packageVersion: string;
  /** Its operations, by resource and method name. */
  readonly resources: R;
  /** Reads the provider's error bodies. */
  readonly mapError?: ErrorBodyMapper | undefined;
  /** Unwraps a success envelope (connectFi `{ code: "0", data }`). */
  readonly unwrap?:
    | ((body: unknown, response: HttpResponse) => Result<unknown, Partial<PaymentsErrorInit>>)
    | undefined;
  /** Field names whose values are secret for this provider, beside core's list. */
  readonly sensitiveFields?: readonly string[] | undefined;
  /** Header names that carry this provider's credentials. */
  readonly sensitiveHeaders?: readonly string[] | undefined;
  /** Headers holding a wait in ms on a 429, beside `Retry-After`. */
  readonly retryAfterHeaders?: readonly string[] | undefined;
  /** The provider's additions to core's status table. */
  readonly statusRules?: StatusRules | undefined;
}

/** What one client of a provider is made with: where it connects and as whom. */
export interface ProviderConnection {
  /** Resolved base URL (already checked by the provider's settings). */
  readonly baseUrl: string;
  /** The caller's core options (validated by core when the client is made). */
  readonly options: CoreOptions;
  /** Credentials to scrub from every log line, hook payload and error. */
  readonly secrets?: readonly (string | undefined)[] | undefined;
  /** A client-side rate limiter. */
  readonly limiter?: RequestLimiter | undefined;
  /**
   * The auth strategy, built once the runtime exists, so a strategy whose token calls are
   * operations of this provider (a login, an OAuth refresh) runs them through it.
   */
  readonly auth?: ((runtime: ProviderRuntime) => AuthStrategy | undefined) | undefined;
  /** Client defaults filled into every input before validation (`altId` from `locationId`). */
  readonly inputDefaults?: ((operation: AnyOperation, input: unknown) => unknown) | undefined;
}

/** An assembled client and the runtime it stands on (for the provider's extra helpers). */
export interface AssembledProvider<R extends ResourceMap> {
  /** The typed client: one method per operation, `operations`, `execute`. */
  readonly client: ProviderClient<R>;
  /** The runtime, for helpers that run operations (`testConnection`, session views). */
  readonly runtime: ProviderRuntime;
}

/**
 * The one assembler of every provider client: a descriptor (what is special about the
 * provider) plus a connection (this client's base URL, options, credentials). Behaviour that
 * belongs to a call lives on its operation (`guard`, `fallback`, `reconcile`), so `execute`
 * has no special cases. `docs/adding-a-provider.md` walks through it.
 *
 * @example
 * ```ts
 * const { client } = assembleProvider(ledgerDescriptor, {
 *   baseUrl: 'https://api.ledger.test',
 *   options: {},
 *   auth: () => staticHeaders({ 'x-api-key': apiKey }),
 *   secrets: [apiKey],
 * });
 * await client.charges.create({ amount: '10.00' });
 * ```
 */
export function assembleProvider<R extends ResourceMap>(
  descriptor: ProviderDescriptor<R>,
  connection: ProviderConnection,
): AssembledProvider<R> {
  const runtime = createProviderRuntime({
    provider: descriptor.id,
    packageName: descriptor.packageName,
    packageVersion: descriptor.packageVersion,
    baseUrl: connection.baseUrl,
    mapError: descriptor.mapError,
    unwrap: descriptor.unwrap,
    sensitiveFields: descriptor.sensitiveFields,
    sensitiveHeaders: descriptor.sensitiveHeaders,
    retryAfterHeaders: descriptor.retryAfterHeaders,
    statusRules: descriptor.statusRules,
    secrets: connection.secrets,
    limiter: connection.limiter,
    inputDefaults: connection.inputDefaults,
    options: connection.options,
  });
  const auth = connection.auth?.(runtime);
  if (auth) runtime.setAuth(auth);
  return { client: createProviderClient(runtime, descriptor.resources), runtime };
}
