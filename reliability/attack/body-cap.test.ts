import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, settleErr, settleOk } from './support/assertions.js';
import { payaClient, payaTransaction, secret, transports } from './support/clients.js';
import { closeAllServers, type Handler, lines, sendJson, startPair, streamBody } from './support/servers.js';

// DESIGN.md section 3: every exchange caps the body while streaming, and after decompression,
// so a hostile or broken provider cannot take the process down with a huge or compressed
// body. Over the cap is `invalid_response` (never a rejection, never an out-of-memory).

afterAll(closeAllServers);

const testTimeout = 15_000;
const transactionId = '11eb0000aaaabbbbccccdddd';
const retrievePath = `GET /v2/transactions/${transactionId}`;
// Reads only: a capped read is not retried here (maxRetries 0) so the count is exact, and the
// attempt timeout is long enough that only the cap, not the clock, can end the read.
const readLimits = { maxRetries: 0, timeoutMs: 5000, deadlineMs: 8000 };
const fiftyMegabytes = 50 * 1024 * 1024;
const megabyteOfA = Buffer.alloc(1024 * 1024, 0x61);
const mentionsDefaultLimit = /10485760|10\s?MB|10\s?MiB|10,485,760|maxResponseBytes/i;
const mentionsSmallLimit = /(?<!\d)1000(?!\d)|1\s?kB|1,000|maxResponseBytes/i;

// A valid transaction envelope padded with 100 MB of JSON whitespace, gzipped to ~100 kB:
// a client that inflated it whole would parse it fine and return Ok.
let gzipBomb: Buffer;
beforeAll(() => {
  const record = JSON.stringify(payaTransaction({ id: transactionId }));
  gzipBomb = gzipSync(
    Buffer.concat([
      Buffer.from('{"transaction":'),
      Buffer.alloc(100_000_000, 0x20),
      Buffer.from(`${record}}`),
    ]),
  );
});

function hugeBody(declareLength: boolean): Handler {
  return async (_request, response) => {
    const head = '{"transaction":{"id":"x","status_id":101,"type_id":20,"padding":"';
    const tail = '"}}';
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(fiftyMegabytes) } : {}),
    });
    await streamBody(response, head, fiftyMegabytes, tail, megabyteOfA);
  };
}

/** A valid transaction envelope of about `bytes` bytes. */
function paddedTransaction(bytes: number): string {
  const base = JSON.stringify(payaTransaction({ id: transactionId, padding: '' }));
  return JSON.stringify(payaTransaction({ id: transactionId, padding: 'p'.repeat(bytes - base.length - 20) }))
    .replace(/^/, '{"transaction":')
    .concat('}');
}

describe.each(transports)('response body cap ($transport)', ({ transport }) => {
  it.each([
    { declared: false, label: 'chunked, no content-length' },
    { declared: true, label: 'content-length declared' },
  ])(
    'a 50 MB body ($label) is invalid_response naming the 10 MB default',
    async ({ declared }) => {
      const { provider, attacker } = await startPair(hugeBody(declared));
      const paya = payaClient(provider, transport, readLimits);

      const error = await settleErr(paya.transactions.retrieve(transactionId));

      expect(lines(provider)).toEqual([retrievePath]);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(lines(attacker)).toEqual([]);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(mentionsDefaultLimit);
    },
    testTimeout,
  );

  it(
    'a gzip bomb (100 kB inflating to 100 MB) resolves; on fetch, which inflates, it is invalid_response',
    async () => {
      const { provider, attacker } = await startPair((_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': String(gzipBomb.length),
        });
        response.end(gzipBomb);
      });
      const paya = payaClient(provider, transport, readLimits);

      const result = await settle(paya.transactions.retrieve(transactionId));

      expect(lines(provider)).toEqual([retrievePath]);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(lines(attacker)).toEqual([]);
      // Node's http module does not inflate: there the compressed bytes are just an unreadable
      // body, and any Result is acceptable as long as the call resolved.
      if (transport === 'fetch') {
        expect(result.isErr() && result.error.code).toBe('invalid_response');
      }
    },
    testTimeout,
  );

  it.each([
    { declared: true, label: 'content-length declared' },
    { declared: false, label: 'chunked' },
  ])(
    'maxResponseBytes 1000 refuses a 2 kB JSON body ($label)',
    async ({ declared }) => {
      const text = paddedTransaction(2000);
      const { provider, attacker } = await startPair((_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(declared ? { 'content-length': String(Buffer.byteLength(text)) } : {}),
        });
        // Two writes, so the chunked variant arrives in pieces below and above the cap.
        response.write(text.slice(0, 900));
        response.end(text.slice(900));
      });
      const paya = payaClient(provider, transport, { ...readLimits, maxResponseBytes: 1000 });

      const error = await settleErr(paya.transactions.retrieve(transactionId));

      expect(lines(provider)).toEqual([retrievePath]);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(lines(attacker)).toEqual([]);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(mentionsSmallLimit);
    },
    testTimeout,
  );

  it(
    'maxResponseBytes 1000 still reads a 600-byte body (the cap is not off by a unit)',
    async () => {
      const text = paddedTransaction(600);
      expect(Buffer.byteLength(text)).toBeLessThan(1000);
      const { provider, attacker } = await startPair((_request, response) =>
        sendJson(response, 200, JSON.parse(text)),
      );
      const paya = payaClient(provider, transport, { ...readLimits, maxResponseBytes: 1000 });

      const transaction = await settleOk(paya.transactions.retrieve(transactionId));

      expect(transaction.id).toBe(transactionId);
      expect(lines(provider)).toEqual([retrievePath]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
