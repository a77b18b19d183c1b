// Building the hosted PayForm / AccountForm URLs (`paya-more.md` section 2, "URL construction").
import {
  buildError,
  checkBaseUrl,
  Err,
  hideInternals,
  Ok,
  type PaymentsError,
  type Result,
  readEnvironment,
  validateInput,
} from '@payweave/core';
import { newAccountVaultApiId } from '../account-vaults/account-vault-schemas.js';
import { type PayaEnvironment, payaEnvironments, payaEnvironmentVariables } from '../paya-settings.js';
import { newTransactionApiId } from '../transactions/transaction-operations.js';
import { formHashKey, hexData } from './form-hash.js';
import {
  type AccountFormData,
  accountFormDataInput,
  type PayFormData,
  payFormDataInput,
} from './form-schemas.js';

/**
 * The two hosted forms: `payform` makes a transaction, `accountform` an account vault.
 *
 * @example
 * ```ts
 * const form: PayaFormName = link.form; // 'payform' | 'accountform'
 * ```
 */
export type PayaFormName = 'payform' | 'accountform';

/**
 * How long Paya accepts a form URL's timestamp ("an expiry period of 5 minutes"), in seconds.
 *
 * @example
 * ```ts
 * const expiresAt = link.timestamp + formUrlLifetimeSeconds; // link.expiresAt
 * ```
 */
export const formUrlLifetimeSeconds = 300;

/** How far back a PayForm timestamp may be moved to keep its hash-key unique (Paya's own sample backdates 60 s). */
const maxBackdateSeconds = 60;

/**
 * What signs a form URL. Each credential falls back to its environment variable
 * (`PAYA_USER_ID`, `PAYA_USER_HASH_KEY`, `PAYA_DEVELOPER_ID`), as `createPaya` does.
 *
 * @example
 * ```ts
 * const credentials: PayaFormCredentials = { userId, userHashKey, developerId, environment: 'production' };
 * ```
 */
export interface PayaFormCredentials {
  /** The integration user's id (`user-id`). */
  readonly userId?: string | undefined;
  /** The user's `user_hash_key` (a secret: it signs every form URL of the user). */
  readonly userHashKey?: string | undefined;
  /** The solution's developer id (`developer-id`). */
  readonly developerId?: string | undefined;
  /** `sandbox` (default) or `production`. */
  readonly environment?: PayaEnvironment | undefined;
  /** A host that wins over `environment` (https, or http on loopback: simulators). */
  readonly baseUrl?: string | undefined;
}

/**
 * Options of a form URL builder.
 *
 * @example
 * ```ts
 * await payFormUrl(credentials, data, { timestamp: 1513362490, uniqueHashKey: false });
 * ```
 */
export interface PayaFormUrlOptions {
  /**
   * The unix seconds the URL is signed at. Default: now, for a PayForm on a second no other
   * PayForm URL of this user used in this process (see `uniqueHashKey`). A given timestamp is
   * used as is.
   */
  readonly timestamp?: number | undefined;
  /**
   * PayForm only (default `true`): Paya's one-time hash-key registry (required for PayForm
   * integrations made since 12 November 2025) refuses a hash-key used before, and the hash-key
   * depends only on the user and the second. The builder therefore never signs two PayForm URLs
   * of one user on the same second in this process: it moves the timestamp back by up to 60 s
   * to a free second, and answers `rate_limited` when the last minute is full. Other processes
   * signing for the same user are not seen: give each its own integration user.
   */
  readonly uniqueHashKey?: boolean | undefined;
}

/**
 * A built form URL, ready for an iframe `src` (or a redirect). `util.inspect` and
 * `JSON.stringify` show it with its hash-key redacted; read `url` to use it.
 *
 * @example
 * ```ts
 * const link: PayaFormLink = (await paya.forms.payFormUrl(data)).unwrap();
 * response.render('checkout', { src: link.url, expiresAt: link.expiresAt });
 * ```
 */
export interface PayaFormLink {
  /** `payform` or `accountform`. */
  readonly form: PayaFormName;
  /** The URL: `{host}/v2/{form}?developer-id=…&hash-key=…&user-id=…&timestamp=…&data=…`. */
  readonly url: string;
  /** The unix seconds it was signed at. */
  readonly timestamp: number;
  /** When Paya stops accepting it (timestamp + 300 s): build it right before showing the form. */
  readonly expiresAt: number;
  /** The reference in `data` the result is found by (`transaction_api_id` or `account_vault_api_id`). */
  readonly reference: string;
  /** The field `reference` is: `transaction_api_id` (PayForm) or `account_vault_api_id` (AccountForm). */
  readonly referenceField: 'transaction_api_id' | 'account_vault_api_id';
  /** The location in `data`, when given (the vault and transaction lookups use it). */
  readonly location_id: string | undefined;
  /** The `data` object, envelope included, as it was hex-encoded into the URL. */
  readonly data: Readonly<Record<string, unknown>>;
}

