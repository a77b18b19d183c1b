import {
  buildError,
  defineOperation,
  Err,
  Ok,
  type OperationContext,
  type PaymentsError,
  type Result,
  type Schema,
} from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  type AccountVaultRecord,
  accountVaultEnvelope,
  accountVaultIdInput,
  accountVaultListEnvelope,
  accountVaultTimestampFilters,
  createAccountVaultFromTransactionInput,
  createAccountVaultInput,
  listAccountVaultsInput,
  newAccountVaultApiId,
  retrieveAccountVaultByApiIdInput,
  retrieveAccountVaultInput,
  toAccountVaultFields,
  updateAccountVaultInput,
} from './account-vault-schemas.js';
import { binInfoEnvelope, toPayaBinInfo } from './bin-info.js';

const docsUrl = 'https://docs.payaconnect.com/developers/api/endpoints/accountvaults';

/**
 * Lists account vaults, filtered; pages through all of them.
 *
 * @example
 * ```ts
 * for await (const vault of paya.accountVaults.list({ contact_id, payment_method: 'cc' })) console.log(vault.last_four);
 * ```
 */
export const listAccountVaults = defineOperation({
  id: 'paya.accountVaults.list',
  method: 'GET',
  path: '/v2/accountvaults',
  summary:
    'List account vaults with filters (contact, payment method, card brand, dates), paging through all.',
  description:
    'Text filters may match substrings (Paya does not say which are exact): find one vault by its reference with `retrieveByApiId`.',
  input: listAccountVaultsInput,
  output: accountVaultListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, accountVaultTimestampFilters) }),
  fromResponse: (body): ListPage<AccountVaultRecord> => ({ items: body.accountvaults, meta: body.meta }),
  paging: payaPaging<z.output<typeof listAccountVaultsInput>, AccountVaultRecord>(),
});

/**
 * Gets the vault with this `account_vault_api_id` in a location (`GET /v2/accountvaults/{api_id}?api_id=1`).
 *
 * @example
 * ```ts
 * const vault = await paya.accountVaults.retrieveByApiId(link.reference, { location_id });
 * if (vault.isErr() && vault.error.code === 'not_found') console.log('not stored yet');
 * ```
 */
export const retrieveAccountVaultByApiId = defineOperation({
  id: 'paya.accountVaults.retrieveByApiId',
  method: 'GET',
  path: '/v2/accountvaults/{account_vault_api_id}',
  summary:
    'Get the vault with this account_vault_api_id in a location (exact match; 404 not_found when there is none).',
  description:
    "Paya's exact lookup (`?api_id=1&location_id=`), the one its AccountForm sample reads a vault back with; the list filter of the same name may match substrings.",
  input: retrieveAccountVaultByApiIdInput,
  output: accountVaultEnvelope,
  retry: 'safe',
  positional: 'account_vault_api_id',
  docsUrl,
  toRequest: ({ location_id, expand }) => ({
    query: { api_id: 1, location_id, ...(expand ? { expand: expand.join(',') } : {}) },
  }),
  fromResponse: (body) => body.accountvault,
});

interface VaultReference {
  account_vault_api_id?: string | undefined;
  location_id: string;
}

function fillReference<In extends VaultReference>(input: In): In {
  return input.account_vault_api_id === undefined
    ? { ...input, account_vault_api_id: newAccountVaultApiId() }
    : input;
}

/**
 * After an ambiguous failure, looks the vault up by its `account_vault_api_id` with Paya's
 * exact `?api_id=1` lookup: found is the result, 404 is "certainly not there" (one resend with
 * the same reference may follow), anything else is "could not tell".
 */
async function findByVaultApiId(
  input: VaultReference,
  context: OperationContext,
  signal?: AbortSignal,
): Promise<Result<AccountVaultRecord | undefined, PaymentsError>> {
  const reference = input.account_vault_api_id;
  if (reference === undefined) {
    return Err(
      buildError(
        { provider: context.provider, operation: 'paya.accountVaults.create' },
        {
          code: 'provider_error',
          detail:
            'no account_vault_api_id to look the vault up by, so the lookup cannot tell whether it exists.',
        },
      ),
    );
  }
  const found = await context.run(
    retrieveAccountVaultByApiId,
    { account_vault_api_id: reference, location_id: input.location_id },
    { signal },
  );
  if (found.isOk()) return Ok(found.value);
  return found.error.code === 'not_found' ? Ok(undefined) : Err(found.error);
}

const reconcileNotes =
  'Sent with retry mode `reconcile`: the SDK fills `account_vault_api_id` (letters and digits, unique per location) when you do not, and after a timeout, reset or 5xx looks the vault up by it (`retrieveByApiId`) before one resend with the same reference; never a blind resend.';

/** Declares one vault create (`POST /v2/accountvaults`): same reference, reconcile and decoding. */
function vaultCreate<Id extends string, In extends VaultReference, Shape>(declaration: {
  id: Id;
  summary: string;
  input: Schema<In, Shape>;
}) {
  return defineOperation({
    method: 'POST',
    path: '/v2/accountvaults',
    output: accountVaultEnvelope,
    retry: 'reconcile',
    docsUrl,
    description: reconcileNotes,
    prepare: fillReference,
    toRequest: (input: In) => ({
      json: { accountvault: toAccountVaultFields(input as Record<string, unknown>) },
    }),
    fromResponse: (body) => body.accountvault,
    reconcile: findByVaultApiId,
    reference: (input: In) => input.account_vault_api_id,
    ...declaration,
  });
}

