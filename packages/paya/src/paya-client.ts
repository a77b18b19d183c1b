import {
  type CallOptions,
  createProviderClient,
  createProviderRuntime,
  Err,
  hideInternals,
  type PaymentsError,
  PaymentsError as PaymentsErrorClass,
  type ProviderClient,
  parseMoney,
  type ResourceMethods,
  type Result,
  staticHeaders,
} from '@payweave/core';
import * as z from 'zod/mini';
import { contactOperations } from './contacts/contact-operations.js';
import { findLocationDefaults, locationInfoOperations } from './location-infos/location-info-operations.js';
import type { PayaLocationDefaults } from './location-infos/location-info-schemas.js';
import { mapPayaError } from './paya-errors.js';
import { type PayaSettings, resolvePayaSettings } from './paya-settings.js';
import { PAYA_PACKAGE_VERSION } from './paya-version.js';
import { paylinkOperations } from './paylinks/paylink-operations.js';
import { transactionOperations } from './transactions/transaction-operations.js';
import { type PayaTransaction, refundInput } from './transactions/transaction-schemas.js';

/** Every Paya operation, by resource and method name. */
export const payaResources = {
  locationInfos: locationInfoOperations,
  contacts: contactOperations,
  transactions: transactionOperations,
  paylinks: paylinkOperations,
} as const;

/** The resource map of the Paya client. */
export type PayaResources = typeof payaResources;

/** The location info methods plus the `defaults` helper. */
export type PayaLocationInfoMethods = ResourceMethods<PayaResources>['locationInfos'] & {
  /**
   * The `location_id` and default card / ACH `product_transaction_id` of a location (the
   * given one, else the user's first), found through `locationInfos.list`.
   *
   * @example
   * ```ts
   * const { location_id, cc_product_transaction_id } = (await paya.locationInfos.defaults()).unwrap();
   * ```
   */
  defaults(locationId?: string, options?: CallOptions): Promise<Result<PayaLocationDefaults, PaymentsError>>;
};

/**
 * A Paya Connect client: `locationInfos`, `contacts`, `transactions` and `paylinks`, each
 * method returning `Promise<Result<T, PaymentsError>>` (lists return a page iterator), plus
 * the operation catalogue and `execute`.
 *
 * @example
 * ```ts
 * const paya = createPaya({ environment: 'sandbox' });
 * const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
 * if (sale.isOk() && sale.value.status === 'declined') console.log(sale.value.reason);
 * ```
 */
export type PayaClient = ProviderClient<PayaResources> & {
  /** Locations of the user and their deposit accounts. */
  readonly locationInfos: PayaLocationInfoMethods;
};

type Method = (input?: unknown, options?: CallOptions) => Promise<Result<unknown, PaymentsError>>;

/**
 * Creates a Paya Connect client. Credentials come from the settings or from
 * `PAYA_USER_ID`, `PAYA_USER_API_KEY` and `PAYA_DEVELOPER_ID`; a missing one throws a
 * `configuration` error here, not a 401 later. The three auth headers go on every call.
 *
 * @example
 * ```ts
 * import { createPaya } from '@payweave/paya';
 *
 * const paya = createPaya({ userId, userApiKey, developerId, environment: 'sandbox' });
 * const location = (await paya.locationInfos.defaults()).unwrap();
 * const contact = await paya.contacts.create({ location_id: location.location_id, last_name: 'Sanchez' });
 * for await (const transaction of paya.transactions.list({ status_id: [101, 102], created_ts: 'last 30 days' })) {
 *   console.log(transaction.id, transaction.status, transaction.transaction_amount_money);
 * }
 * ```
 */
export function createPaya(settings: PayaSettings = {}): PayaClient {
  const resolved = resolvePayaSettings(settings);
  const runtime = createProviderRuntime({
    provider: 'paya',
    packageName: '@payweave/paya',
    packageVersion: PAYA_PACKAGE_VERSION,
    baseUrl: resolved.baseUrl,
    auth: staticHeaders({
      'user-id': resolved.userId,
      'user-api-key': resolved.userApiKey,
      'developer-id': resolved.developerId,
    }),
    mapError: mapPayaError,
    secrets: [resolved.userApiKey],
    sensitiveFields: ['user_api_key', 'user_hash_key'],
    sensitiveHeaders: ['user-id', 'developer-id', 'user-api-key'],
    options: resolved.options,
  });
  const base = createProviderClient(runtime, payaResources);
  const baseRefund = base.transactions.refund as unknown as Method;

  // The ACH WEB partial refund looks approved and is rejected days later, so it is refused
  // here, which needs the original transaction's SEC code and amount.
  const refund = async (input?: unknown, options?: CallOptions): Promise<Result<unknown, PaymentsError>> => {
    const parsed = z.safeParse(refundInput, input);
    if (!parsed.success || (parsed.data.payment_method !== 'ach' && parsed.data.ach_sec_code !== 'WEB'))
      return baseRefund(input, options);
    const original = await base.transactions.retrieve(parsed.data.previous_transaction_id, {}, options);
    if (original.isErr()) return original;
    const trap = partialWebRefund(original.value, parsed.data.transaction_amount, parsed.data.ach_sec_code);
    return trap ? Err(trap) : baseRefund(input, options);
  };

  const transactions = Object.freeze({ ...base.transactions, refund });
  const locationInfos = Object.freeze({
    ...base.locationInfos,
    defaults: (locationId?: string, options?: CallOptions) =>
      findLocationDefaults(base.locationInfos.list({}, options), locationId),
  });
  const execute = (id: string, input: unknown, options?: CallOptions) =>
    id === 'paya.transactions.refund'
      ? refund(input, options)
      : (base.execute as (id: string, input: unknown, options?: CallOptions) => unknown)(id, input, options);
  const client = { ...base, transactions, locationInfos, execute };
  return hideInternals(client, () => ({
    provider: 'paya',
    baseUrl: resolved.baseUrl,
    operations: base.operations.map((operation) => operation.id),
  })) as unknown as PayaClient;
}

function partialWebRefund(
  original: PayaTransaction,
  amount: string | number,
  secCode: string | undefined,
): PaymentsError | undefined {
  if (original.payment_method !== 'ach' || (original.ach_sec_code ?? secCode) !== 'WEB') return undefined;
  const requested = parseMoney(amount, 'USD');
  const full = original.transaction_amount_money;
  if (requested.isErr() || full === undefined || requested.value.amountMinor >= full.amountMinor)
    return undefined;
  const message =
    'a partial refund of an ACH WEB debit is accepted and then rejected days later; refund the full amount, or use transactions.credit with ach_sec_code "CCD" and previous_transaction_id for a partial return';
  return new PaymentsErrorClass({
    code: 'validation',
    provider: 'paya',
    operation: 'paya.transactions.refund',
    message: `paya.transactions.refund: ${message} (nothing was sent).`,
    fieldErrors: { transaction_amount: [message] },
    retryable: false,
  });
}
