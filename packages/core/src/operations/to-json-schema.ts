import * as z from 'zod/mini';
import type { AnyOperation } from './operation.js';

/**
 * The JSON Schema of an operation's input, for docs, forms and workflow tools. Checks
 * that JSON Schema cannot express (cross-field rules) are still enforced by the SDK.
 *
 * @example
 * ```ts
 * toJsonSchema(paya.operations.find((op) => op.id === 'paya.transactions.sale')!);
 * ```
 */
export function toJsonSchema(operation: AnyOperation): Record<string, unknown> {
  return z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
