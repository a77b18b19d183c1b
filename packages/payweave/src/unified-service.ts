import {
  type CallOptions,
  Err,
  type Logger,
  type PageIterator,
  type PaymentsError,
  type Result,
} from '@payweave/core';
import type { ProviderClients, ProviderName } from './providers/provider-map.js';
import type { ProviderRecord } from './record-fields.js';
import { failingIterator, unsupportedError } from './unsupported.js';

/** How one provider serves a unified view: its native retrieve and list, mapped. */
export interface UnifiedAdapter<Name extends ProviderName, View> {
  /** Reads one record and maps it. */
  retrieve(
    client: ProviderClients[Name],
    id: string,
    options: CallOptions | undefined,
    logger: Logger | undefined,
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
  /** Records of a provider with its native filters. */
  list(request: { provider: string } & object, options?: CallOptions): PageIterator<View>;
}

/**
 * Dispatches a unified view to the provider's adapter. A provider that is not configured,
 * or cannot serve the view, is an `unsupported` error (the types already refuse it).
 */
export function createUnifiedService<View>(
  view: string,
  adapters: Partial<{ [Name in ProviderName]: UnifiedAdapter<Name, View> }>,
  clients: Partial<ProviderClients>,
  logger: Logger | undefined,
): UnifiedService<View> {
  const lookup = (provider: string) => {
    const adapter = (adapters as Record<string, UnifiedAdapter<never, View> | undefined>)[provider];
    const client = (clients as Record<string, unknown>)[provider];
    return adapter && client ? { adapter, client: client as never } : undefined;
  };
  return {
    async retrieve(request, options) {
      const found = lookup(request.provider);
      if (!found) return Err(unsupportedError(request.provider, `${view}.retrieve`));
      return found.adapter.retrieve(found.client, request.id, options, logger);
    },
    list(request, options) {
      const { provider, ...filters } = request;
      const found = lookup(provider);
      if (!found) return failingIterator(unsupportedError(provider, `${view}.list`));
      return found.adapter.list(found.client, filters, options, logger);
    },
  };
}