interface ResolvedFormCredentials {
  userId: string;
  userHashKey: string;
  developerId: string;
  baseUrl: string;
}

function configuration(operation: string, field: string, why: string): PaymentsError {
  return buildError(
    { provider: 'paya', operation },
    { code: 'configuration', detail: `${field} ${why}`, fieldErrors: { [field]: [why] }, retryable: false },
  );
}

function resolveCredentials(
  credentials: PayaFormCredentials,
  operation: string,
): Result<ResolvedFormCredentials, PaymentsError> {
  const resolved: Partial<ResolvedFormCredentials> = {};
  for (const field of ['userId', 'userHashKey', 'developerId'] as const) {
    const value = credentials[field] ?? readEnvironment(payaEnvironmentVariables[field]);
    if (typeof value !== 'string' || value.trim() === '') {
      return Err(
        configuration(
          operation,
          field,
          `is required to sign a form URL (pass it or set ${payaEnvironmentVariables[field]})`,
        ),
      );
    }
    resolved[field] = value;
  }
  const environment = credentials.environment ?? 'sandbox';
  if (!Object.hasOwn(payaEnvironments, environment))
    return Err(configuration(operation, 'environment', 'must be "sandbox" or "production"'));
  try {
    resolved.baseUrl =
      credentials.baseUrl === undefined
        ? payaEnvironments[environment]
        : checkBaseUrl('paya', credentials.baseUrl);
  } catch (error) {
    return Err(error as PaymentsError);
  }
  return Ok(resolved as ResolvedFormCredentials);
}

// Seconds already signed per user, for PayForm's one-time hash-keys (kept for the URL lifetime).
const usedSeconds = new Map<string, Set<number>>();

function claimSecond(userId: string, now: number): number | undefined {
  const used = usedSeconds.get(userId) ?? new Set<number>();
  for (const second of used) if (second < now - formUrlLifetimeSeconds) used.delete(second);
  usedSeconds.set(userId, used);
  for (let second = now; second >= now - maxBackdateSeconds; second -= 1) {
    if (!used.has(second)) {
      used.add(second);
      return second;
    }
  }
  return undefined;
}

function checkTimestamp(operation: string, timestamp: unknown): PaymentsError | undefined {
  if (typeof timestamp === 'number' && Number.isSafeInteger(timestamp) && timestamp >= 0) return undefined;
  return buildError(
    { provider: 'paya', operation },
    {
      code: 'validation',
      detail: 'invalid input (no URL was built). timestamp: must be whole unix seconds (0 or more)',
      fieldErrors: { timestamp: ['must be whole unix seconds (0 or more)'] },
      retryable: false,
    },
  );
}

function noUrlBuilt(error: PaymentsError): PaymentsError {
  return error.with({ message: error.message.replace('(nothing was sent)', '(no URL was built)') });
}

async function build(
  form: PayaFormName,
  operation: string,
  credentials: PayaFormCredentials,
  data: Record<string, unknown>,
  reference: { field: 'transaction_api_id' | 'account_vault_api_id'; value: string },
  options: PayaFormUrlOptions,
  unique: boolean,
): Promise<Result<PayaFormLink, PaymentsError>> {
  const resolved = resolveCredentials(credentials, operation);
  if (resolved.isErr()) return resolved;
  const { userId, userHashKey, developerId, baseUrl } = resolved.value;
  let timestamp = options.timestamp;
  if (timestamp === undefined) {
    const now = Math.floor(Date.now() / 1000);
    timestamp = unique ? claimSecond(userId, now) : now;
    if (timestamp === undefined) {
      return Err(
        buildError(
          { provider: 'paya', operation },
          {
            code: 'rate_limited',
            detail:
              "every second of the last minute already signed a PayForm URL for this user, and Paya's one-time hash-key registry refuses a hash-key used twice; try again in a second",
            retryable: true,
            retryAfterMs: 1000 - (Date.now() % 1000),
          },
        ),
      );
    }
  }
  const hashKey = await formHashKey(userHashKey, userId, timestamp);
  const envelope = { [form === 'payform' ? 'transaction' : 'accountvault']: data };
  const query = [
    `developer-id=${encodeURIComponent(developerId)}`,
    `hash-key=${hashKey}`,
    `user-id=${encodeURIComponent(userId)}`,
    `timestamp=${timestamp}`,
    `data=${hexData(JSON.stringify(envelope))}`,
  ].join('&');
  const url = `${baseUrl}/v2/${form}?${query}`;
  const link: PayaFormLink = {
    form,
    url,
    timestamp,
    expiresAt: timestamp + formUrlLifetimeSeconds,
    reference: reference.value,
    referenceField: reference.field,
    location_id: typeof data.location_id === 'string' ? data.location_id : undefined,
    data: envelope,
  };
  return Ok(
    Object.freeze(
      hideInternals(link, () => ({
        form,
        url: url.replace(/hash-key=[0-9a-f]+/, 'hash-key=[REDACTED]'),
        timestamp,
        expiresAt: link.expiresAt,
        reference: reference.value,
      })),
    ),
  );
}

