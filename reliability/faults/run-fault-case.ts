import { type AnyOperation, isPaymentsError, type RequestEvent } from '@payweave/core';
import { expect } from 'vitest';
import { type CallResult, callOperation } from '../support/any-client.js';
import { pathPattern } from '../support/path-pattern.js';
import { clientFor, type OperationFixture, type ProviderEnv } from '../support/provider-harness.js';
import { HUNG, withDeadline } from '../support/with-deadline.js';
import { type Expectation, type FaultCase, matrixLimits } from './fault-cases.js';

/** What one fault case observed, for the assertions and the final tally. */
export interface FaultCaseOutcome {
  /** The call's result. */
  result: CallResult;
  /** Record counts before and after the call. */
  before: Record<string, number>;
  /** After. */
  after: Record<string, number>;
  /** Highest attempt number the transport reported for the operation. */
  attempts: number;
}

/**
 * Runs one operation under one fault and checks the invariants that hold for every case:
 * the call ends before its deadline, a failure is a typed `PaymentsError` of the expected
 * code with its attempt history, the fault was consumed, and nothing was written twice.
 */
export async function runFaultCase(
  env: ProviderEnv,
  operation: AnyOperation,
  fixture: OperationFixture,
  fault: FaultCase,
  events: RequestEvent[],
): Promise<FaultCaseOutcome> {
  const simulator = env.simulator;
  simulator.faults.clear();
  const input = await fixture.input(env);
  const match = { method: operation.method, path: pathPattern(operation.path) };
  const before = env.snapshot();
  events.length = 0;
  fault.arm(env, match);

  const outcome = await withDeadline(
    callOperation(clientFor(env, fixture), operation.id, input),
    matrixLimits.deadlineMs + 2_000,
  );
  expect(outcome, `${operation.id} hung past its deadline`).not.toBe(HUNG);
  const result = outcome as CallResult;
  const after = env.snapshot();
  const attempts = Math.max(
    0,
    ...events.filter((event) => event.operation === operation.id).map((event) => event.attempt),
  );
  if (fault.consumesFault) expect(simulator.faults.pending, 'the fault never fired').toBe(0);
  simulator.faults.clear();

  checkExpectation(result, fault.expect(operation, fixture), operation);
  // One call creates or appends at most one of anything: a second would be a duplicate write.
  for (const [kind, count] of Object.entries(after)) {
    expect(count - (before[kind] ?? 0), `${kind} written more than once`).toBeLessThanOrEqual(1);
  }
  // Retries stay within the budget (plus one resend after re-authentication).
  expect(attempts).toBeLessThanOrEqual(matrixLimits.maxRetries + 2);
  if (process.env.RELIABILITY_DEBUG)
    console.log(
      `CASE ${operation.id} / ${fault.name}: ${result.isOk() ? 'ok' : result.error.code} attempts=${attempts} deltas=${JSON.stringify(
        Object.fromEntries(
          Object.entries(after)
            .map(([k, v]) => [k, v - (before[k] ?? 0)])
            .filter(([, d]) => d !== 0),
        ),
      )}`,
    );
  return { result, before, after, attempts };
}

function checkExpectation(result: CallResult, expected: Expectation, operation: AnyOperation): void {
  if (result.isOk()) {
    expect(expected.kind, `${operation.id} succeeded; expected ${JSON.stringify(expected)}`).not.toBe(
      'error',
    );
    return;
  }
  const error = result.error;
  expect(isPaymentsError(error)).toBe(true);
  const detail = `${operation.id}: ${error.code} ${error.message}`;
  expect(expected.kind, `unexpected failure ${detail}`).not.toBe('ok');
  if (expected.kind !== 'ok') expect(expected.codes, detail).toContain(error.code);
  expect(error.operation).toBe(operation.id);
  expect(error.attempts.length, `${detail} has no attempt history`).toBeGreaterThan(0);
  expect(error.attempts.at(-1)?.decision ?? 'stop').toBe('stop');
}
