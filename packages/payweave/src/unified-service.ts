import {
  type CallOptions,
  Err,
  type Logger,
  Ok,
  type PageIterator,
  type PaymentsError,
  type Result,
} from '@payweave/core';
import { chainPages, guardPages, guardResult, unexpectedError } from './facade-guards.js';
import {
  checkOptions,
  describeValue,
  invalidInput,
  readAcrossRequest,
  readFacadeRequest,
} from './facade-input.js';
import type { ProviderClients, ProviderName } from './providers/provider-map.js';
import { providerNames } from './providers/resolve-providers.js';
import type { ProviderRecord } from './record-fields.js';
import { failingIterator, unsupportedError } from './unsupported.js';

/** How one provider serves a unified view: its native retrieve and list, mapped. */
export interface UnifiedAdapter<Name extends ProviderName, View> {
  /**
   * Reads one record and maps it. `fields` are the request's other fields (Paya's payment
   * requests read `kind` there: a paylink or a quick invoice).
   */
  retrieve(
    client: ProviderClients[Name],
    id: string,
    options: CallOptions | undefined,
    logger: Logger | undefined,
    fields?: Readonly<Record<string, unknown>>,
  ): Promise<Result<View, PaymentsError>>;
  /** Lists records with native filters and maps them. */
  list(
    client: ProviderClients[Name],
    filters: object,
    options: CallOptions | undefined,
    logger: Logger | undefined,
  ): PageIterator<View>;
}

/**
 * An adapter from a provider's native retrieve and list plus a record mapper: the two
 * native calls are all that differs between providers.
 */
export function unifiedAdapter<Name extends ProviderName, View>(
  source: {
    retrieve(
      client: ProviderClients[Name],
      id: string,
      options?: CallOptions,
    ): Promise<Result<unknown, PaymentsError>>;
    list(client: ProviderClients[Name], filters: never, options?: CallOptions): PageIterator<unknown>;
  },
  toView: (record: ProviderRecord, logger?: Logger) => View,
): UnifiedAdapter<Name, View> {
  return {
    retrieve: async (client, id, options, logger) =>
      (await source.retrieve(client, id, options)).map((record) => toView(record as ProviderRecord, logger)),
    list: (client, filters, options, logger) =>
      source
        .list(client, filters as never, options)
        .map((record) => toView(record as ProviderRecord, logger)),
  };
}

/** The untyped service both unified views share; their public types narrow the providers. */
export interface UnifiedService<View> {
  /** One record by provider id. */
  retrieve(
    request: { provider: string; id: string },
    options?: CallOptions,
  ): Promise<Result<View, PaymentsError>>;
  /**
   * Records of a provider with its native filters; without a provider (or with
   * `{ providers: [...] }`), the records of every configured provider that serves the view,
   * one provider after the other, as one walk.
   */
  list(
    request?: ({ provider: string } & object) | { providers?: readonly string[] },
    options?: CallOptions,
  ): PageIterator<View>;
}

/**
 * Dispatches a unified view to the provider's adapter. Neither method throws or rejects,
 * whatever it is given: a missing or odd request, an unknown provider (`'stripe'`,
 * `'__proto__'`), a missing id or a prototype key is a `validation` error and nothing is
 * sent; a provider payweave knows that is not configured, or cannot serve the view, is
 * `unsupported` (the types already refuse both); anything thrown inside becomes an `Err`
 * (`list` reports it when iterated, as core's page iterators do).
 *
 * `list` without a provider (no argument, `{}`, or `{ providers: ['paya', ...] }`) walks
 * each configured provider that serves the view (or each one named, in that order) with no
 * filters, one after the other, as one page iterator; the first provider that fails ends
 * the walk with its error. Native filters need a `provider`.
 */
export function createUnifiedService<View>(
  view: string,
  adapters: Partial<{ [Name in ProviderName]: UnifiedAdapter<Name, View> }>,
  clients: Partial<ProviderClients>,
  logger: Logger | undefined,
): UnifiedService<View> {
  const served = providerNames.filter((name) => Object.hasOwn(adapters, name));
  const servable = served.filter((name) => Object.hasOwn(clients, name) && clients[name] !== undefined);

  // Validates the request and finds the provider's adapter and client; own properties only.
  const resolve = (method: 'retrieve' | 'list', request: unknown, options: unknown) => {
    const where = `payweave.${view}.${method}`;
    const read = readFacadeRequest(where, request, providerNames, servable);
    if (read.isErr()) return read;
    const { provider, fields } = read.value;
    const checked = checkOptions(where, options);
    if (checked.isErr()) return Err(checked.error.with({ provider }));
    if (method === 'retrieve') {
      const id = fields.id;
      if (typeof id !== 'string' || id.trim() === '') {
        return Err(
          invalidInput(where, 'id', `must be a non-empty string (got ${describeValue(id)})`, provider),
        );
      }
    }
    if (!servable.includes(provider as ProviderName))
      return Err(unsupportedError(provider, `${view}.${method}`));
    const adapter = (adapters as Record<string, UnifiedAdapter<never, View>>)[provider] as UnifiedAdapter<
      never,
      View
    >;
    const client = (clients as Record<string, unknown>)[provider] as never;
    return Ok({ where, provider, fields, adapter, client, options: options as CallOptions | undefined });
  };

  return {
    async retrieve(request, options) {
      let where = `payweave.${view}.retrieve`;
      let provider: string | undefined;
      try {
        const found = resolve('retrieve', request, options);
        if (found.isErr()) return found;
        ({ where, provider } = found.value);
        const { fields, adapter, client } = found.value;
        return await guardResult(
          adapter.retrieve(client, fields.id as string, found.value.options, logger, fields),
          where,
          provider,
        );
      } catch (error) {
        return Err(unexpectedError(where, error, provider));
      }
    },
    list(request, options) {
      let where = `payweave.${view}.list`;
      let provider: string | undefined;
      try {
        const across = readAcrossRequest(where, view, request, providerNames, servable);
        if (across.isErr()) return failingIterator(across.error);
        if (across.value !== undefined) {
          const checked = checkOptions(where, options);
          if (checked.isErr()) return failingIterator(checked.error);
          const callOptions = options as CallOptions | undefined;
          const sources = across.value.map((name) => ({
            provider: name,
            open: () => {
              const adapter = (adapters as Record<string, UnifiedAdapter<never, View>>)[
                name
              ] as UnifiedAdapter<never, View>;
              const client = (clients as Record<string, unknown>)[name] as never;
              return adapter.list(client, {}, callOptions, logger);
            },
          }));
          return chainPages(sources, where);
        }
        const found = resolve('list', request, options);
        if (found.isErr()) return failingIterator(found.error);
        ({ where, provider } = found.value);
        const { fields, adapter, client } = found.value;
        return guardPages(adapter.list(client, fields, found.value.options, logger), where, provider);
      } catch (error) {
        return failingIterator(unexpectedError(where, error, provider));
      }
    },
  };
}
