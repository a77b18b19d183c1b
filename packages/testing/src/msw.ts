/**
 * `@payweave/testing/msw`: msw handlers for the simulators, to run them in-process with
 * msw's `setupServer` (or `setupWorker`). A separate entry point, so that the main entry and
 * the loopback server (`simulator.listen()`) never load msw: install it only to use this
 * (`npm i -D msw`; it is an optional peer dependency).
 *
 * @packageDocumentation
 * @module @payweave/testing/msw
 */
import type { HttpHandler } from 'msw';
import type { Simulator } from './simulator/create-simulator.js';
import { toMswHandlers } from './simulator/msw-handlers.js';

/**
 * msw handlers that send every request below `baseUrl` (the simulator's `baseUrl`, the
 * provider's real URL, by default) to the simulator.
 *
 * @example
 * ```ts
 * import { createPayaSimulator } from '@payweave/testing';
 * import { mswHandlers } from '@payweave/testing/msw';
 * import { setupServer } from 'msw/node';
 *
 * const simulator = createPayaSimulator();
 * const server = setupServer(...mswHandlers(simulator));
 * ```
 */
export function mswHandlers<State>(
  simulator: Simulator<State>,
  baseUrl: string = simulator.baseUrl,
): HttpHandler[] {
  return toMswHandlers(simulator, baseUrl);
}