/**
 * Stores a card or a bank account (or the account behind a ticket) as a vault.
 *
 * @example
 * ```ts
 * await paya.accountVaults.create({
 *   location_id,
 *   payment_method: 'ach',
 *   account_number: '2079951060953',
 *   routing: '072000326',
 *   account_type: 'checking',
 *   is_company: false,
 *   account_holder_name: 'Rick Sanchez',
 * });
 * ```
 */
export const createAccountVault = vaultCreate({
  id: 'paya.accountVaults.create',
  summary:
    'Store a card (account_number + exp_date) or a bank account (account_number, routing, account_type, is_company, account_holder_name) as a vault.',
  input: createAccountVaultInput,
});

/**
 * Stores the account of a previous transaction (or copies another vault) as a new vault.
 *
 * @example
 * ```ts
 * await paya.accountVaults.createFromTransaction({ location_id, payment_method: 'cc', previous_transaction_id: sale.id });
 * ```
 */
export const createAccountVaultFromTransaction = vaultCreate({
  id: 'paya.accountVaults.createFromTransaction',
  summary:
    'Store the card or bank account of a previous transaction (previous_transaction_id / _api_id) or vault as a new vault.',
  input: createAccountVaultFromTransactionInput,
});

/**
 * Gets one account vault.
 *
 * @example
 * ```ts
 * const vault = (await paya.accountVaults.retrieve(vaultId, { expand: ['contact'] })).unwrap();
 * ```
 */
export const retrieveAccountVault = defineOperation({
  id: 'paya.accountVaults.retrieve',
  method: 'GET',
  path: '/v2/accountvaults/{id}',
  summary: 'Get one account vault, with `expand` for related records.',
  input: retrieveAccountVaultInput,
  output: accountVaultEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => body.accountvault,
});

/**
 * Changes some fields of a vault (expiry, holder, billing address, reference, ...).
 *
 * @example
 * ```ts
 * await paya.accountVaults.update(vaultId, { exp_date: '0131', billing_zip: '32606' });
 * ```
 */
export const updateAccountVault = defineOperation({
  id: 'paya.accountVaults.update',
  method: 'PUT',
  path: '/v2/accountvaults/{id}',
  summary:
    'Update some fields of a vault (exp_date, account_holder_name, billing, title, ...); the account number cannot change.',
  input: updateAccountVaultInput,
  output: accountVaultEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: (input) => ({ json: { accountvault: toAccountVaultFields(input) } }),
  fromResponse: (body) => body.accountvault,
});

/**
 * Deletes a vault (204); Paya refuses (422) one it cannot delete.
 *
 * @example
 * ```ts
 * await paya.accountVaults.delete(vaultId); // Ok({ id: vaultId, deleted: true })
 * ```
 */
export const deleteAccountVault = defineOperation({
  id: 'paya.accountVaults.delete',
  method: 'DELETE',
  path: '/v2/accountvaults/{id}',
  summary: 'Delete an account vault (Paya answers 204, or 422 with the reason).',
  description:
    'Retried as safe: a retry after a lost 204 reports the vault as already deleted (conflict or not_found).',
  input: accountVaultIdInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/**
 * The card's BIN information (issuer, brand, debit / credit / prepaid, regulated, ...).
 *
 * @example
 * ```ts
 * const info = (await paya.accountVaults.binInfo(vaultId)).unwrap();
 * if (info.prepaid || info.fund_source === 'debit') console.log('no surcharge on debit cards');
 * ```
 */
export const accountVaultBinInfo = defineOperation({
  id: 'paya.accountVaults.binInfo',
  method: 'GET',
  path: '/v2/accountvaults/{id}/bininfo',
  summary:
    'Get the BIN information of a card vault (issuer, brand, card class, prepaid, fund source), codes decoded.',
  input: accountVaultIdInput,
  output: binInfoEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (body) => toPayaBinInfo(body.bininfo),
});

/**
 * The account vault operations, by method name (`paya.accountVaults.*`).
 *
 * @example
 * ```ts
 * const vault = (
 *   await paya.accountVaults.create({
 *     location_id,
 *     payment_method: 'cc',
 *     account_number: '5454545454545454',
 *     exp_date: '1230',
 *     account_holder_name: 'Rick Sanchez',
 *   })
 * ).unwrap();
 * await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vault.id });
 * const same = await paya.accountVaults.retrieveByApiId(vault.account_vault_api_id!, { location_id });
 * ```
 */
export const accountVaultOperations = {
  create: createAccountVault,
  createFromTransaction: createAccountVaultFromTransaction,
  retrieve: retrieveAccountVault,
  retrieveByApiId: retrieveAccountVaultByApiId,
  update: updateAccountVault,
  delete: deleteAccountVault,
  list: listAccountVaults,
  binInfo: accountVaultBinInfo,
} as const;
