import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure.js';
import { chooseExchange } from './default-exchange.js';
import {
  attemptTimeoutError,
  type Exchange,
  type ExchangeRequest,
  responseTooLargeError,
  responseTooLargeName,
} from './exchange.js';
import { fetchExchange } from './fetch-exchange.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

interface TestServer {
  readonly server: Server;
  readonly origin: string;
  /** Requests received, by path (query left out). */
  readonly hits: Map<string, number>;
  /** Resolves when the next request for `path` arrives. */
  arrival(path: string): Promise<void>;
}

async function start(routes: Record<string, Handler>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      for (const resolve of waiting.get(path) ?? []) resolve();
      waiting.delete(path);
      const route = routes[path] ?? routes['*'];
      if (route) route(request, response, Buffer.concat(chunks));
      else response.writeHead(404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    hits,
    arrival: (path) =>
      new Promise((resolve) => {
        waiting.set(path, [...(waiting.get(path) ?? []), resolve]);
      }),
  };
}

async function stop(test: TestServer | undefined): Promise<void> {
  if (!test) return;
  test.server.closeAllConnections();
  test.server.close();
  await once(test.server, 'close');
}

/** Every request a server received, on any path. */
const total = (test: TestServer) => [...test.hits.values()].reduce((sum, count) => sum + count, 0);

const query = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://x').searchParams;

/** Writes `total` bytes of `a` in 16 KiB chunks, honouring back-pressure, until done or the client leaves. */
function stream(response: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (!response.destroyed && sent < total) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!response.write(piece)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

const cap = 64 * 1024;
let main: TestServer | undefined;
let elsewhere: TestServer | undefined;

beforeAll(async () => {
  elsewhere = await start({ '*': (_request, response) => response.writeHead(200).end('{"stolen":true}') });
  const target = `${elsewhere.origin}/steal`;
  main = await start({
    '/redirect': (request, response) => {
      const status = Number(query(request).get('status') ?? 302);
      response.writeHead(status, { location: target, 'content-type': 'text/plain' }).end('moved');
    },
    '/bytes': (request, response) => {
      // `n` bytes of body, with a content-length when `declare` is set, else chunked.
      const size = Number(query(request).get('n'));
      const headers: Record<string, string | number> = { 'content-type': 'text/plain' };
      if (query(request).get('declare') === '1') headers['content-length'] = size;
      response.writeHead(200, headers);
      stream(response, size);
    },
    '/lying-length': (_request, response) => {
      // Declares more than the cap; the exchange must not read it.
      response.writeHead(200, { 'content-length': cap * 4 });
      stream(response, cap * 4);
    },
    '/multibyte': (request, response) => {
      const text = 'é'.repeat(Number(query(request).get('chars')));
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    },
    '/endless': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      stream(response, 32 * 1024 * 1024);
    },
    '/gzip': (request, response) => {
      const inflated = Number(query(request).get('inflated'));
      const body = gzipSync(Buffer.alloc(inflated, 'a'));
      const headers: Record<string, string | number> = {
        'content-encoding': 'gzip',
        'content-type': 'text/plain',
      };
      if (query(request).get('declare') === '1') headers['content-length'] = body.length;
      response.writeHead(200, headers).end(body);
    },
    '/stall-headers': () => {
      // Never answers.
    },
    '/stall-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
    },
    '/echo': (request, response, body) => {
      response.writeHead(201, {
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
        'x-request-id': 'req-1',
      });
      response.end(
        JSON.stringify({
          method: request.method,
          headers: request.headers,
          body: body.toString('utf8'),
          bytes: body.length,
        }),
      );
    },
    '/unavailable': (_request, response) => {
      response
        .writeHead(503, { 'retry-after': '3', 'content-type': 'application/json' })
        .end('{"error":"busy"}');
    },
  });
});

afterAll(async () => {
  await Promise.all([stop(main), stop(elsewhere)]);
});

function request(path: string, changes: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    url: `${main!.origin}${path}`,
    method: 'GET',
    headers: {},
    body: undefined,
    signal: undefined,
    timeoutMs: 2_000,
    maxResponseBytes: cap,
    ...changes,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the exchange to reject, but it resolved');
}

describe('chooseExchange on Node', () => {
  it("picks Node's http module: one shared instance, not a new fetch exchange per client", () => {
    const node = chooseExchange({});
    expect(chooseExchange({})).toBe(node);
    expect(chooseExchange({ transport: 'fetch' })).not.toBe(node);
    expect(chooseExchange({ fetch: globalThis.fetch })).not.toBe(node);
  });
});