/**
 * Builds a hosted PayForm URL: the payer types a card or bank account into Paya's page, which
 * runs the `action` (`sale`, `authonly`, `avsonly`, `debit`, non-referenced `refund`).
 * `data` holds the transaction fields and form options (never card data: refused); the SDK
 * fills `transaction_api_id` when absent and signs with the user's `userHashKey` (HMAC-SHA256
 * over user id + timestamp, WebCrypto). Bad input is a `validation` error naming each field,
 * and nothing is built. The URL lives 5 minutes: build it right before showing the form.
 *
 * @example
 * ```ts
 * const link = (
 *   await payFormUrl(
 *     { userId, userHashKey, developerId, environment: 'sandbox' },
 *     { payment_method: 'cc', action: 'sale', transaction_amount: '25.00', location_id, parent_send_message: 1 },
 *   )
 * ).unwrap();
 * iframe.src = link.url; // later: find the result by link.reference
 * ```
 */
export async function payFormUrl(
  credentials: PayaFormCredentials,
  data: PayFormData,
  options: PayaFormUrlOptions = {},
): Promise<Result<PayaFormLink, PaymentsError>> {
  const operation = 'paya.forms.payFormUrl';
  const checked = validateInput(payFormDataInput, data, { provider: 'paya', operation });
  if (checked.isErr()) return Err(noUrlBuilt(checked.error));
  const timestampProblem =
    options.timestamp === undefined ? undefined : checkTimestamp(operation, options.timestamp);
  if (timestampProblem) return Err(timestampProblem);
  const { payment_method, action, transaction_amount, transaction_api_id, ...rest } = checked.value;
  const reference = transaction_api_id ?? newTransactionApiId();
  const fields: Record<string, unknown> = {
    payment_method,
    action,
    transaction_amount: transaction_amount ?? '0.00',
    transaction_api_id: reference,
    ...rest,
  };
  return build(
    'payform',
    operation,
    credentials,
    fields,
    { field: 'transaction_api_id', value: reference },
    options,
    options.uniqueHashKey ?? true,
  );
}

/**
 * Builds a hosted AccountForm URL: the payer types a card or bank account into Paya's page,
 * which stores it as an account vault (nothing is charged). `data` holds the vault fields and
 * form options (never card data: refused); the SDK fills `account_vault_api_id` (letters and
 * digits) when absent — read the vault back with `accountVaults.retrieveByApiId(link.reference,
 * { location_id })`. Signed like {@link payFormUrl}; bad input is a `validation` error.
 *
 * @example
 * ```ts
 * const link = (
 *   await accountFormUrl({ userId, userHashKey, developerId }, { payment_method: 'cc', location_id, contact_id })
 * ).unwrap();
 * iframe.src = link.url;
 * ```
 */
export async function accountFormUrl(
  credentials: PayaFormCredentials,
  data: AccountFormData,
  options: PayaFormUrlOptions = {},
): Promise<Result<PayaFormLink, PaymentsError>> {
  const operation = 'paya.forms.accountFormUrl';
  const checked = validateInput(accountFormDataInput, data, { provider: 'paya', operation });
  if (checked.isErr()) return Err(noUrlBuilt(checked.error));
  const timestampProblem =
    options.timestamp === undefined ? undefined : checkTimestamp(operation, options.timestamp);
  if (timestampProblem) return Err(timestampProblem);
  const { payment_method, location_id, account_vault_api_id, ...rest } = checked.value;
  const reference = account_vault_api_id ?? newAccountVaultApiId();
  const fields: Record<string, unknown> = {
    payment_method,
    location_id,
    account_vault_api_id: reference,
    ...rest,
  };
  return build(
    'accountform',
    operation,
    credentials,
    fields,
    { field: 'account_vault_api_id', value: reference },
    options,
    options.uniqueHashKey ?? false,
  );
}
