import { PaymentsError, toJsonSchema } from '@payweave/core';
import { type CatalogueEntry, operationOfEntry } from './operation-catalogue.js';

const built = new WeakMap<CatalogueEntry, Record<string, unknown>>();

/**
 * The JSON Schema of a catalogue entry's input, for forms, docs and workflow tools; built on
 * first use and kept. A function of its own, not a field of the entry, so an app that never
 * asks does not bundle zod's JSON Schema generator (about 21 kB minified, 6 kB gzipped:
 * issue 19). Throws a `configuration` error for an object that is not an entry of
 * `pw.operations`.
 *
 * @example
 * ```ts
 * import { createPayweave, inputJsonSchema } from 'payweave';
 *
 * const sale = pw.operations.find((entry) => entry.id === 'paya.transactions.sale');
 * if (sale) console.log(inputJsonSchema(sale).required);
 * ```
 */
export function inputJsonSchema(entry: CatalogueEntry): Record<string, unknown> {
  const cached = built.get(entry);
  if (cached) return cached;
  const operation = operationOfEntry(entry);
  if (!operation) {
    throw new PaymentsError({
      code: 'configuration',
      message: 'inputJsonSchema: pass an entry of pw.operations (a copy of one has no operation behind it).',
      retryable: false,
    });
  }
  const schema = toJsonSchema(operation);
  built.set(entry, schema);
  return schema;
}
