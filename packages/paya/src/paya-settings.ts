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
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** The core options to pass on. */
  readonly options: CoreOptions;
}

function credential(value: string | undefined, field: keyof typeof payaEnvironmentVariables): string {
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

/**
 * Applies defaults and environment variables; throws a `configuration` error naming the
 * bad setting, so a client with missing credentials is never made.
 */
export function resolvePayaSettings(settings: PayaSettings = {}): ResolvedPayaSettings {
  const { userId, userApiKey, developerId, environment, baseUrl, ...options } = settings;
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
    baseUrl: resolvedBaseUrl,
    options,
  };
}
