import { constantTimeEqual } from '@payweave/core';
import type { CustomProviderAccount, CustomProviderApiKeys, CustomProviderMode } from './query-types.js';

const modes: readonly CustomProviderMode[] = ['live', 'test'];

function account(value: unknown): CustomProviderAccount | undefined {
  const candidate = value as Partial<CustomProviderAccount> | undefined;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.locationId !== 'string' ||
    candidate.locationId === '' ||
    !modes.includes(candidate.mode as CustomProviderMode)
  ) {
    return undefined;
  }
  return { locationId: candidate.locationId, mode: candidate.mode as CustomProviderMode };
}

/** A resolver of received api keys, checked once when the handler is made. */
export type ApiKeyResolver = (apiKey: string) => Promise<CustomProviderAccount | undefined>;

/**
 * Turns the `apiKeys` setting into a resolver. A record or map is compared against every stored
 * key in constant time with no early exit (the time depends on the number and lengths of the
 * keys, never on which one matched or how much of a guess was right). A lookup function's answer
 * is compared in constant time too.
 */
export function apiKeyResolver(apiKeys: CustomProviderApiKeys): ApiKeyResolver {
  if (typeof apiKeys === 'function') {
    return async (apiKey) => {
      const record = await apiKeys(apiKey);
      if (record === undefined || record === null) return undefined;
      if (typeof record.apiKey !== 'string' || !constantTimeEqual(record.apiKey, apiKey)) return undefined;
      return account(record);
    };
  }
  const entries: [string, CustomProviderAccount][] = [];
  const source: Iterable<[string, unknown]> =
    apiKeys instanceof Map ? apiKeys.entries() : Object.entries(apiKeys as Record<string, unknown>);
  for (const [key, value] of source) {
    const resolved = account(value);
    if (typeof key !== 'string' || key === '' || resolved === undefined) {
      throw new TypeError(
        'createCustomProviderHandler: every apiKeys entry needs a non-empty key and { locationId, mode: "live" | "test" }',
      );
    }
    entries.push([key, resolved]);
  }
  return async (apiKey) => {
    let found: CustomProviderAccount | undefined;
    for (const [key, value] of entries) {
      // No early exit: every stored key is compared, whichever matched.
      if (constantTimeEqual(key, apiKey) && found === undefined) found = value;
    }
    return found;
  };
}
