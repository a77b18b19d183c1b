import type * as Http from 'node:http';
import type { Exchange } from './exchange.js';
import { fetchExchange } from './fetch-exchange.js';
import { nodeExchange } from './node-exchange.js';

type BuiltinLoader = (id: string) => unknown;

/**
 * PROTOTYPE variant "Node fast path": node:http with a keep-alive agent when the runtime
 * is Node (found through `process.getBuiltinModule`, Node >= 20.16, so the bundle has no
 * Node import and Deno, Bun and edge runtimes load nothing extra), else the global fetch.
 */
export function defaultExchange(): Exchange {
  const load = (globalThis as { process?: { getBuiltinModule?: BuiltinLoader } }).process?.getBuiltinModule;
  const isNode =
    typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node ===
    'string';
  // Bun and Deno also answer getBuiltinModule; their fetch is already fast, so keep it there.
  const isBunOrDeno = 'Bun' in globalThis || 'Deno' in globalThis;
  if (!load || !isNode || isBunOrDeno) return fetchExchange();
  return nodeExchange(load('node:http') as typeof Http, load('node:https') as typeof Http);
}
