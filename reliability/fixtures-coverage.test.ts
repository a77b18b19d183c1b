import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHarnesses } from './providers/all-harnesses.js';
import type { ProviderEnv } from './support/provider-harness.js';

describe.each(allHarnesses)('$name fixtures', (harness) => {
  let env: ProviderEnv;
  beforeAll(async () => {
    env = await harness.start({});
  });
  afterAll(() => env.close());

  it('has a fixture for every operation of the catalogue', () => {
    const missing = env.client.operations
      .map((operation) => operation.id)
      .filter((id) => harness.fixtures[id] === undefined);
    expect(missing).toEqual([]);
  });

  it('has no fixture for an operation the catalogue no longer has', () => {
    const ids = new Set(env.client.operations.map((operation) => operation.id));
    expect(Object.keys(harness.fixtures).filter((id) => !ids.has(id))).toEqual([]);
  });
});
