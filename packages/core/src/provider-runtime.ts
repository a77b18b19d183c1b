import type { Result } from 'ts-results-es';
import type { AuthStrategy } from './auth/auth-strategy.js';
import type { CoreOptions } from './core-options.js';
import { PaymentsError, type PaymentsErrorInit } from './errors/payments-error.js';
import {
  createHttpClient,
  type ErrorBodyMapper,
  type HttpClient,
  type RequestLimiter,
} from './http/http-client.js';
import type { HttpResponse } from './http/http-types.js';
import type { AnyOperation } from './operations/operation.js';
import type { OperationRuntime } from './operations/operation-runtime.js';
import { Redactor } from './redaction/redactor.js';
import type { StatusRules } from './retry/status-rules.js';
import { PAYWEAVE_VERSION } from './version.js';

/** What a provider factory passes to {@link createProviderRuntime}. */
export interface ProviderRuntimeConfig {
  /** Provider id (`paya`). */
  provider: string;
  /** npm package name, for the user agent. */
  packageName: string;
  /** Package version, for the user agent. */
  packageVersion: string;
  /** Resolved base URL. */
  baseUrl: string;
  /** Auth strategy (may be set later with the returned `setAuth`, for auth built on this transport). */
  auth?: AuthStrategy | undefined;
  /** Provider error bodies -> error fields. */
  mapError?: ErrorBodyMapper | undefined;
  /** Success envelope unwrapping. */
  unwrap?:
    | ((body: unknown, response: HttpResponse) => Result<unknown, Partial<PaymentsErrorInit>>)
    | undefined;
  /** Client-side rate limiter. */
  limiter?: RequestLimiter | undefined;
  /** Client defaults filled into every input before validation. */
  inputDefaults?: ((operation: AnyOperation, input: unknown) => unknown) | undefined;
  /** Credentials to scrub from every log line, hook payload and error. */
  secrets?: readonly (string | undefined)[] | undefined;
  /** Field names whose values are secret for this provider, beside core's list (`DFIAccountNumber`). */
  sensitiveFields?: readonly string[] | undefined;
  /** Header names that carry this provider's credentials (`user-id`, `x-connectfi-token`). */
  sensitiveHeaders?: readonly string[] | undefined;
  /** Headers holding a wait in ms on a 429, beside `Retry-After`. */
  retryAfterHeaders?: readonly string[] | undefined;
  /** The provider's additions to core's status table. */
  statusRules?: StatusRules | undefined;
  /** The caller's core options. */
  options: CoreOptions;
}

/** The transport, redactor and operation runtime of one provider client. */
export interface ProviderRuntime extends OperationRuntime {
  /** Shared redactor: register tokens as they are issued. */
  readonly redactor: Redactor;
  /** Replaces the auth strategy (for strategies that call the provider through this runtime). */
  setAuth(auth: AuthStrategy): void;
}

/**
 * Builds the runtime a provider client stands on: user agent, redaction of the given
 * secrets, the HTTP client with the caller's options, and the operation runtime.
 */
export function createProviderRuntime(config: ProviderRuntimeConfig): ProviderRuntime {
  const redactor = new Redactor({
    sensitiveFields: config.sensitiveFields,
    sensitiveHeaders: config.sensitiveHeaders,
  });
  for (const secret of config.secrets ?? []) redactor.addSecret(secret);
  const { fetch, transport, logger, logLevel, hooks, userAgent, maxResponseBytes, ...retry } = config.options;
  let auth = config.auth;
  const delegatingAuth: AuthStrategy = {
    authorize: (signal) => (auth ? auth.authorize(signal) : Promise.resolve({})),
    onUnauthorized: (headers) => auth?.onUnauthorized?.(headers) ?? false,
  };
  const http: HttpClient = createHttpClient({
    provider: config.provider,
    baseUrl: config.baseUrl,
    fetch,
    transport,
    logger,
    logLevel,
    hooks,
    redactor,
    retry,
    auth: delegatingAuth,
    mapError: config.mapError,
    statusRules: config.statusRules,
    retryAfterHeaders: config.retryAfterHeaders,
    maxResponseBytes,
    limiter: config.limiter,
    userAgent: `payweave/${PAYWEAVE_VERSION} ${config.packageName}/${config.packageVersion}${userAgent ? ` ${userAgent}` : ''}`,
  });
  return {
    provider: config.provider,
    http,
    redactor,
    unwrap: config.unwrap,
    inputDefaults: config.inputDefaults,
    setAuth(next) {
      auth = next;
    },
  };
}

/** Reads an environment variable where one exists (Node, Bun, Deno with permission); `undefined` elsewhere. */
export function readEnvironment(name: string): string | undefined {
  try {
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
      name
    ];
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** A `configuration` error naming the setting (thrown by factories: a client with bad settings is never made). */
export function configurationError(provider: string, field: string, message: string): PaymentsError {
  return new PaymentsError({
    code: 'configuration',
    provider,
    message: `${provider}: ${field} ${message}`,
    fieldErrors: { [field]: [message] },
  });
}
