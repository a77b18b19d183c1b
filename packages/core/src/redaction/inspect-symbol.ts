/**
 * Node's `util.inspect.custom`, reached through the global symbol registry so that no
 * Node-only module is imported (payweave also runs on Deno, Bun and edge runtimes).
 */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * Makes `util.inspect` and `JSON.stringify` of an object print only `summary`, so a client
 * holding credentials can be logged without leaking them.
 */
export function hideInternals<T extends object>(target: T, summary: () => Record<string, unknown>): T {
  Object.defineProperty(target, inspectSymbol, {
    value: () => summary(),
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(target, 'toJSON', { value: () => summary(), enumerable: false, configurable: true });
  return target;
}
