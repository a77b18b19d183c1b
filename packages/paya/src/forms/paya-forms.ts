// `paya.forms`: the form builders bound to a client's credentials, plus the result lookup.
import { buildError, type CallOptions, Err, Ok, type PaymentsError, type Result } from '@payweave/core';
import type { AccountVaultRecord } from '../account-vaults/account-vault-schemas.js';
import type { PayaTransaction } from '../transactions/transaction-schemas.js';
import {
  type ExpectedFormResponse,
  type FormLinkLike,
  type FormMessage,
  type PayaFormResponse,
  parseFormResponse,
} from './form-response.js';
import type { AccountFormData, PayFormData } from './form-schemas.js';
import {
  accountFormUrl,
  type PayaFormCredentials,
  type PayaFormLink,
  type PayaFormUrlOptions,
  payFormUrl,
} from './form-url.js';

/**
 * `paya.forms`: hosted PayForm / AccountForm URLs signed with the client's `userHashKey`,
 * reading what a form posts back, and finding the record a form made.
 *
 * @example
 * ```ts
 * const link = (await paya.forms.accountFormUrl({ payment_method: 'cc', location_id })).unwrap();
 * // ... the payer submits the iframe ...
 * const result = (await paya.forms.findResult(link)).unwrap();
 * if (result?.form === 'accountform') await paya.transactions.sale({ transaction_amount: '9.99', account_vault_id: result.accountVault.id });
 * ```
 */
export interface PayaForms {
  /**
   * A PayForm URL (see the standalone {@link payFormUrl}), signed with this client's
   * `userId`, `userHashKey` and `developerId`; a client made without `userHashKey` answers
   * `configuration`.
   *
   * @example
   * ```ts
   * const link = await paya.forms.payFormUrl({ payment_method: 'cc', action: 'sale', transaction_amount: '25.00' });
   * ```
   */
  payFormUrl(data: PayFormData, options?: PayaFormUrlOptions): Promise<Result<PayaFormLink, PaymentsError>>;
  /**
   * An AccountForm URL (see the standalone {@link accountFormUrl}), signed with this client's
   * credentials.
   *
   * @example
   * ```ts
   * const link = await paya.forms.accountFormUrl({ payment_method: 'ach', location_id, ach_sec_code: 'WEB' });
   * ```
   */
  accountFormUrl(
    data: AccountFormData,
    options?: PayaFormUrlOptions,
  ): Promise<Result<PayaFormLink, PaymentsError>>;
  /**
   * Reads what a form posted to the parent page ({@link parseFormResponse}); with the link,
   * the origin and the reference are checked.
   *
   * @example
   * ```ts
   * const response = paya.forms.parseFormResponse(event, link);
   * ```
   */
  parseFormResponse(
    message: FormMessage | string,
    expected: ExpectedFormResponse | FormLinkLike,
  ): Result<PayaFormResponse, PaymentsError>;
  /**
   * Paya's recommended way to learn what a form did: looks the record up by the reference in
   * its data — `accountVaults.retrieveByApiId` for an AccountForm, the transactions with that
   * `transaction_api_id` (compared exactly) for a PayForm. `Ok(undefined)` while the payer has
   * not submitted it.
   *
   * @example
   * ```ts
   * const result = (await paya.forms.findResult(link)).unwrap();
   * if (result?.form === 'payform') console.log(result.transaction.status);
   * ```
   */
  findResult(
    link: Pick<PayaFormLink, 'form' | 'reference' | 'location_id'>,
    options?: CallOptions,
  ): Promise<Result<PayaFormResponse | undefined, PaymentsError>>;
}

/**
 * What {@link createPayaForms} needs from the client: the two lookups.
 *
 * @example
 * ```ts
 * const lookups: FormLookups = {
 *   retrieveVault: (input, options) => paya.accountVaults.retrieveByApiId(input, options),
 *   listTransactions: (input, options) => paya.transactions.list(input, options),
 * };
 * ```
 */
export interface FormLookups {
  /** `paya.accountVaults.retrieveByApiId`. */
  retrieveVault(
    input: { account_vault_api_id: string; location_id: string },
    options?: CallOptions,
  ): PromiseLike<Result<AccountVaultRecord, PaymentsError>>;
  /** Transactions with this `transaction_api_id` (a substring filter: compared exactly here). */
  listTransactions(
    input: { transaction_api_id: string; location_id?: string; page_size: number },
    options?: CallOptions,
  ): { toArray(options: { limit: number }): Promise<Result<PayaTransaction[], PaymentsError>> };
}

const lookupLimit = 500;

/**
 * Binds the form helpers to a client's credentials and lookups (`createPaya` does it).
 *
 * @example
 * ```ts
 * const forms = createPayaForms({ userId, userHashKey, developerId, baseUrl }, lookups);
 * ```
 */
export function createPayaForms(credentials: PayaFormCredentials, lookups: FormLookups): PayaForms {
  const origin = credentials.baseUrl === undefined ? undefined : new URL(credentials.baseUrl).origin;
  return Object.freeze({
    payFormUrl: (data: PayFormData, options?: PayaFormUrlOptions) => payFormUrl(credentials, data, options),
    accountFormUrl: (data: AccountFormData, options?: PayaFormUrlOptions) =>
      accountFormUrl(credentials, data, options),
    parseFormResponse: (message: FormMessage | string, expected: ExpectedFormResponse | FormLinkLike) =>
      parseFormResponse(
        message,
        'url' in expected || expected.origin !== undefined ? expected : { ...expected, origin },
      ),
    async findResult(
      link: Pick<PayaFormLink, 'form' | 'reference' | 'location_id'>,
      options?: CallOptions,
    ): Promise<Result<PayaFormResponse | undefined, PaymentsError>> {
      if (link.form === 'accountform') {
        if (link.location_id === undefined) {
          return Err(
            buildError(
              { provider: 'paya', operation: 'paya.forms.findResult' },
              {
                code: 'validation',
                detail: 'location_id: is required to look an account vault up',
                fieldErrors: { location_id: ['is required to look an account vault up'] },
              },
            ),
          );
        }
        const found = await lookups.retrieveVault(
          { account_vault_api_id: link.reference, location_id: link.location_id },
          options,
        );
        if (found.isOk()) return Ok({ form: 'accountform', accountVault: found.value });
        return found.error.code === 'not_found' ? Ok(undefined) : Err(found.error);
      }
      const listed = await lookups
        .listTransactions(
          {
            transaction_api_id: link.reference,
            page_size: 50,
            ...(link.location_id === undefined ? {} : { location_id: link.location_id }),
          },
          options,
        )
        .toArray({ limit: lookupLimit });
      if (listed.isErr()) return listed;
      const match = listed.value.find((transaction) => transaction.transaction_api_id === link.reference);
      if (match) return Ok({ form: 'payform', transaction: match });
      if (listed.value.length >= lookupLimit) {
        return Err(
          buildError(
            { provider: 'paya', operation: 'paya.forms.findResult' },
            {
              code: 'provider_error',
              detail: `more than ${lookupLimit} transactions match the reference as a substring: the lookup cannot tell whether the form's transaction exists`,
            },
          ),
        );
      }
      return Ok(undefined);
    },
  });
}
