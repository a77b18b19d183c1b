import {
  assembleProvider,
  type ProviderClient,
  type ProviderDescriptor,
  type ResourceMap,
  staticHeaders,
} from '@payweave/core';
import { mapPayaError } from './paya-errors.js';
import { type PayaSettings, type ResolvedPayaSettings, resolvePayaSettings } from './paya-settings.js';
import { PAYA_PACKAGE_VERSION } from './paya-version.js';

/**
 * Everything core must know about Paya except its operations: error bodies, secret names,
 * the user agent. Kept apart from the resources so a client built from a few resources
 * does not pull the others into a bundle; `createPaya` and {@link createPayaClient} both
 * assemble from this one value.
 */
export const payaDescriptorBase: Omit<ProviderDescriptor<ResourceMap>, 'resources'> = {
  id: 'paya',
  packageName: '@payweave/paya',
  packageVersion: PAYA_PACKAGE_VERSION,
  mapError: mapPayaError,
  // Core already hides account_number, cvv, track_data, routing, ssn4, dob_year, dl_number.
  sensitiveFields: [
    'user_api_key',
    'user_hash_key',
    'basic_auth_password',
    'hash_key',
    'ticket',
    'exp_date',
    'e_track_data',
    'e_serial_number',
    'image_front',
    'image_back',
  ],
  sensitiveHeaders: ['user-id', 'developer-id', 'user-api-key'],
};

/**
 * Creates a Paya Connect client with only the resources given, so a bundler keeps only
 * their operations and schemas (a sale-only app is far smaller than one built with
 * `createPaya`, which references every resource). Settings, credentials, the three auth
 * headers and secret redaction are exactly those of `createPaya`; a missing credential
 * throws a `configuration` error here. The client has one property per given resource plus
 * `operations` and `execute`, which know only the given operations (any other id is an
 * `unsupported` error).
 *
 * `createPaya`'s extras are not added: build `locationInfos.defaults` with
 * `findLocationDefaults(client.locationInfos.list())` and the hosted forms with
 * `createPayaForms` when the app needs them.
 *
 * @param settings - Credentials, environment and core options, as for `createPaya`.
 * @param resources - The resources to include, by name: `transactionOperations`,
 *   `contactOperations`, `accountVaultOperations`, `locationInfoOperations`,
 *   `paylinkOperations`, `postbackConfigOperations`, `quickInvoiceOperations`,
 *   `recurringOperations`, `transactionBatchOperations` (or a subset of one of them).
 * @returns A typed client for those resources.
 *
 * @example
 * ```ts
 * import { createPayaClient, transactionOperations } from '@payweave/paya';
 *
 * const paya = createPayaClient({ userId, userApiKey, developerId }, { transactions: transactionOperations });
 * const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
 * if (sale.isOk() && sale.value.status === 'declined') console.log(sale.value.reason);
 * ```
 */
export function createPayaClient<R extends ResourceMap>(
  settings: PayaSettings,
  resources: R,
): ProviderClient<R> {
  return assemblePayaClient(resolvePayaSettings(settings), resources);
}

/**
 * The assembly shared by {@link createPayaClient} and `createPaya`, from settings already
 * resolved: `createPaya` needs the resolved credentials for its hosted forms too, and
 * resolving twice would read the environment and check the settings twice.
 *
 * @internal
 */
export function assemblePayaClient<R extends ResourceMap>(
  resolved: ResolvedPayaSettings,
  resources: R,
): ProviderClient<R> {
  const { client } = assembleProvider(
    { ...payaDescriptorBase, resources },
    {
      baseUrl: resolved.baseUrl,
      options: resolved.options,
      secrets: [resolved.userApiKey, resolved.userHashKey],
      auth: () =>
        staticHeaders({
          'user-id': resolved.userId,
          'user-api-key': resolved.userApiKey,
          'developer-id': resolved.developerId,
        }),
    },
  );
  return client;
}
