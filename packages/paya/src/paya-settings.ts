import { type CoreOptions, checkBaseUrl, configurationError, readEnvironment } from '@payweave/core';

/** The Paya Connect environments and their base URLs. */
export const payaEnvironments = {
  sandbox: 'https://api.sandbox.payaconnect.com',
  production: 'https://api.payaconnect.com',
} as const;

/** A Paya Connect environment name. */
export type PayaEnvironment = keyof typeof payaEnvironments;

/** The environment variables {@link createPaya} reads when a credential is not passed. */
export const payaEnvironmentVariables = {
  userId: 'PAYA_USER_ID',
  userApiKey: 'PAYA_USER_API_KEY',
  developerId: 'PAYA_DEVELOPER_ID',
  userHashKey: 'PAYA_USER_HASH_KEY',
} as const;

/**
 * Settings of `createPaya`: the three credentials of the Paya Connect REST API
 * (sent as the `user-id`, `user-api-key` and `developer-id` headers), the environment
 * and every core option (timeouts, retries, hooks, logger, custom fetch).
 *
 * @example
 * ```ts
 * const settings: PayaSettings = { userId: 'u', userApiKey: 'k', developerId: 'd', environment: 'sandbox' };
 * ```
 */
export interface PayaSettings extends CoreOptions {
  /** The integration user's id (`user-id` header). Default: `PAYA_USER_ID`. */
  userId?: string | undefined;
  /** The integration user's API key (`user-api-key` header), a secret. Default: `PAYA_USER_API_KEY`. */
  userApiKey?: string | undefined;
  /** The developer id Paya gave the solution (`developer-id` header). Default: `PAYA_DEVELOPER_ID`. */
  developerId?: string | undefined;
  /**
   * The integration user's hash key (`user_hash_key`), a secret used only to sign hosted
   * PayForm / AccountForm URLs (`paya.forms.*`); REST calls never send it. Optional: without
   * it the client works and only the form builders answer `configuration`. Default:
   * `PAYA_USER_HASH_KEY`.
   */
  userHashKey?: string | undefined;
  /** `sandbox` (default) or `production`. */
  environment?: PayaEnvironment | undefined;
  /**
   * A base URL that wins over `environment` (simulators, proxies): https, or http only on
   * loopback (127.0.0.0/8, localhost, [::1]); no credentials, query or fragment.
   */
  baseUrl?: string | undefined;
}

/** Settings after defaults and environment variables were applied and checked. */
export interface ResolvedPayaSettings {
  /** `user-id`. */
  readonly userId: string;
  /** `user-api-key`. */
  readonly userApiKey: string;
  /** `developer-id`. */
  readonly developerId: string;
  /** `user_hash_key` for the hosted forms, when given (a secret). */
  readonly userHashKey: string | undefined;
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** The core options to pass on. */
  readonly options: CoreOptions;
}

function credential(
  value: string | undefined,
  field: Exclude<keyof typeof payaEnvironmentVariables, 'userHashKey'>,
): string {
  const resolved = value ?? readEnvironment(payaEnvironmentVariables[field]);
  if (resolved === undefined || resolved.trim() === '') {
    throw configurationError(
      'paya',
      field,
      `is required (pass it or set ${payaEnvironmentVariables[field]})`,
    );
  }
  return resolved;
}

// The hash key is optional (only the form builders need it), but a blank one is a mistake.
function optionalCredential(value: string | undefined, field: 'userHashKey'): string | undefined {
  const resolved = value ?? readEnvironment(payaEnvironmentVariables[field]);
  if (resolved === undefined) return undefined;
  if (resolved.trim() === '') {
    throw configurationError(
      'paya',
      field,
      `must not be blank (pass it, set ${payaEnvironmentVariables[field]}, or leave both out)`,
    );
  }
  return resolved;
}

/**
 * Applies defaults and environment variables; throws a `configuration` error naming the
 * bad setting, so a client with missing credentials is never made.
 */
export function resolvePayaSettings(settings: PayaSettings = {}): ResolvedPayaSettings {
  const { userId, userApiKey, developerId, userHashKey, environment, baseUrl, ...options } = settings;
  if (environment !== undefined && !(environment in payaEnvironments)) {
    throw configurationError(
      'paya',
      'environment',
      `must be "sandbox" or "production", got "${String(environment)}"`,
    );
  }
  const resolvedBaseUrl =
    baseUrl === undefined ? payaEnvironments[environment ?? 'sandbox'] : checkBaseUrl('paya', baseUrl);
  return {
    userId: credential(userId, 'userId'),
    userApiKey: credential(userApiKey, 'userApiKey'),
    developerId: credential(developerId, 'developerId'),
    userHashKey: optionalCredential(userHashKey, 'userHashKey'),
    baseUrl: resolvedBaseUrl,
    options,
  };
}
