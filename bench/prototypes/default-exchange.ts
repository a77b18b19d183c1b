import type { Exchange } from './exchange.js';
import { fetchExchange } from './fetch-exchange.js';

/** PROTOTYPE variant "direct fetch": the global `fetch` on every runtime. */
export function defaultExchange(): Exchange {
  return fetchExchange();
}
