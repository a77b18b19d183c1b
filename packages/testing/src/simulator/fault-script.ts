import type { SimResponse } from './sim-types.js';

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** Method to match (any when omitted). */
  method?: string;
  /** Path prefix, or a pattern, to match (any when omitted). */
  path?: string | RegExp;
}

/** What a fault does to a matching request. */
export type FaultAction =
  /** Answer with this status and body instead of the route. */
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Drop the connection; with `afterHandling` the route runs (and records the write) first. */
  | { type: 'reset'; afterHandling?: boolean }
  /** Send headers and part of the body, then stall for `ms`; `afterHandling` runs the route first. */
  | { type: 'stall'; ms: number; afterHandling?: boolean }
  /** Answer 200 (or `status`) with a body that is not JSON; `afterHandling` runs the route first. */
  | { type: 'malformed'; status?: number; afterHandling?: boolean }
  /** Wait `ms`, then answer normally. */
  | { type: 'delay'; ms: number }
  /** Run the route, then replace its body with this one (unexpected shapes). */
  | { type: 'replace-body'; body: unknown };

interface ScriptedFault {
  match: FaultMatch;
  remaining: number;
  action: FaultAction;
}

/**
 * Scripted faults: each applies to the next `times` matching requests, in the order they
 * were added.
 *
 * @example
 * ```ts
 * simulator.faults.failNext(2, 503, { headers: { 'retry-after': '1' } });
 * simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
 * ```
 */
export class FaultScript {
  #faults: ScriptedFault[] = [];

  /** Adds a fault for the next `times` (default 1) matching requests. */
  add(action: FaultAction, options: { times?: number; match?: FaultMatch } = {}): this {
    this.#faults.push({ action, remaining: options.times ?? 1, match: options.match ?? {} });
    return this;
  }

  /** The next `count` matching requests answer `status` (with `body` and `headers`). */
  failNext(
    count: number,
    status: number,
    options: { body?: unknown; headers?: Record<string, string>; match?: FaultMatch } = {},
  ): this {
    const action: FaultAction = { type: 'status', status };
    if (options.body !== undefined) action.body = options.body;
    if (options.headers) action.headers = options.headers;
    return this.add(action, { times: count, ...(options.match ? { match: options.match } : {}) });
  }

  /** The next matching request has its connection reset (after the route ran, with `afterHandling`). */
  resetNext(match: FaultMatch = {}, options: { afterHandling?: boolean; times?: number } = {}): this {
    return this.add(
      { type: 'reset', afterHandling: options.afterHandling ?? false },
      { match, times: options.times ?? 1 },
    );
  }

  /** The next matching request's body stalls for `ms`. */
  stallNext(
    ms: number,
    match: FaultMatch = {},
    options: { afterHandling?: boolean; times?: number } = {},
  ): this {
    return this.add(
      { type: 'stall', ms, afterHandling: options.afterHandling ?? false },
      { match, times: options.times ?? 1 },
    );
  }

  /** The next matching request gets a body that is not JSON. */
  malformedNext(match: FaultMatch = {}, options: { afterHandling?: boolean; times?: number } = {}): this {
    return this.add(
      { type: 'malformed', afterHandling: options.afterHandling ?? false },
      { match, times: options.times ?? 1 },
    );
  }

  /** The next matching request is answered after `ms`. */
  delayNext(ms: number, match: FaultMatch = {}, times = 1): this {
    return this.add({ type: 'delay', ms }, { match, times });
  }

  /** Removes every scripted fault. */
  clear(): void {
    this.#faults = [];
  }

  /** How many scripted faults are still waiting. */
  get pending(): number {
    return this.#faults.reduce((total, fault) => total + fault.remaining, 0);
  }

  /** Takes the fault for this request, if one matches (used by the simulator). */
  take(method: string, path: string): FaultAction | undefined {
    const index = this.#faults.findIndex((fault) => matches(fault.match, method, path));
    if (index === -1) return undefined;
    const fault = this.#faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    return fault.action;
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.startsWith(match.path) : match.path.test(path);
}

/** A response whose body is cut short, for stall and malformed faults. */
export function truncatedBody(response: SimResponse): string {
  const text = response.text ?? JSON.stringify(response.body ?? {});
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
