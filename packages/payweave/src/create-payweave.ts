import {
  type AnyOperation,
  type CallOptions,
  Err,
  hideInternals,
  type Logger,
  type MethodResult,
  type OperationInput,
  PaymentsError,
} from '@payweave/core';
import { type CatalogueEntry, toCatalogueEntries } from './operation-catalogue.js';
import { createPaymentRequests, type PaymentRequests } from './payment-requests/payment-request-service.js';
import type {
  ConfiguredName,
  ConfiguredProviders,
  ProviderClients,
  ProviderName,
  ProvidersInput,
} from './providers/provider-map.js';
import { providerNames, resolveProviders } from './providers/resolve-providers.js';
import { createTransactions, type Transactions } from './transactions/transaction-service.js';
import { failingIterator } from './unsupported.js';

/** Settings of {@link createPayweave}. */
export interface PayweaveSettings<P extends ProvidersInput> {
  /** The providers to use: clients from their factories, or the factories' settings. */
  providers: P;
  /** Where the facade's own warnings go (unmapped statuses); silent by default. */
  logger?: Logger | undefined;
}

/** Every operation of the configured providers, as a union. */
export type ConfiguredOperation<P extends ProvidersInput> = {
  [Name in ConfiguredName<P>]: ProviderClients[Name]['operations'][number];
}[ConfiguredName<P>];

/** The operation with id `Id` among the configured providers. */
export type ConfiguredOperationById<P extends ProvidersInput, Id extends string> = Extract<
  ConfiguredOperation<P>,
  { readonly id: Id }
>;

/** The client `createPayweave` returns. Only configured providers exist on its type. */
export interface Payweave<P extends ProvidersInput> {
  /** The native provider clients, fully typed, with the providers' own field names. */
  readonly providers: ConfiguredProviders<P>;
  /** The catalogue of every operation of every configured provider. */
  readonly operations: readonly CatalogueEntry[];
  /** Runs any operation by id; input validated by the operation's schema. An unknown id is `unsupported`. */
  execute<Id extends ConfiguredOperation<P>['id']>(
    id: Id,
    input: OperationInput<ConfiguredOperationById<P, Id>>,
    options?: CallOptions,
  ): MethodResult<ConfiguredOperationById<P, Id>>;
  /** Unified payment requests (invoice, paylink, payment link, order). */
  readonly paymentRequests: PaymentRequests<P>;
  /** Unified transactions (Paya, LeadConnector). */
  readonly transactions: Transactions<P>;
}

/**
 * Makes the payweave facade over any of the four providers.
 *
 * @example
 * ```ts
 * const pw = createPayweave({
 *   providers: {
 *     paya: createPaya({ environment: 'sandbox' }),
 *     leadconnector: { accessToken: process.env.HL_TOKEN!, locationId: 'loc_1' },
 *   },
 * });
 * await pw.providers.paya.transactions.retrieve(id);
 * await pw.paymentRequests.retrieve({ provider: 'leadconnector', id: orderId });
 * await pw.execute('leadconnector.orders.list', { altId: 'loc_1' }).toArray({ limit: 10 });
 * ```
 */
export function createPayweave<const P extends ProvidersInput>(settings: PayweaveSettings<P>): Payweave<P> {
  const clients = resolveProviders(settings.providers);
  const configured = providerNames.filter((name) => clients[name] !== undefined);
  const operations = configured.flatMap((name) =>
    toCatalogueEntries(
      name,
      (clients[name] as unknown as { operations: readonly AnyOperation[] }).operations,
    ),
  );
  const providerOf = (id: string) => configured.find((name) => id.startsWith(`${name}.`));

  const execute = (id: string, input: unknown, options?: CallOptions): unknown => {
    const provider = providerOf(id);
    const entry = operations.find((operation) => operation.id === id);
    if (!provider || !entry) {
      const error = new PaymentsError({
        code: 'unsupported',
        operation: id,
        message: `payweave: no configured provider has the operation "${id}".`,
      });
      return id.endsWith('.list') ? failingIterator(error) : Promise.resolve(Err(error));
    }
    const client = clients[provider] as {
      execute: (id: string, input: unknown, options?: CallOptions) => unknown;
    };
    return client.execute(id, input, options);
  };

  const payweave = {
    providers: Object.freeze({ ...clients }),
    operations: Object.freeze(operations),
    execute,
    paymentRequests: createPaymentRequests<P>(clients, settings.logger),
    transactions: createTransactions<P>(clients, settings.logger),
  };
  return hideInternals(payweave, () => ({
    providers: configured,
    operations: operations.length,
  })) as unknown as Payweave<P>;
}

/** Provider ids payweave knows. */
export const knownProviders: readonly ProviderName[] = providerNames;
