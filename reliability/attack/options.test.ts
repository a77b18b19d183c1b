import { PaymentsError } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { settleErr } from './support/assertions.js';
import {
  connectFiClient,
  type Extra,
  leadConnectorClient,
  payaClient,
  payConnectClient,
  transports,
} from './support/clients.js';
import { closeAllServers, lines, startPair, type TestServer } from './support/servers.js';

// DESIGN.md section 4: options are validated when the client is made (finite, in range), so
// `maxRetries: NaN` is a `configuration` error there, not a client that retries forever,
// never times out, or waits Infinity ms. Nothing is sent.

afterAll(closeAllServers);

const testTimeout = 10_000;

function thrownBy(make: () => unknown): PaymentsError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail('the factory returned a client instead of throwing');
}

const badOptions: { option: string; value: number }[] = [
  { option: 'maxRetries', value: Number.NaN },
  { option: 'maxRetries', value: 1.5 },
  { option: 'maxRetries', value: -1 },
  { option: 'timeoutMs', value: -1 },
  { option: 'timeoutMs', value: Number.NaN },
  { option: 'deadlineMs', value: Number.POSITIVE_INFINITY },
  { option: 'backoffBaseMs', value: Number.NaN },
  { option: 'maxRetryAfterMs', value: -1 },
  { option: 'maxResponseBytes', value: -1 },
];

const factories: {
  name: string;
  make: (server: TestServer, transport: 'auto' | 'fetch', extra: Extra) => unknown;
}[] = [
  { name: 'paya', make: payaClient },
  { name: 'connectfi', make: connectFiClient },
  { name: 'leadconnector', make: leadConnectorClient },
  { name: 'payconnect', make: payConnectClient },
];

describe.each(transports)('options are checked when the client is made ($transport)', ({ transport }) => {
  it.each(badOptions)(
    'createPaya({ $option: $value }) throws a configuration error naming $option',
    async ({ option, value }) => {
      const { provider, attacker } = await startPair();

      const error = thrownBy(() => payaClient(provider, transport, { [option]: value }));

      expect(error.code).toBe('configuration');
      expect(error.message).toContain(option);
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it.each(factories)(
    '$name factory with maxRetries: NaN throws a configuration error',
    async ({ make }) => {
      const { provider, attacker } = await startPair();

      const error = thrownBy(() => make(provider, transport, { maxRetries: Number.NaN }));

      expect(error.code).toBe('configuration');
      expect(error.message).toContain('maxRetries');
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'a per-call maxRetries: NaN resolves to an Err and sends nothing',
    async () => {
      // Not the factory: the same limits are settable per call, and a bad one there must not
      // reach the retry engine either. It must resolve (never reject) without sending.
      const { provider, attacker } = await startPair();
      const paya = payaClient(provider, transport);

      const error = await settleErr(
        paya.transactions.retrieve('11eb0000aaaabbbbccccdddd', {}, { maxRetries: Number.NaN }),
      );

      expect(['configuration', 'validation']).toContain(error.code);
      expect(error.message).toContain('maxRetries');
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
