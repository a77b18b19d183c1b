import { type AnyOperation, type HttpMethod, type RetryMode, toJsonSchema } from '@payweave/core';
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
  /** JSON Schema of the input (built on first read). */
  readonly inputSchema: Record<string, unknown>;
}

/** Catalogue entries for a provider's operations; the JSON Schema is built lazily and kept. */
export function toCatalogueEntries(
  provider: ProviderName,
  operations: readonly AnyOperation[],
): CatalogueEntry[] {
  return operations.map((operation) => {
    let schema: Record<string, unknown> | undefined;
    return {
      id: operation.id,
      provider,
      method: operation.method,
      path: operation.path,
      summary: operation.summary,
      description: operation.description,
      retry: operation.retry,
      scopes: operation.scopes,
      paged: operation.paging !== undefined,
      get inputSchema() {
        schema ??= toJsonSchema(operation);
        return schema;
      },
    };
  });
}
