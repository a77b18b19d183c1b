import {
  type AnyOperation,
  type CallOptions,
  Err,
  hideInternals,
  type Logger,
  type MethodResult,
  type OperationInput,
  PageIterator,
  PaymentsError,
  type Result,
} from '@payweave/core';
import { failedCall, guardPages, guardResultPromise, unexpectedError } from './facade-guards.js';
import { checkInput, checkOptions, describeValue, invalidInput, isFieldObject } from './facade-input.js';
import { type CatalogueEntry, toCatalogueEntries } from './operation-catalogue.js';
import { createPaymentRequests, type PaymentRequests } from './payment-requests/payment-request-service.js';
import type {
  ConfiguredName,
  ConfiguredProviders,
  ProviderClients,
  ProviderName,
  ProvidersInput,
} from './providers/provider-map.js';
import { providerNames, resolveProviders, settingsError } from './providers/resolve-providers.js';
import { createTransactions, type Transactions } from './transactions/transaction-service.js';
import { failingIterator } from './unsupported.js';
import {
  createWebhooks,
  type PayweaveWebhookSettings,
  type PayweaveWebhooks,
} from './webhooks/webhook-service.js';

/** Settings of {@link createPayweave}. */
export interface PayweaveSettings<P extends ProvidersInput> {
  /** The providers to use: clients from their factories, or the factories' settings. */
  providers: P;
  /** Where the facade's own warnings go (unmapped statuses); silent by default. */
  logger?: Logger | undefined;
  /** Receiver settings for `pw.webhooks` (HighLevel keys and window, Paya's basic-auth pair). */
  webhooks?: PayweaveWebhookSettings | undefined;
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
  /**
   * Runs any operation by id; input validated by the operation's schema. Never throws or
   * rejects: an id that is not a string is a `validation` error, an unknown id is
   * `unsupported` (the answer can be awaited or iterated), and anything thrown inside is an `Err`.
   */
  execute<Id extends ConfiguredOperation<P>['id']>(
    id: Id,
    input: OperationInput<ConfiguredOperationById<P, Id>>,
    options?: CallOptions,
  ): MethodResult<ConfiguredOperationById<P, Id>>;
  /** Unified payment requests (invoice, paylink, payment link, order). */
  readonly paymentRequests: PaymentRequests<P>;
  /** Unified transactions (Paya, LeadConnector). */
  readonly transactions: Transactions<P>;
  /** Verifies the providers' webhooks and maps them to unified events. */
  readonly webhooks: PayweaveWebhooks;
}

/**
 * Makes the payweave facade over any of the four providers.
 *
 * @example
 * ```ts
 * const pw = createPayweave({
 *   providers: {
 *     paya: createPaya({ environment: 'sandbox' }),
 *     leadconnector: { accessToken: process.env.LEADCONNECTOR_ACCESS_TOKEN!, locationId: 'loc_1' },
 *   },
 * });
 * await pw.providers.paya.transactions.retrieve(id);
 * await pw.paymentRequests.retrieve({ provider: 'leadconnector', id: orderId });
 * await pw.execute('leadconnector.orders.list', { altId: 'loc_1' }).toArray({ limit: 10 });
 * ```
 */
export function createPayweave<const P extends ProvidersInput>(settings: PayweaveSettings<P>): Payweave<P> {
  if (!isFieldObject(settings)) {
    throw settingsError('settings', `must be an object with providers (got ${describeValue(settings)})`);
  }
  const clients = resolveProviders(Object.hasOwn(settings, 'providers') ? settings.providers : undefined);
  const configured = providerNames.filter(
    (name) => Object.hasOwn(clients, name) && clients[name] !== undefined,
  );
  const operations = configured.flatMap((name) =>
    toCatalogueEntries(
      name,
      (clients[name] as unknown as { operations: readonly AnyOperation[] }).operations,
    ),
  );
  const byId = new Map(operations.map((operation) => [operation.id, operation]));

  // Never throws, never rejects: bad arguments and thrown errors come back as `Err`.
  const execute = (id: unknown, input: unknown, options?: unknown): unknown => {
    const where = 'payweave.execute';
    if (typeof id !== 'string' || id.trim() === '') {
      return failedCall(
        invalidInput(
          where,
          'id',
          `must be an operation id such as "paya.transactions.sale" (got ${describeValue(id)})`,
        ),
      );
    }
    const entry = byId.get(id);
    if (!entry) {
      return failedCall(
        new PaymentsError({
          code: 'unsupported',
          operation: id,
          message: `payweave: no configured provider has the operation ${describeValue(id)}.`,
        }),
      );
    }
    const { provider, paged } = entry;
    const fail = (error: PaymentsError) =>
      paged ? failingIterator(error) : guardResultPromise(Promise.resolve(Err(error)), id, provider);
    try {
      const checked = checkOptions(id, options);
      if (checked.isErr()) return fail(checked.error.with({ provider }));
      const readable = checkInput(id, input, provider);
      if (readable.isErr()) return fail(readable.error);
      const client = clients[provider] as {
        execute: (id: string, input: unknown, options?: unknown) => unknown;
      };
      const result = client.execute(id, input, options);
      if (result instanceof PageIterator) return guardPages(result, id, provider);
      if (isThenable(result))
        return guardResultPromise(result as PromiseLike<Result<unknown, PaymentsError>>, id, provider);
      return fail(
        unexpectedError(id, new TypeError('the provider client returned neither a Result nor pages')),
      );
    } catch (error) {
      return fail(unexpectedError(id, error, provider));
    }
  };

  const payweave = {
    providers: Object.freeze({ ...clients }),
    operations: Object.freeze(operations),
    execute,
    paymentRequests: createPaymentRequests<P>(clients, settings.logger),
    transactions: createTransactions<P>(clients, settings.logger),
    webhooks: createWebhooks(settings.webhooks, settings.logger),
  };
  return hideInternals(payweave, () => ({
    providers: configured,
    operations: operations.length,
  })) as unknown as Payweave<P>;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Provider ids payweave knows. */
export const knownProviders: readonly ProviderName[] = providerNames;
