import { inspect } from 'node:util';
import type { PaymentsError } from '@payweave/core';
import { captureLogger } from '@payweave/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHarnesses } from '../providers/all-harnesses.js';
import { sensitive } from '../providers/test-data.js';
import { callOperation } from '../support/any-client.js';
import { pathPattern } from '../support/path-pattern.js';
import { clientFor, type ProviderEnv } from '../support/provider-harness.js';
import { type SecretHit, scanSecrets } from './scan-secrets.js';

/**
 * An error body with a message per request field (Paya's `errors` shape) that quotes the value
 * sent, as real providers do ('"6937" is invalid'): the SDK must scrub what it echoes back.
 */
function fieldEcho(input: unknown): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) errors[key] = [`${JSON.stringify(value)} is invalid`];
  }
  return errors;
}

// Generous per attempt: a token refresh that times out on a loaded machine spends the refresh token.
const limits = { timeoutMs: 2_000, backoffBaseMs: 1, backoffMaxMs: 5, maxRetries: 1 } as const;

describe.each(allHarnesses)('$name secrets scan', (harness) => {
  const logger = captureLogger();
  const hookPayloads: unknown[] = [];
  const errors: PaymentsError[] = [];
  let env: ProviderEnv;

  beforeAll(async () => {
    env = await harness.start({
      ...limits,
      logger,
      logLevel: 'debug',
      hooks: {
        onRequest: (event) => hookPayloads.push(event),
        onResponse: (event) => hookPayloads.push(event),
        onRetry: (event) => hookPayloads.push(event),
      },
    });
    // Every operation: once as is, once answered 500, once with its connection reset after the
    // provider acted, and once with an error body that echoes the request (as providers do).
    for (const operation of env.client.operations) {
      const fixture = harness.fixtures[operation.id]!;
      const match = { method: operation.method, path: pathPattern(operation.path) };
      const arms: ((input: unknown) => void)[] = [
        () => {},
        () => env.simulator.faults.failNext(3, 500, { match }),
        () => env.simulator.faults.resetNext(match, { afterHandling: true, times: 3 }),
        (input) =>
          env.simulator.faults.failNext(1, 422, {
            match,
            body: { message: 'Invalid request', errors: fieldEcho(input), echo: input },
          }),
      ];
      for (const arm of arms) {
        const input = await fixture.input(env);
        arm(input);
        const result = await callOperation(clientFor(env, fixture), operation.id, input);
        env.simulator.faults.clear();
        if (result.isErr()) errors.push(result.error);
      }
    }
    env.expireTokens?.();
    const first = env.client.operations.find((operation) => !operation.auth)!;
    const again = await callOperation(env.client, first.id, await harness.fixtures[first.id]!.input(env));
    if (again.isErr()) errors.push(again.error);
  });
  afterAll(() => env.close());

  const secrets = () => [
    ...env.secrets(),
    sensitive.cardNumber,
    sensitive.cvv,
    sensitive.bankAccount,
    sensitive.routing,
    sensitive.ssn4,
    sensitive.licence,
  ];
  const expectClean = (hits: SecretHit[]) => expect(hits).toEqual([]);

  it('saw real traffic and real failures', () => {
    expect(logger.lines.length).toBeGreaterThan(env.client.operations.length);
    expect(hookPayloads.length).toBeGreaterThan(env.client.operations.length);
    expect(errors.length).toBeGreaterThan(env.client.operations.length);
  });

  it('keeps every secret out of debug logs', () => {
    expectClean(scanSecrets('logger', logger.text(), secrets()));
  });

  it('keeps every secret out of hook payloads', () => {
    expectClean(scanSecrets('hooks', JSON.stringify(hookPayloads), secrets()));
  });

  it('keeps every secret out of error messages, JSON and inspect output', () => {
    const hits = errors.flatMap((error) => [
      ...scanSecrets(`${error.operation} message`, error.message, secrets()),
      ...scanSecrets(`${error.operation} JSON`, JSON.stringify(error), secrets()),
      ...scanSecrets(`${error.operation} inspect`, inspect(error, { depth: 8 }), secrets()),
    ]);
    expectClean(hits);
  });

  it('keeps every secret out of util.inspect and JSON of the clients', () => {
    const clients = [env.client, ...Object.values(env.clients)];
    const hits = clients.flatMap((client) => [
      ...scanSecrets('client inspect', inspect(client, { depth: 8, showHidden: true }), secrets()),
      ...scanSecrets('client JSON', JSON.stringify(client), secrets()),
    ]);
    expectClean(hits);
  });
});
