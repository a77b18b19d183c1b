import type { RequestEvent } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProviderHarness } from '../support/provider-harness.js';
import { watchUnhandledRejections } from '../support/unhandled-rejections.js';
import { excludedCases } from './excluded-cases.js';
import { faultCases, matrixLimits } from './fault-cases.js';
import { runFaultCase } from './run-fault-case.js';

/**
 * Declares the fault matrix of one provider: every operation of its catalogue times every
 * fault. Call it at the top level of a test file (it starts the simulator while collecting,
 * so the catalogue, not a hand-written list, decides which operations are covered).
 */
export async function describeFaultMatrix(harness: ProviderHarness): Promise<void> {
  const events: RequestEvent[] = [];
  const env = await harness.start({ ...matrixLimits, hooks: { onRequest: (event) => events.push(event) } });
  const rejections = watchUnhandledRejections();
  afterAll(async () => {
    rejections.stop();
    await env.close();
  });

  describe(`${harness.name} fault matrix`, () => {
    for (const operation of env.client.operations) {
      const fixture = harness.fixtures[operation.id];
      describe(operation.id, () => {
        for (const fault of faultCases) {
          if (fault.needsTokens && !env.expireTokens) continue;
          if (excludedCases[`${operation.id} / ${fault.name}`] !== undefined) continue;
          it(fault.name, async () => {
            expect(fixture, `no fixture for ${operation.id}`).toBeDefined();
            if (fixture) await runFaultCase(env, operation, fixture, fault, events);
          });
        }
      });
    }
    it('left no unhandled rejection', () => {
      expect(rejections.seen).toEqual([]);
    });
  });
}
