import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Err, Ok } from 'ts-results-es';
import { afterEach, describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time.js';
import { createWebhookReceiver } from './create-webhook-receiver.js';
import type { DedupeStore } from './dedupe-store.js';
import { handleWebhookRequest } from './fetch-adapter.js';
import { readHeader } from './header-value.js';
import { handleNodeWebhook } from './node-adapter.js';
import { webhookError } from './webhook-error.js';
import type { WebhookEventBase } from './webhook-types.js';

interface TestEvent extends WebhookEventBase {
  readonly data: { readonly id: string };
}

// A provider of the test's own: a shared token in a header, a JSON body with an id.
function receiver(options: { dedupe?: DedupeStore | false; maxBodyBytes?: number } = {}) {
  return createWebhookReceiver<TestEvent>({
    provider: 'testpay',
    ...options,
    async verify(body, headers) {
      const token = readHeader(headers, 'x-token');
      if (token.kind !== 'value' || !constantTimeEqual(token.value, 'secret-token')) {
        return Err(webhookError('testpay', 'webhook_signature', 'the token does not match'));
      }
      const data = JSON.parse(body.text) as { id: string };
      return Ok({ provider: 'testpay', type: 'thing.created', deliveryId: data.id, data });
    },
  });
}

type Mode = 'node' | 'fetch';
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

// The fetch adapter is served through a node:http server that converts to a Request, as Hono's
// Node server does, so both adapters meet real sockets.
async function serve(
  mode: Mode,
  onEvent: (event: TestEvent) => unknown,
  options: Parameters<typeof handleNodeWebhook>[4] & {
    receiver?: ReturnType<typeof receiver>;
    preParsed?: unknown;
  } = {},
) {
  const target = options.receiver ?? receiver();
  const server = createServer(async (req: IncomingMessage, res) => {
    if (mode === 'node') {
      if (options.preParsed !== undefined)
        (req as IncomingMessage & { body?: unknown }).body = options.preParsed;
      await handleNodeWebhook(target, req, res, onEvent, options);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await handleWebhookRequest(target, request, onEvent, options);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const post = async (
  url: string,
  body: string | ReadableStream,
  headers: Record<string, string> = { 'x-token': 'secret-token' },
) => {
  const response = await fetch(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: response.status, body: await response.json() };
};

describe.each<Mode>(['node', 'fetch'])('%s adapter', (mode) => {
  it('answers 200 and runs the handler once; a duplicate is 200 without running it', async () => {
    const seen: TestEvent[] = [];
    const url = await serve(mode, (event) => seen.push(event));
    expect(await post(url, '{"id":"d1"}')).toEqual({ status: 200, body: { received: true } });
    expect(await post(url, '{"id":"d1"}')).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(seen.map((event) => event.data.id)).toEqual(['d1']);
  });

  it('answers 401 to a wrong or missing token and never runs the handler', async () => {
    const seen: unknown[] = [];
    const url = await serve(mode, (event) => seen.push(event));
    expect(await post(url, '{"id":"d1"}', { 'x-token': 'guess' })).toEqual({
      status: 401,
      body: { received: false, error: 'webhook_signature' },
    });
    expect((await post(url, '{"id":"d1"}', {})).status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('answers 413 to a body past the cap, declared or streamed without a length', async () => {
    const url = await serve(mode, () => undefined, { receiver: receiver({ maxBodyBytes: 64 }) });
    expect((await post(url, `{"id":"${'x'.repeat(100)}"}`)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 10; index += 1)
          controller.enqueue(new TextEncoder().encode('x'.repeat(20)));
        controller.close();
      },
    });
    expect((await post(url, stream)).status).toBe(413);
  });

  it('answers 500 when the handler throws and accepts the redelivery', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const url = await serve(
      mode,
      () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      },
      { onError: (error) => errors.push(error) },
    );
    expect(await post(url, '{"id":"d2"}')).toEqual({
      status: 500,
      body: { received: true, processed: false },
    });
    expect(await post(url, '{"id":"d2"}')).toEqual({ status: 200, body: { received: true } });
    expect(calls).toBe(2);
    expect(String(errors[0])).toContain('database down');
  });

  it('keeps the claim and answers 200 when told to acknowledge handler failures', async () => {
    const url = await serve(
      mode,
      () => {
        throw new Error('bug');
      },
      { onHandlerError: 'acknowledge' },
    );
    expect(await post(url, '{"id":"d3"}')).toEqual({
      status: 200,
      body: { received: true, processed: false },
    });
    expect((await post(url, '{"id":"d3"}')).body).toEqual({ received: true, duplicate: true });
  });

  it('answers 503 when the dedupe store is down, so the provider redelivers', async () => {
    const broken: DedupeStore = {
      claim: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')),
      release: () => Promise.resolve(),
    };
    const seen: unknown[] = [];
    const url = await serve(mode, (event) => seen.push(event), { receiver: receiver({ dedupe: broken }) });
    expect(await post(url, '{"id":"d4"}')).toEqual({
      status: 503,
      body: { received: false, error: 'provider_unavailable' },
    });
    expect(seen).toEqual([]);
  });

  it('answers 400 to a body that is not UTF-8', async () => {
    const url = await serve(mode, () => undefined);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'x-token': 'secret-token' },
      body: Uint8Array.from([0x7b, 0xff, 0x7d]),
    });
    expect(response.status).toBe(400);
  });
});

describe('node adapter with a framework body', () => {
  it('refuses a body a JSON parser already parsed (401) and takes the Buffer of express.raw()', async () => {
    const parsed = await serve('node', () => undefined, { preParsed: { id: 'd5' } });
    expect(await post(parsed, '{"id":"d5"}')).toEqual({
      status: 401,
      body: { received: false, error: 'webhook_signature' },
    });
    const seen: TestEvent[] = [];
    const raw = await serve('node', (event) => seen.push(event), { preParsed: Buffer.from('{"id":"d6"}') });
    expect((await post(raw, '{"id":"d6"}')).status).toBe(200);
    expect(seen[0]?.data.id).toBe('d6');
  });
});

describe('createWebhookReceiver', () => {
  it('turns a verifier that throws into an Err, never a rejection', async () => {
    const result = await receiver().unwrap('not json', { 'x-token': 'secret-token' });
    expect(result.isErr() && result.error.code).toBe('webhook_malformed');
    expect(result.isErr() && result.error.message).toBe(
      'testpay.webhooks.unwrap: the delivery could not be read (SyntaxError)',
    );
    // V8's SyntaxError quotes the body; nothing of it may ride along on the error.
    expect(result.isErr() && result.error.cause).toBeUndefined();
  });
  it('refuses missing headers and a parsed object without calling the verifier', async () => {
    const target = receiver();
    const noHeaders = await target.unwrap('{"id":"x"}', undefined as never);
    expect(noHeaders.isErr() && noHeaders.error.code).toBe('webhook_signature');
    const parsed = await target.unwrap({ id: 'x' } as never, { 'x-token': 'secret-token' });
    expect(parsed.isErr() && parsed.error.message).toMatch(/parsed object/);
  });
  it('skips the claim when asked and when dedupe is off', async () => {
    const target = receiver();
    await target.unwrap('{"id":"y"}', { 'x-token': 'secret-token' });
    const again = await target.unwrap('{"id":"y"}', { 'x-token': 'secret-token' }, { skipDedupe: true });
    expect(again.isOk()).toBe(true);
    const off = receiver({ dedupe: false });
    for (let index = 0; index < 2; index += 1) {
      expect((await off.unwrap('{"id":"z"}', { 'x-token': 'secret-token' })).isOk()).toBe(true);
    }
  });
});
