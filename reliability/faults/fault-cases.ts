import type { AnyOperation } from '@payweave/core';
import type { FaultMatch } from '@payweave/testing';
import type { OperationFixture, ProviderEnv } from '../support/provider-harness.js';

/** What a fault case must end in. */
export type Expectation =
  /** The call succeeds. */
  | { kind: 'ok' }
  /** The call fails with one of these codes. */
  | { kind: 'error'; codes: readonly string[] }
  /** Either succeeds or fails with one of these codes. */
  | { kind: 'ok-or-error'; codes: readonly string[] };

/** The limits every fault case runs with: small, so the whole matrix stays fast. */
export const matrixLimits = {
  timeoutMs: 150,
  backoffBaseMs: 2,
  backoffMaxMs: 10,
  maxRetries: 2,
  maxRetryAfterMs: 500,
  deadlineMs: 3_000,
} as const;

/** How long a stalled body stalls: well past the per-attempt timeout. */
const stallMs = 2_000;

/** One fault of the matrix. */
export interface FaultCase {
  /** Name shown in the test title. */
  readonly name: string;
  /** Only for providers whose tokens can expire. */
  readonly needsTokens?: boolean;
  /** Whether the provider is left with an armed fault the call must consume. */
  readonly consumesFault: boolean;
  /** Arms the fault for requests of the operation. */
  arm(env: ProviderEnv, match: FaultMatch): void;
  /** What the call must end in. */
  expect(operation: AnyOperation, fixture: OperationFixture): Expectation;
}

const ok: Expectation = { kind: 'ok' };

/** Recovers when a resend is allowed (safe, or reconcile: a lookup first); otherwise `code`. */
function recoverUnlessNever(code: string) {
  return (operation: AnyOperation): Expectation =>
    operation.retry === 'never' ? { kind: 'error', codes: [code] } : ok;
}

/** The provider recorded the write and the answer was lost. */
function afterWrite(neverCode: string) {
  return (operation: AnyOperation, fixture: OperationFixture): Expectation => {
    if (operation.retry === 'never') return { kind: 'error', codes: [neverCode] };
    // reconcile finds the record; a safe write replayed may be refused as already done.
    if (operation.retry === 'safe' && fixture.replayCodes)
      return { kind: 'ok-or-error', codes: fixture.replayCodes };
    return ok;
  };
}

function status(status: number, headers?: Record<string, string>) {
  return (env: ProviderEnv, match: FaultMatch) =>
    env.simulator.faults.failNext(1, status, { match, ...(headers ? { headers } : {}) });
}

/** Every fault the matrix applies to every operation. */
export const faultCases: readonly FaultCase[] = [
  {
    name: 'HTTP 500',
    consumesFault: true,
    arm: status(500),
    expect: recoverUnlessNever('provider_unavailable'),
  },
  {
    name: 'HTTP 502',
    consumesFault: true,
    arm: status(502),
    expect: recoverUnlessNever('provider_unavailable'),
  },
  {
    name: 'HTTP 503',
    consumesFault: true,
    arm: status(503),
    expect: recoverUnlessNever('provider_unavailable'),
  },
  {
    name: 'HTTP 503 with a short Retry-After',
    consumesFault: true,
    arm: status(503, { 'retry-after': '0.01' }),
    expect: recoverUnlessNever('provider_unavailable'),
  },
  {
    name: 'HTTP 503 with a Retry-After over the cap',
    consumesFault: true,
    arm: status(503, { 'retry-after': '5' }),
    expect: () => ({ kind: 'error', codes: ['provider_unavailable'] }),
  },
  {
    name: 'HTTP 429',
    consumesFault: true,
    arm: status(429, { 'retry-after': '0.005' }),
    expect: recoverUnlessNever('rate_limited'),
  },
  {
    name: 'connection reset before the response',
    consumesFault: true,
    arm: (env, match) => env.simulator.faults.resetNext(match),
    expect: recoverUnlessNever('network'),
  },
  {
    name: 'connection reset after the write was recorded',
    consumesFault: true,
    arm: (env, match) => env.simulator.faults.resetNext(match, { afterHandling: true }),
    expect: afterWrite('network'),
  },
  {
    name: 'body stalled past the timeout after the write was recorded',
    consumesFault: true,
    arm: (env, match) => env.simulator.faults.stallNext(stallMs, match, { afterHandling: true }),
    expect: afterWrite('timeout'),
  },
  {
    name: 'malformed JSON',
    consumesFault: true,
    arm: (env, match) => env.simulator.faults.malformedNext(match),
    expect: recoverUnlessNever('invalid_response'),
  },
  {
    name: '200 with an unexpected shape',
    consumesFault: true,
    arm: (env, match) =>
      env.simulator.faults.add({ type: 'replace-body', body: { unexpected: [1, 2, 3] } }, { match }),
    // A tolerant schema may accept a body with nothing it needs; it must never be retried.
    expect: () => ({ kind: 'ok-or-error', codes: ['invalid_response'] }),
  },
  {
    name: 'token expired mid-run',
    needsTokens: true,
    consumesFault: false,
    arm: (env) => env.expireTokens?.(),
    expect: () => ok,
  },
];
