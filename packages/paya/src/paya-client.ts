import type {
  CallOptions,
  PaymentsError,
  ProviderClient,
  ProviderDescriptor,
  ResourceMethods,
  Result,
} from '@payweave/core';
import { accountVaultOperations } from './account-vaults/account-vault-operations.js';
import { contactOperations } from './contacts/contact-operations.js';
import { assemblePayaClient, payaDescriptorBase } from './create-paya-client.js';
import { createPayaForms, type PayaForms } from './forms/paya-forms.js';
import { findLocationDefaults, locationInfoOperations } from './location-infos/location-info-operations.js';
import type { PayaLocationDefaults } from './location-infos/location-info-schemas.js';
import { type PayaSettings, resolvePayaSettings } from './paya-settings.js';
import { paylinkOperations } from './paylinks/paylink-operations.js';
import { postbackConfigOperations } from './postback-configs/postback-config-operations.js';
import { quickInvoiceOperations } from './quick-invoices/quick-invoice-operations.js';
import { recurringOperations } from './recurrings/recurring-operations.js';
import { transactionBatchOperations } from './transaction-batches/transaction-batch-operations.js';
import { transactionOperations } from './transactions/transaction-operations.js';

/** Every Paya operation, by resource and method name. */
export const payaResources = {
  locationInfos: locationInfoOperations,
  contacts: contactOperations,
  transactions: transactionOperations,
  paylinks: paylinkOperations,
  postbackConfigs: postbackConfigOperations,
  recurrings: recurringOperations,
  quickInvoices: quickInvoiceOperations,
  transactionBatches: transactionBatchOperations,
  accountVaults: accountVaultOperations,
} as const;

/** The resource map of the Paya client. */
export type PayaResources = typeof payaResources;

/**
 * What is special about Paya, for core's assembler, with every resource: the shared
 * {@link payaDescriptorBase} plus {@link payaResources}.
 */
export const payaDescriptor: ProviderDescriptor<PayaResources> = {
  ...payaDescriptorBase,
  resources: payaResources,
};

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
 * A Paya Connect client: `locationInfos`, `contacts`, `transactions`, `paylinks`,
 * `postbackConfigs`, `recurrings`, `quickInvoices`, `transactionBatches` and `accountVaults`
 * (plus `forms`, the hosted-form helpers), each
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
  /** Hosted PayForm / AccountForm URLs (signed with `userHashKey`), their responses and results. */
  readonly forms: PayaForms;
};

/**
 * Creates a Paya Connect client. Credentials come from the settings or from
 * `PAYA_USER_ID`, `PAYA_USER_API_KEY` and `PAYA_DEVELOPER_ID`; a missing one throws a
 * `configuration` error here, not a 401 later. The three auth headers go on every call.
 * `userHashKey` (or `PAYA_USER_HASH_KEY`) is optional: only `paya.forms` signs with it.
 * It references every resource, so a bundler keeps them all; an app that uses a few builds
 * a smaller bundle with `createPayaClient`.
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
  const client = assemblePayaClient(resolved, payaResources);
  const locationInfos = Object.freeze({
    ...client.locationInfos,
    defaults: (locationId?: string, options?: CallOptions) =>
      findLocationDefaults(client.locationInfos.list({}, options), locationId),
  });
  const forms = createPayaForms(
    {
      userId: resolved.userId,
      userHashKey: resolved.userHashKey,
      developerId: resolved.developerId,
      baseUrl: resolved.baseUrl,
    },
    {
      retrieveVault: (input, options) => client.accountVaults.retrieveByApiId(input, options),
      listTransactions: (input, options) => client.transactions.list(input, options),
    },
  );
  return Object.assign(client, { locationInfos, forms }) as PayaClient;
}
