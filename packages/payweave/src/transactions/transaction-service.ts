import type { CallOptions, Logger, PageIterator, PaymentsError, Result } from '@payweave/core';
import type { ConfiguredName, ProviderClients, ProvidersInput } from '../providers/provider-map.js';
import { createUnifiedService, type UnifiedAdapter, unifiedAdapter } from '../unified-service.js';
import { fromLeadConnectorTransaction } from './from-leadconnector-transaction.js';
import { fromPayaTransaction } from './from-paya-transaction.js';
import type { Transaction, TransactionProvider } from './transaction.js';

/** The native list filters each provider accepts for transactions. */
export interface TransactionFilters {
  /** Paya transaction filters. */
  paya: NonNullable<Parameters<ProviderClients['paya']['transactions']['list']>[0]>;
  /** LeadConnector transaction filters. */
  leadconnector: NonNullable<Parameters<ProviderClients['leadconnector']['transactions']['list']>[0]>;
}

/** A provider that is configured and has transactions. */
export type TransactionProviderOf<P extends ProvidersInput> = ConfiguredName<P> & TransactionProvider;

/** The argument of `transactions.list`: the provider plus its native filters. */
export type TransactionListRequest<Name extends TransactionProvider> = { provider: Name } & Partial<
  TransactionFilters[Name]
>;

/**
 * Unified transactions (Paya and LeadConnector).
 *
 * @example
 * ```ts
 * const transaction = await pw.transactions.retrieve({ provider: 'paya', id });
 * if (transaction.isOk()) console.log(transaction.value.status.unified); // 'succeeded', 'declined', ...
 * ```
 */
export interface Transactions<P extends ProvidersInput> {
  /** One transaction by its provider id. */
  retrieve(
    request: { provider: TransactionProviderOf<P>; id: string },
    options?: CallOptions,
  ): Promise<Result<Transaction, PaymentsError>>;
  /** Every transaction of a provider matching its native filters. */
  list<Name extends TransactionProviderOf<P>>(
    request: TransactionListRequest<Name>,
    options?: CallOptions,
  ): PageIterator<Transaction>;
  /**
   * Every transaction of every configured provider that serves this view (or of each provider
   * named in `providers`, in that order), one provider after the other, as one walk with no
   * filters. A provider's failure ends the walk with its error.
   */
  list(
    request?: { providers?: readonly TransactionProviderOf<P>[] },
    options?: CallOptions,
  ): PageIterator<Transaction>;
}

/**
 * Each provider's adapter, built on call (inside `createPayweave`): top-level calls would stay
 * in every bundle that imports anything from `payweave`.
 */
function transactionAdapters(): { [Name in TransactionProvider]: UnifiedAdapter<Name, Transaction> } {
  return {
    paya: unifiedAdapter<'paya', Transaction>(
      {
        retrieve: (client, id, options) => client.transactions.retrieve(id, {}, options),
        list: (client, filters, options) => client.transactions.list(filters, options),
      },
      fromPayaTransaction,
    ),
    leadconnector: unifiedAdapter<'leadconnector', Transaction>(
      {
        retrieve: (client, id, options) => client.transactions.retrieve(id, {}, options),
        list: (client, filters, options) => client.transactions.list(filters, options),
      },
      fromLeadConnectorTransaction,
    ),
  };
}

/** Builds the unified transactions service over the configured clients. */
export function createTransactions<P extends ProvidersInput>(
  clients: Partial<ProviderClients>,
  logger: Logger | undefined,
): Transactions<P> {
  return createUnifiedService<Transaction>(
    'transactions',
    transactionAdapters(),
    clients,
    logger,
  ) as Transactions<P>;
}