const exchanges: [string, () => Exchange][] = [
  ['fetchExchange()', () => fetchExchange()],
  ['node (chooseExchange({}))', () => chooseExchange({})],
];

describe.each(exchanges)('%s', (_name, make) => {
  const exchange = make();

  it('sends method, headers and a UTF-8 body, and hands back status, headers and text', async () => {
    const body = JSON.stringify({ memo: 'café €5' });
    const raw = await exchange(
      request('/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-trace': 't-1' },
        body,
      }),
    );
    expect(raw.status).toBe(201);
    expect(raw.headers.get('x-request-id')).toBe('req-1');
    expect(raw.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const echoed = JSON.parse(raw.text);
    expect(echoed).toMatchObject({ method: 'POST', body, bytes: Buffer.byteLength(body) });
    expect(echoed.headers['x-trace']).toBe('t-1');
    expect(echoed.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('hands an error status back as a response, not a rejection', async () => {
    const raw = await exchange(request('/unavailable'));
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('3');
    expect(raw.text).toBe('{"error":"busy"}');
  });

  it.each([301, 302, 303, 307, 308])('returns a %i as it is and never follows it', async (status) => {
    const before = total(elsewhere!);
    const raw = await exchange(
      request(`/redirect?status=${status}`, {
        method: 'POST',
        headers: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
        body: '{"card":"4111111111111111"}',
      }),
    );
    expect(raw.status).toBe(status);
    expect(raw.headers.get('location')).toBe(`${elsewhere!.origin}/steal`);
    expect(total(elsewhere!)).toBe(before);
    expect(before).toBe(0);
  });

  it('accepts a body exactly at maxResponseBytes, with and without content-length', async () => {
    for (const declare of ['1', '0']) {
      const raw = await exchange(request(`/bytes?n=${cap}&declare=${declare}`));
      expect(raw.status).toBe(200);
      expect(raw.text.length).toBe(cap);
    }
  });

  it.each(['1', '0'])(
    'rejects a body one byte over maxResponseBytes (declare content-length: %s)',
    async (declare) => {
      const error = await rejection(exchange(request(`/bytes?n=${cap + 1}&declare=${declare}`)));
      expect(error.name).toBe(responseTooLargeName);
      expect(error.message).toContain(`${cap}-byte limit`);
      expect(classifyFailure(error, false)).toBe('too_large');
    },
  );

  it('rejects a declared content-length over the cap', async () => {
    const error = await rejection(exchange(request('/lying-length')));
    expect(error.name).toBe('ResponseTooLargeError');
  });

  it('stops reading an endless body at the cap instead of reading it whole', async () => {
    const error = await rejection(exchange(request('/endless', { timeoutMs: 4_000 })));
    expect(error.name).toBe('ResponseTooLargeError');
  });

  it('counts bytes, not characters', async () => {
    const chars = 1_000;
    const fits = await exchange(request(`/multibyte?chars=${chars}`, { maxResponseBytes: chars * 2 }));
    expect(fits.text).toBe('é'.repeat(chars));
    const error = await rejection(
      exchange(request(`/multibyte?chars=${chars}`, { maxResponseBytes: chars * 2 - 1 })),
    );
    expect(error.name).toBe('ResponseTooLargeError');
  });

  it('rejects with a TimeoutError when no headers arrive in time', async () => {
    const error = await rejection(exchange(request('/stall-headers', { timeoutMs: 100 })));
    expect(error.name).toBe('TimeoutError');
    expect(classifyFailure(error, false)).toBe('timeout');
  });

  it('rejects with a TimeoutError when the body stalls after the headers', async () => {
    const error = await rejection(exchange(request('/stall-body', { timeoutMs: 100 })));
    expect(error.name).toBe('TimeoutError');
  });

  it("rejects with the caller's reason when the caller aborts while waiting for headers", async () => {
    const controller = new AbortController();
    const arrived = main!.arrival('/stall-headers');
    const pending = rejection(
      exchange(request('/stall-headers', { signal: controller.signal, timeoutMs: 4_000 })),
    );
    await arrived;
    const reason = new Error('caller cancelled');
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });

  it("rejects with the caller's reason when the caller aborts during the body", async () => {
    const controller = new AbortController();
    const arrived = main!.arrival('/stall-body');
    const pending = rejection(
      exchange(request('/stall-body', { signal: controller.signal, timeoutMs: 4_000 })),
    );
    await arrived;
    const reason = new Error('caller cancelled mid-body');
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });

  it('sends nothing when the caller already aborted', async () => {
    const before = main!.hits.get('/echo') ?? 0;
    const reason = new Error('too late');
    const error = await rejection(exchange(request('/echo', { signal: AbortSignal.abort(reason) })));
    expect(error).toBe(reason);
    expect(main!.hits.get('/echo') ?? 0).toBe(before);
  });

  it('a refused connection is classified as connect (the request never left)', async () => {
    const closed = await start({});
    const origin = closed.origin;
    await stop(closed);
    const error = await rejection(exchange(request('/', { url: `${origin}/nothing` })));
    expect(classifyFailure(error, false)).toBe('connect');
  });
});

describe('fetchExchange and compressed bodies', () => {
  const exchange = fetchExchange();

  it.each(['1', '0'])(
    'rejects a small gzip body that inflates past the cap (content-length: %s)',
    async (declare) => {
      const error = await rejection(
        exchange(request(`/gzip?inflated=${4 * 1024 * 1024}&declare=${declare}`)),
      );
      expect(error.name).toBe('ResponseTooLargeError');
    },
  );

  it('accepts a gzip body that inflates to exactly the cap, and rejects one byte more', async () => {
    const raw = await exchange(request(`/gzip?inflated=${cap}&declare=1`));
    expect(raw.text.length).toBe(cap);
    const error = await rejection(exchange(request(`/gzip?inflated=${cap + 1}&declare=1`)));
    expect(error.name).toBe('ResponseTooLargeError');
  });

  it('uses the fetch it is given, with redirect: manual', async () => {
    const seen: RequestInit[] = [];
    const fake: typeof fetch = async (_url, init) => {
      seen.push(init ?? {});
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const raw = await fetchExchange(fake)(request('/anything', { method: 'POST', body: '{}' }));
    expect(raw).toMatchObject({ status: 200, text: '{}' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{}', redirect: 'manual' });
  });

  it('turns an opaque redirect into status 0 with no body', async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    const raw = await fetchExchange(async () => opaque)(request('/x'));
    expect(raw).toMatchObject({ status: 0, text: '' });
  });
});

describe('the node exchange never inflates', () => {
  it('hands a gzip bomb back as its few compressed bytes, never the inflated megabytes', async () => {
    const raw = await chooseExchange({})(request(`/gzip?inflated=${4 * 1024 * 1024}&declare=1`));
    expect(raw.status).toBe(200);
    expect(raw.text.length).toBeLessThan(cap);
  });
});

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classifyFailure', () => {
  it('a caller abort wins over anything the error says', () => {
    expect(classifyFailure(attemptTimeoutError(10), true)).toBe('aborted');
    expect(classifyFailure(coded('ECONNREFUSED'), true)).toBe('aborted');
  });

  it('recognises the exchange timeout and size errors by name', () => {
    expect(classifyFailure(attemptTimeoutError(10), false)).toBe('timeout');
    expect(classifyFailure(responseTooLargeError(10), false)).toBe('too_large');
    expect(classifyFailure(new DOMException('x', 'TimeoutError'), false)).toBe('timeout');
  });

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('%s proves the request never left, directly or up to three causes deep', (code) => {
    expect(classifyFailure(coded(code), false)).toBe('connect');
    expect(classifyFailure(new TypeError('fetch failed', { cause: coded(code) }), false)).toBe('connect');
    const deep = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: coded(code) }) }) });
    expect(classifyFailure(deep, false)).toBe('connect');
    const tooDeep = new Error('a', { cause: deep });
    expect(classifyFailure(tooDeep, false)).toBe('network');
  });

  it.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT'])(
    '%s may have reached the provider: network',
    (code) => {
      expect(classifyFailure(new TypeError('fetch failed', { cause: coded(code) }), false)).toBe('network');
    },
  );

  it('anything else is network, and odd values never throw', () => {
    for (const value of [undefined, null, 'text', 42, {}, Object.create(null), new Error('x'), { code: 7 }]) {
      expect(classifyFailure(value, false)).toBe('network');
    }
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as Error & { cause?: unknown }).cause = b;
    expect(classifyFailure(a, false)).toBe('network');
  });
});
