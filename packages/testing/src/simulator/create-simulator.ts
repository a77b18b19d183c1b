import { FaultScript, truncatedBody } from './fault-script.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';
import { matchPath } from './match-path.js';
import type { LoggedRequest, SimOutcome, SimRequest, SimResponse, SimRoute } from './sim-types.js';

/** Settings of {@link createSimulator}. */
export interface SimulatorDefinition<State> {
  /** Provider id, used in messages. */
  name: string;
  /** The provider's real base URL, which the msw handlers (`@payweave/testing/msw`) intercept by default. */
  baseUrl: string;
  /** A fresh state (called at creation and on `reset()`). */
  initialState: () => State;
  /** The routes. */
  routes: readonly SimRoute<State>[];
  /** Runs before routing (auth checks, rate limits); a response returned here answers the request. */
  before?: (request: SimRequest, state: State) => SimResponse | undefined;
  /** Answer when no route matches (default 404 `{"message":"Not found"}`). */
  notFound?: (request: SimRequest) => SimResponse;
}

/**
 * A stateful provider simulator, usable as a loopback HTTP server (`listen()`) or in-process
 * with msw (`mswHandlers(simulator)` from `@payweave/testing/msw`).
 */
export interface Simulator<State> {
  /** Provider id. */
  readonly name: string;
  /** The provider's real base URL, which `mswHandlers(simulator)` intercepts by default. */
  readonly baseUrl: string;
  /** The in-memory records; tests may read and change them. */
  state: State;
  /** Scripted faults. */
  readonly faults: FaultScript;
  /** Every request received, in order. */
  readonly log: readonly LoggedRequest[];
  /** The loopback URL while listening (`http://127.0.0.1:port`), else `undefined`. */
  readonly url: string | undefined;
  /** Empties the request log. */
  clearLog(): void;
  /** Fresh state, no faults, empty log. */
  reset(): void;
  /** Answers one request (faults included). */
  handle(request: Omit<SimRequest, 'params'>): Promise<SimOutcome>;
  /** Serves the simulator on 127.0.0.1 with a random port; resolves the base URL. */
  listen(): Promise<string>;
  /** Stops the loopback server, ending stalled responses. */
  close(): Promise<void>;
}

/**
 * Builds a simulator from routes. Provider simulators are written from the provider's
 * reference, never from the SDK's schemas, so a wrong schema cannot hide on both sides.
 *
 * @example
 * ```ts
 * const simulator = createSimulator({
 *   name: 'ledger',
 *   baseUrl: 'https://ledger.example',
 *   initialState: () => ({ charges: [] as { id: string }[] }),
 *   routes: [{ method: 'GET', path: '/charges', handle: (_request, state) => ({ status: 200, body: state.charges }) }],
 * });
 * const url = await simulator.listen();
 * ```
 */
export function createSimulator<State>(definition: SimulatorDefinition<State>): Simulator<State> {
  const faults = new FaultScript();
  const log: LoggedRequest[] = [];
  let server: LoopbackServer | undefined;

  const route = async (request: Omit<SimRequest, 'params'>): Promise<SimResponse> => {
    const early = definition.before?.({ ...request, params: {} }, simulator.state);
    if (early) return early;
    for (const candidate of definition.routes) {
      if (candidate.method !== request.method) continue;
      const params = matchPath(candidate.path, request.path);
      if (params) return candidate.handle({ ...request, params }, simulator.state);
    }
    return (
      definition.notFound?.({ ...request, params: {} }) ?? { status: 404, body: { message: 'Not found' } }
    );
  };

  const simulator: Simulator<State> = {
    name: definition.name,
    baseUrl: definition.baseUrl,
    state: definition.initialState(),
    faults,
    log,
    get url() {
      return server?.url;
    },
    clearLog() {
      log.length = 0;
    },
    reset() {
      simulator.state = definition.initialState();
      faults.clear();
      log.length = 0;
    },
    async handle(request) {
      const fault = faults.take(request.method, request.path);
      const outcome = await applyFault(fault, () => route(request));
      log.push({
        method: request.method,
        path: request.path,
        query: Object.fromEntries(request.query),
        search: request.query.toString(),
        headers: request.headers,
        body: request.body,
        rawBody: request.rawBody,
        outcome: outcome.kind === 'respond' ? outcome.response.status : outcome.kind,
      });
      return outcome;
    },
    async listen() {
      server ??= await startLoopbackServer(simulator);
      return server.url;
    },
    async close() {
      const current = server;
      server = undefined;
      await current?.close();
    },
  };
  return simulator;
}

async function applyFault(
  fault: ReturnType<FaultScript['take']>,
  route: () => Promise<SimResponse>,
): Promise<SimOutcome> {
  if (!fault) return { kind: 'respond', response: await route() };
  switch (fault.type) {
    case 'status':
      return {
        kind: 'respond',
        response: {
          status: fault.status,
          body: fault.body ?? { message: `Simulated ${fault.status}` },
          ...(fault.headers ? { headers: fault.headers } : {}),
        },
      };
    case 'reset':
      if (fault.afterHandling) await route();
      return { kind: 'reset' };
    case 'stall': {
      const response = fault.afterHandling ? await route() : { status: 200, body: { stalled: true } };
      return { kind: 'stall', response, stallMs: fault.ms };
    }
    case 'malformed': {
      const response = fault.afterHandling ? await route() : { status: fault.status ?? 200, body: {} };
      return {
        kind: 'respond',
        response: {
          status: fault.status ?? response.status,
          text: `${truncatedBody(response)}<<not json`,
          headers: { 'content-type': 'application/json' },
        },
      };
    }
    case 'delay':
      return { kind: 'respond', response: await route(), delayMs: fault.ms };
    case 'replace-body': {
      const response = await route();
      return { kind: 'respond', response: { ...response, body: fault.body } };
    }
  }
}
