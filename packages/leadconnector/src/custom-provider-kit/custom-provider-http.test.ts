import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomProviderHandler, createCustomProviderHandler } from './create-handler.js';
import { fakeGateway, testApiKeys, testKeys } from './kit-test-fixtures.js';
import { toNodeHandler } from './node-handler.js';

// Real sockets and real fetch, for both ways of serving the handler.

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}/highlevel/query`);
    });
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Node's `req` as a fetch `Request` with a streamed body, as a fetch-style runtime hands it over. */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method ?? 'POST',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

const servers: Record<string, (handler: CustomProviderHandler) => Server> = {
  'fetch-style handler behind node:http': (handler) =>
    createServer(async (req, res) => {
      const response = await handler(toRequest(req));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
  'toNodeHandler on node:http': (handler) => {
    const node = toNodeHandler(handler);
    return createServer((req, res) => {
      void node(req, res);
    });
  },
  'toNodeHandler after an express.json()-style parser': (handler) => {
    const node = toNodeHandler(handler);
    return createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      void node(Object.assign(req, { body: parsed }), res);
    });
  },
};

const charge = (overrides: Record<string, unknown> = {}) => ({
  type: 'charge_payment',
  paymentMethodId: 'pm_card_1',
  contactId: 'contact_1',
  transactionId: 'hl_tx_http',
  chargeDescription: 'Order #1001',
  amount: 25.5,
  currency: 'USD',
  apiKey: testKeys.test,
  ...overrides,
});

/** Sends raw bytes with node:http (so a declared length can lie or a body can stream past the cap). */
function rawPost(
  url: string,
  chunks: readonly string[],
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
      );
    });
    request.on('error', (error) => {
      // The server may close the socket after answering 413; what it answered is what counts.
      if (
        (error as NodeJS.ErrnoException).code === 'ECONNRESET' ||
        (error as NodeJS.ErrnoException).code === 'EPIPE'
      )
        return;
      reject(error);
    });
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

for (const [name, serve] of Object.entries(servers)) {
  describe(`custom provider handler over HTTP: ${name}`, () => {
    const gateway = fakeGateway();
    const handler = createCustomProviderHandler({
      apiKeys: testApiKeys,
      ...gateway.handlers(),
      maxBodyBytes: 2048,
    });
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = serve(handler);
      url = await listen(server);
    });
    afterAll(() => close(server));

    const post = async (body: unknown, contentType = 'application/json') => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.json(),
      };
    };

    it('serves a charge, then answers the repeat from the stored outcome', async () => {
      const first = await post(charge());
      expect(first).toMatchObject({
        status: 200,
        type: 'application/json; charset=utf-8',
        body: { success: true, failed: false, message: 'Charge succeeded', chargeSnapshot: { amount: 2550 } },
      });
      const [again, concurrent] = await Promise.all([post(charge()), post(charge())]);
      expect(again.body).toEqual(first.body);
      expect(concurrent.body).toEqual(first.body);
      expect(gateway.calls.charge).toBe(1);
    });

    it('answers a bad api key 401 and an unknown type 501', async () => {
      expect(await post(charge({ apiKey: 'nope' }))).toMatchObject({
        status: 401,
        body: { error: 'unauthorized' },
      });
      expect(await post({ type: 'void_payment', apiKey: testKeys.test })).toMatchObject({
        status: 501,
        body: { error: 'unsupported_type' },
      });
    });

    it('answers malformed JSON 400 (never a crash)', async () => {
      const answer = await post('{"type":"charge_payment","apiKey":');
      // A framework that parsed first hands over text it could not parse: still 400.
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ success: false });
    });

    it('answers a streamed body past the cap 413', async () => {
      const answer = await rawPost(url, ['{"type":"verify","pad":"', 'x'.repeat(4096), '"}'], {
        'content-type': 'application/json',
      });
      // Behind a framework that read it all first, the handler's own cap still refuses it.
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'payload_too_large' });
    });

    it('answers a declared length past the cap 413', async () => {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(charge({ chargeDescription: 'x'.repeat(4096) })),
      });
      expect(answer.status).toBe(413);
      expect(gateway.calls.charge).toBe(1);
    });

    it('answers a form body 415', async () => {
      expect((await post('type=verify', 'application/x-www-form-urlencoded')).status).toBe(415);
    });
  });
}
