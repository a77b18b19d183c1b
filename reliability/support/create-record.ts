import type { AnyClient } from './any-client.js';
import { callOperation } from './any-client.js';

/**
 * Runs a setup call and returns its value; a failure throws, because a fixture that cannot
 * build its prerequisites would make every later assertion meaningless.
 */
export async function createRecord<T = Record<string, unknown>>(
  client: AnyClient,
  id: string,
  input: unknown,
): Promise<T> {
  const result = await callOperation(client, id, input);
  if (result.isErr()) throw new Error(`fixture setup ${id} failed: ${result.error.message}`);
  return result.value as T;
}

let counter = 0;

/** A reference unique within this process (client references, coupon codes). */
export function uniqueRef(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}`;
}
