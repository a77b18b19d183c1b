import {
  type CoreOptions,
  checkBaseUrl,
  configurationError,
  readEnvironment,
  type SessionStore,
} from '@payweave/core';

/** Environment variables the factory reads when a setting is not given. */
export const connectFiEnvironmentVariables = Object.freeze({
  /** Your connectFi instance's base URL. */
  baseUrl: 'CONNECTFI_BASE_URL',
  /** The client login. */
  login: 'CONNECTFI_LOGIN',
  /** The password. */
  password: 'CONNECTFI_PASSWORD',
});

/** The package version (user agent). */
export const connectFiPackageVersion = '0.1.0';

/**
 * Settings of `createConnectFi`. connectFi has no public base URL: PayGears gives each client
 * its own sandbox and production instance, so `baseUrl` is required.
 *
 * @example
 * ```ts
 * createConnectFi({ baseUrl: 'https://connectfi.yourcompany.example', login: 'CLIENTID', password: secret });
 * ```
 */
export interface ConnectFiSettings extends CoreOptions {
  /**
   * Your instance's base URL: https, or http only on loopback (127.0.0.0/8, localhost, [::1]);
   * no credentials, query or fragment. Default: `CONNECTFI_BASE_URL` (the same rule applies).
   */
  baseUrl?: string | undefined;
  /** Client login: letters, digits, `_`, at most 36. Default: `CONNECTFI_LOGIN`. */
  login?: string | undefined;
  /** Password, at most 50. Default: `CONNECTFI_PASSWORD`. */
  password?: string | undefined;
  /** Log in again this many seconds before `dtsExpireAt` (default 60). */
  renewBeforeSeconds?: number | undefined;
  /**
   * Shares the login token with every instance of your service (`redisSessionStore` of
   * `@payweave/redis`, one per login): one login per expiry for all of them instead of one each.
   * When the store cannot be reached, the client logs in by itself and logs a warning.
   */
  sessionStore?: SessionStore | undefined;
}

/** Settings after environment variables and checks. */
export interface ResolvedConnectFiSettings {
  readonly baseUrl: string;
  readonly login: string;
  readonly password: string;
  readonly renewBeforeMs: number;
  readonly sessionStore: SessionStore | undefined;
  readonly core: CoreOptions;
}

/** Applies environment variables and checks every setting; throws a `configuration` error naming the bad one. */
export function resolveConnectFiSettings(settings: ConnectFiSettings): ResolvedConnectFiSettings {
  const {
    baseUrl: givenUrl,
    login: givenLogin,
    password: givenPassword,
    renewBeforeSeconds,
    sessionStore,
    ...core
  } = settings;
  const urlFromEnvironment =
    givenUrl === undefined ? readEnvironment(connectFiEnvironmentVariables.baseUrl) : undefined;
  const baseUrl = givenUrl ?? urlFromEnvironment;
  const login = givenLogin ?? readEnvironment(connectFiEnvironmentVariables.login);
  const password = givenPassword ?? readEnvironment(connectFiEnvironmentVariables.password);
  if (!baseUrl) {
    throw configurationError(
      'connectfi',
      'baseUrl',
      `is required: connectFi has no public URL (pass it or set ${connectFiEnvironmentVariables.baseUrl})`,
    );
  }
  // Named after where it came from: the setting, or the environment variable.
  const resolvedBaseUrl = checkBaseUrl(
    'connectfi',
    baseUrl,
    urlFromEnvironment === undefined ? 'baseUrl' : connectFiEnvironmentVariables.baseUrl,
  );
  if (!login)
    throw configurationError(
      'connectfi',
      'login',
      `is required (pass it or set ${connectFiEnvironmentVariables.login})`,
    );
  if (!/^[0-9a-zA-Z_]{1,36}$/.test(login))
    throw configurationError('connectfi', 'login', 'must be 1-36 letters, digits or _');
  if (!password)
    throw configurationError(
      'connectfi',
      'password',
      `is required (pass it or set ${connectFiEnvironmentVariables.password})`,
    );
  if (password.length > 50)
    throw configurationError('connectfi', 'password', 'must be at most 50 characters');
  if (renewBeforeSeconds !== undefined && !(Number.isFinite(renewBeforeSeconds) && renewBeforeSeconds >= 0)) {
    throw configurationError('connectfi', 'renewBeforeSeconds', 'must be a non-negative number of seconds');
  }
  return {
    baseUrl: resolvedBaseUrl,
    login,
    password,
    renewBeforeMs: (renewBeforeSeconds ?? 60) * 1000,
    sessionStore,
    core,
  };
}
