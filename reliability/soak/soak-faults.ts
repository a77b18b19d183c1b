import type { FaultMatch } from '@payweave/testing';
import type { ProviderEnv } from '../support/provider-harness.js';

/** A transient fault the soak injects at random: what a real network and provider do. */
export interface SoakFault {
  /** Name in the report. */
  readonly name: string;
  /** Arms it for the next matching request. */
  arm(env: ProviderEnv, match: FaultMatch): void;
}

/** The faults the soak draws from (10% of calls get one). */
export const soakFaults: readonly SoakFault[] = [
  { name: '500', arm: (env, match) => env.simulator.faults.failNext(1, 500, { match }) },
  { name: '502', arm: (env, match) => env.simulator.faults.failNext(1, 502, { match }) },
  {
    name: '503 retry-after',
    arm: (env, match) => env.simulator.faults.failNext(1, 503, { match, headers: { 'retry-after': '0.01' } }),
  },
  { name: '429', arm: (env, match) => env.simulator.faults.failNext(1, 429, { match }) },
  { name: 'reset', arm: (env, match) => env.simulator.faults.resetNext(match) },
  {
    name: 'reset after write',
    arm: (env, match) => env.simulator.faults.resetNext(match, { afterHandling: true }),
  },
  {
    name: 'stall after write',
    arm: (env, match) => env.simulator.faults.stallNext(2_500, match, { afterHandling: true }),
  },
  { name: 'malformed', arm: (env, match) => env.simulator.faults.malformedNext(match) },
];
