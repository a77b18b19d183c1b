import {
  type CoreOptions,
  checkBaseUrl,
  configurationError,
  readEnvironment,
  type SessionStore,
} from '@payweave/core';
import {
  type PayConnectRouteOverrides,
  type PayConnectRouteTable,
  resolvePayConnectRoutes,
} from './routes.js';

/** PayConnect's environments and their base URLs (from the connector documentation). */
export const payConnectEnvironments = Object.freeze({
  sandbox: 'https://dev.payconnect.us/api',
  production: 'https://my.payconnect.us/api',
});

/** A PayConnect environment name. */
export type PayConnectEnvironment = keyof typeof payConnectEnvironments;

/** Environment variables the factory reads when a setting is not given. */
export const payConnectEnvironmentVariables = Object.freeze({
  /** The API key. */
  apiKey: 'PAYCONNECT_API_KEY',
});

/** The package version (user agent). */
export const payConnectPackageVersion = '0.1.0';

/**
 * Settings of `createPayConnect`.
 *
 * @example
 * ```ts
 * createPayConnect({ apiKey: process.env.PAYCONNECT_API_KEY, environment: 'production', timeoutSeconds: 20 });
 * ```
 */
export interface PayConnectSettings extends CoreOptions {
  /** The API key exchanged for session tokens (default: `PAYCONNECT_API_KEY`). */
  apiKey?: string | undefined;
  /** `sandbox` (default) or `production`. */
  environment?: PayConnectEnvironment | undefined;
  /**
   * Overrides the environment's base URL (a proxy, or the simulator on loopback): https, or
   * http only on loopback (127.0.0.0/8, localhost, [::1]); no credentials, query or fragment.
   */
  baseUrl?: string | undefined;
  /** Timeout in seconds of the session creation and validation calls (default: `timeoutMs`, else 30). */
  timeoutSeconds?: number | undefined;
  /** Replacements for routes of the assumed wire contract, per route. */
  routes?: PayConnectRouteOverrides | undefined;
  /** Renew a session this many seconds before it expires (default 60). */
  renewBeforeSeconds?: number | undefined;
  /**
   * Shares the session with every instance of your service (`redisSessionStore` of
   * `@payweave/redis`, one per API key): one session per expiry for all of them instead of one
   * each. When the store cannot be reached, the client opens its own session and logs a warning.
   */
  sessionStore?: SessionStore | undefined;
}

/** Settings after defaults, environment variables and checks. */
export interface ResolvedPayConnectSettings {
  readonly apiKey: string;
  readonly environment: PayConnectEnvironment;
  readonly baseUrl: string;
  readonly sessionTimeoutMs: number;
  readonly renewBeforeMs: number;
  readonly sessionStore: SessionStore | undefined;
  readonly routes: PayConnectRouteTable;
  readonly core: CoreOptions;
}

/** Applies defaults and checks every setting; throws a `configuration` error naming the bad one. */
export function resolvePayConnectSettings(settings: PayConnectSettings): ResolvedPayConnectSettings {
  const {
    apiKey: givenKey,
    environment = 'sandbox',
    baseUrl,
    timeoutSeconds,
    routes,
    renewBeforeSeconds,
    sessionStore,
    ...core
  } = settings;
  const apiKey = givenKey ?? readEnvironment(payConnectEnvironmentVariables.apiKey);
  if (!apiKey || apiKey.trim() === '') {
    throw configurationError(
      'payconnect',
      'apiKey',
      `is required (pass it or set ${payConnectEnvironmentVariables.apiKey})`,
    );
  }
  if (!Object.hasOwn(payConnectEnvironments, environment)) {
    throw configurationError('payconnect', 'environment', 'must be "sandbox" or "production"');
  }
  const resolvedBaseUrl =
    baseUrl === undefined ? payConnectEnvironments[environment] : checkBaseUrl('payconnect', baseUrl);
  if (
    timeoutSeconds !== undefined &&
    !(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 && timeoutSeconds <= 600)
  ) {
    throw configurationError('payconnect', 'timeoutSeconds', 'must be a number of seconds between 0 and 600');
  }
  if (renewBeforeSeconds !== undefined && !(Number.isFinite(renewBeforeSeconds) && renewBeforeSeconds >= 0)) {
    throw configurationError('payconnect', 'renewBeforeSeconds', 'must be a non-negative number of seconds');
  }
  return {
    apiKey,
    environment,
    baseUrl: resolvedBaseUrl,
    sessionTimeoutMs:
      timeoutSeconds !== undefined ? Math.round(timeoutSeconds * 1000) : (core.timeoutMs ?? 30_000),
    renewBeforeMs: (renewBeforeSeconds ?? 60) * 1000,
    sessionStore,
    routes: resolvePayConnectRoutes(routes),
    core,
  };
}
