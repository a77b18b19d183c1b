import type { AnyOperation, HttpMethod, RetryMode } from '@payweave/core';
import type { ProviderName } from './providers/provider-map.js';

/** One entry of the catalogue: what an operation is, for docs, forms and workflow tools. */
export interface CatalogueEntry {
  /** Operation id (`paya.transactions.sale`). */
  readonly id: string;
  /** Provider id. */
  readonly provider: ProviderName;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template. */
  readonly path: string;
  /** One sentence. */
  readonly summary: string;
  /** Longer notes, when any. */
  readonly description: string | undefined;
  /** Retry mode. */
  readonly retry: RetryMode;
  /** OAuth scopes (LeadConnector). */
  readonly scopes: readonly string[] | undefined;
  /** Whether the operation lists records (its method returns a page iterator). */
  readonly paged: boolean;
}

// The operation behind each entry, for `inputJsonSchema` (kept off the entry so entries stay plain data).
const operations = new WeakMap<CatalogueEntry, AnyOperation>();

/** The operation a catalogue entry describes, or `undefined` for an object that is not an entry. */
export function operationOfEntry(entry: CatalogueEntry): AnyOperation | undefined {
  return operations.get(entry);
}

/** Catalogue entries for a provider's operations (JSON Schemas come from `inputJsonSchema`). */
export function toCatalogueEntries(provider: ProviderName, list: readonly AnyOperation[]): CatalogueEntry[] {
  return list.map((operation) => {
    const entry: CatalogueEntry = {
      id: operation.id,
      provider,
      method: operation.method,
      path: operation.path,
      summary: operation.summary,
      description: operation.description,
      retry: operation.retry,
      scopes: operation.scopes,
      paged: operation.paging !== undefined,
    };
    operations.set(entry, operation);
    return entry;
  });
}
