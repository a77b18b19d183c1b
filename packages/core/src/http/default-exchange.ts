import type * as NodeHttp from 'node:http';
import type { Exchange, TransportName } from './exchange.js';
import { fetchExchange } from './fetch-exchange.js';
import { nodeExchange } from './node-exchange.js';

type BuiltinLoader = (id: string) => unknown;

interface RuntimeGlobals {
  process?: { versions?: { node?: string }; getBuiltinModule?: BuiltinLoader };
}

let nodeDefault: Exchange | undefined;

/**
 * The transport for a client: the caller's `fetch` when given; Node's http module on Node
 * (found through `process.getBuiltinModule`, Node >= 20.16, so no Node import is bundled
 * and Deno, Bun and edge runtimes load nothing extra); the global `fetch` everywhere else,
 * or when `transport: 'fetch'` asks for it (e.g. an undici global dispatcher for a proxy).
 */
export function chooseExchange(options: {
  fetch?: typeof fetch | undefined;
  transport?: TransportName | undefined;
}): Exchange {
  if (options.fetch) return fetchExchange(options.fetch);
  if (options.transport === 'fetch') return fetchExchange();
  const runtime = (globalThis as RuntimeGlobals).process;
  // Bun and Deno answer getBuiltinModule too, but their fetch is already fast.
  const isNode =
    typeof runtime?.versions?.node === 'string' && !('Bun' in globalThis) && !('Deno' in globalThis);
  const load = runtime?.getBuiltinModule;
  if (!isNode || !load) return fetchExchange();
  // One keep-alive agent pair per process, shared by every client, as Node's own fetch does.
  nodeDefault ??= nodeExchange(load('node:http') as typeof NodeHttp, load('node:https') as typeof NodeHttp);
  return nodeDefault;
}
