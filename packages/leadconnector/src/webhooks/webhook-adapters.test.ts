import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { handleNodeWebhook, handleWebhookRequest, type WebhookReceiver } from '@payweave/core';
import { createLeadConnectorTestSigner, type LeadConnectorTestSigner } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeadConnectorEvent } from './event-types.js';
import { leadConnectorWebhooks } from './leadconnector-webhooks.js';

// Hostile end-to-end runs: real sockets, real fetch, both framework adapters.

type OnEvent = (event: LeadConnectorEvent) => unknown;

interface Endpoint {
  url: string;
  server: Server;
}

function listen(server: Server): Promise<Endpoint> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/webhooks/highlevel`, server });
    });
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Node's `req` as a fetch `Request`, streaming the body (as a fetch-style runtime would hand it over). */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method ?? 'POST',
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
}

const adapters: Record<
  string,
  (receiver: () => WebhookReceiver<LeadConnectorEvent>, onEvent: () => OnEvent) => Server
> = {
  'handleNodeWebhook (node:http)': (receiver, onEvent) =>
    createServer((req, res) => {
      void handleNodeWebhook(receiver(), req, res, (event) => onEvent()(event));
    }),
  'handleWebhookRequest (fetch Request)': (receiver, onEvent) =>
    createServer(async (req, res) => {
      const response = await handleWebhookRequest(receiver(), toRequest(req), (event) => onEvent()(event));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
};

let signer: LeadConnectorTestSigner;
beforeAll(async () => {
  signer = await createLeadConnectorTestSigner();
});

const orderBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'OrderStatusUpdate',
  altId: 'Z4Bxl8J4SaPEPLq9IQ8g',
  altType: 'location',
  _id: '660ed43b9b1dd5a3c9a1d0e5',
  status: 'completed',
  currency: 'USD',
  amount: 150.1,
  timestamp: new Date().toISOString(),
  webhookId: crypto.randomUUID(),
  ...overrides,
});

async function post(url: string, body: BodyInit, headers: Record<string, string>, init: RequestInit = {}) {
  const response = await fetch(url, { method: 'POST', headers, body, ...init });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(Object.entries(adapters))('%s', (_name, makeServer) => {
  let endpoint: Endpoint;
  let receiver: WebhookReceiver<LeadConnectorEvent>;
  let onEvent: OnEvent;
  let received: LeadConnectorEvent[];

  beforeAll(async () => {
    endpoint = await listen(
      makeServer(
        () => receiver,
        () => onEvent,
      ),
    );
  });
  afterAll(() => close(endpoint.server));
  beforeEach(() => {
    receiver = leadConnectorWebhooks({ publicKeys: [signer.publicKeyPem], maxBodyBytes: 8 * 1024 });
    received = [];
    onEvent = (event) => {
      received.push(event);
    };
  });

  it('answers 200 to a signed delivery and 200 duplicate to its redelivery, processing it once', async () => {
    const { body, headers } = await signer.sign(orderBody());
    expect(await post(endpoint.url, body, headers)).toEqual({ status: 200, body: { received: true } });
    expect(await post(endpoint.url, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: 'OrderStatusUpdate', data: { status: 'completed' } });
  });

  it('answers 401 to an unsigned, a wrongly signed and a tampered delivery', async () => {
    const { body, headers } = await signer.sign(orderBody());
    const unsigned = await post(endpoint.url, body, { 'content-type': 'application/json' });
    expect(unsigned).toEqual({ status: 401, body: { received: false, error: 'webhook_signature' } });
    const na = await post(endpoint.url, body, { ...headers, 'x-ghl-signature': 'N/A' });
    expect(na.status).toBe(401);
    const tampered = await post(endpoint.url, body.replace('150.1', '0.01'), headers);
    expect(tampered.status).toBe(401);
    const other = await (await createLeadConnectorTestSigner()).sign(orderBody());
    expect((await post(endpoint.url, other.body, other.headers)).status).toBe(401);
    expect(received).toHaveLength(0);
  });

  it('answers 401 to a signature header sent twice with different values', async () => {
    const { body, headers } = await signer.sign(orderBody());
    const forged = await signer.sign(orderBody());
    const doubled = new Headers(headers);
    doubled.append('x-ghl-signature', forged.headers['x-ghl-signature'] as string);
    const response = await fetch(endpoint.url, { method: 'POST', headers: doubled, body });
    expect(response.status).toBe(401);
    expect(received).toHaveLength(0);
  });

  it('answers 400 to a stale delivery', async () => {
    const { body, headers } = await signer.sign(
      orderBody({ timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }),
    );
    expect(await post(endpoint.url, body, headers)).toEqual({
      status: 400,
      body: { received: false, error: 'webhook_stale' },
    });
    expect(received).toHaveLength(0);
  });

  it('answers 413 to a body past the cap, streamed without content-length', async () => {
    const chunk = new TextEncoder().encode(`${'x'.repeat(1023)}\n`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 64 MiB, far past the 8 KiB cap: a receiver that read it all would time out.
        if (sent >= 64 * 1024) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const { headers } = await signer.sign(orderBody());
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ received: false, error: 'webhook_malformed' });
    expect(sent).toBeLessThan(64 * 1024);
    expect(received).toHaveLength(0);
  });

  it('answers 500 when the handler throws, and accepts the redelivery', async () => {
    let calls = 0;
    onEvent = (event) => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      received.push(event);
    };
    const { body, headers } = await signer.sign(orderBody());
    expect(await post(endpoint.url, body, headers)).toEqual({
      status: 500,
      body: { received: true, processed: false },
    });
    expect(await post(endpoint.url, body, headers)).toEqual({ status: 200, body: { received: true } });
    expect(await post(endpoint.url, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(calls).toBe(2);
    expect(received).toHaveLength(1);
  });

  it('accepts a pretty-printed body whose compact form was signed', async () => {
    const payload = orderBody();
    const { headers } = await signer.sign(payload);
    const response = await post(endpoint.url, JSON.stringify(payload, null, 2), headers);
    expect(response.status).toBe(200);
    expect(received[0]?.signedForm).toBe('compact');
  });
});
