import type { AuthStrategy } from './auth-strategy.js';

/**
 * Fixed credential headers on every call (Paya: `user-id`, `user-api-key`, `developer-id`).
 *
 * @example
 * ```ts
 * const auth = staticHeaders({ 'user-id': userId, 'user-api-key': key });
 * ```
 */
export function staticHeaders(headers: Record<string, string>): AuthStrategy {
  const frozen = Object.freeze({ ...headers });
  const resolved = Promise.resolve(frozen);
  return { authorize: () => resolved };
}
