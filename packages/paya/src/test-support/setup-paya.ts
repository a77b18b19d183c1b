// Test wiring: a Paya simulator on loopback and a client pointed at it, with fast retries.
import { createPayaSimulator, type LoggedRequest, type PayaSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createPaya, type PayaClient } from '../paya-client.js';
import type { PayaSettings } from '../paya-settings.js';

/** What a test file gets from {@link usePayaSimulator}. */
export interface PayaTestContext {
  simulator: PayaSimulator;
  client(settings?: PayaSettings): PayaClient;
  paya: PayaClient;
}

/** Starts one simulator per file, reset before each test. */
export function usePayaSimulator(): PayaTestContext {
  const context = { simulator: createPayaSimulator() } as PayaTestContext;
  let baseUrl = '';
  context.client = (settings = {}) =>
    createPaya({
      baseUrl,
      ...context.simulator.credentials,
      backoffBaseMs: 1,
      backoffMaxMs: 5,
      timeoutMs: 2_000,
      ...settings,
    });
  beforeAll(async () => {
    baseUrl = await context.simulator.listen();
    context.paya = context.client();
  });
  beforeEach(() => context.simulator.reset());
  afterAll(() => context.simulator.close());
  return context;
}

/** Asserts the three Paya auth headers of a logged request. */
export function authHeadersOf(request: LoggedRequest | undefined): Record<string, string | undefined> {
  return {
    'user-id': request?.headers['user-id'],
    'user-api-key': request?.headers['user-api-key'],
    'developer-id': request?.headers['developer-id'],
  };
}
