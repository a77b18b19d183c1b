import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** One request as the server saw it, body read in full before the handler runs. */
export interface Recorded {
  readonly method: string;
  /** Path and query as sent (`/v2/transactions?page=2`). */
  readonly url: string;
  /** Path only. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Answers one recorded request. `incoming` gives access to the socket (to reset it after
 * the request was recorded); a handler that never writes leaves the request hanging.
 */
export type Handler = (
  request: Recorded,
  response: ServerResponse,
  incoming: IncomingMessage,
) => void | Promise<void>;

/** A raw loopback server written for one test: records everything, answers through its handler. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: Recorded[];
  /** Replaces the handler (for later steps of a test). */
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

const open = new Set<TestServer>();

/** Answers 404 with an empty JSON object: the default for a route a test did not expect. */
export const notFound: Handler = (_request, response) => sendJson(response, 404, {});

/**
 * Starts a server on 127.0.0.1, port 0. It is closed when the current test finishes (also
 * when tests run concurrently) and, as a safety net, by {@link closeAllServers}.
 */
export async function startServer(handler: Handler = notFound): Promise<TestServer> {
  let current = handler;
  const requests: Recorded[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('error', () => {});
    response.on('error', () => {});
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const recorded: Recorded = {
        method: incoming.method ?? '',
        url: incoming.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => current(recorded, response, incoming))
        .catch((error: unknown) => {
          // A handler bug shows up as a 599 the test will not expect, never as a crash.
          if (!response.headersSent) sendJson(response, 599, { handlerError: String(error) });
          else response.destroy();
        });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const testServer: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    setHandler(next) {
      current = next;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        open.delete(testServer);
        // Hanging requests (never-answer cases) would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
  open.add(testServer);
  try {
    onTestFinished(() => testServer.close());
  } catch {
    // Started outside a test: closeAllServers (afterAll) closes it.
  }
  return testServer;
}

/** Closes every server still open (afterAll / afterEach safety net). */
export async function closeAllServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

/** The provider server and the attacker server every test starts. */
export interface ServerPair {
  readonly provider: TestServer;
  readonly attacker: TestServer;
}

/**
 * Starts the provider server with `handler` and an attacker server on another port. The
 * attacker answers 200 with a body that looks like success for every provider, so a client
 * that followed a redirect there would see a "successful" call.
 */
export async function startPair(handler: Handler = notFound): Promise<ServerPair> {
  const [provider, attacker] = await Promise.all([startServer(handler), startServer(attackerHandler)]);
  return { provider, attacker };
}

const attackerHandler: Handler = (_request, response) =>
  sendJson(response, 200, {
    code: '0',
    data: {
      token: 'attacker-token',
      dtsExpireAt: '2099-01-01T00:00:00Z',
      cFiTransactionId: 'x',
      status: 'x',
    },
    transaction: { id: 'attacker0000000000000000', status_id: 101, type_id: 20 },
    access_token: 'attacker-access',
    refresh_token: 'attacker-refresh',
    sessionToken: 'attacker-session',
    expiresAtUtc: '2099-01-01T00:00:00Z',
    invoiceId: 'attacker',
    _id: 'attacker',
  });

/** What reached a server, one line per request, for readable assertion diffs. */
export function lines(server: TestServer): string[] {
  return server.requests.map((request) => `${request.method} ${request.url}`);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** Drops the connection without an answer (the request was recorded first). */
export function resetConnection(incoming: IncomingMessage): void {
  incoming.socket.destroy();
}

/** Dispatches on `METHOD /path`; anything else is a 404. */
export function routes(table: Record<string, Handler>, fallback: Handler = notFound): Handler {
  return (request, response, incoming) => {
    const handler = table[`${request.method} ${request.path}`] ?? fallback;
    return handler(request, response, incoming);
  };
}

/**
 * Streams `totalBytes` of body in chunks, honouring back-pressure, and stops as soon as
 * the client goes away (a capped client hangs up early).
 */
export async function streamBody(
  response: ServerResponse,
  head: string,
  totalBytes: number,
  tail: string,
  chunk: Buffer,
): Promise<void> {
  let gone = false;
  response.on('close', () => {
    gone = true;
  });
  const write = (data: Buffer | string) =>
    new Promise<void>((resolve) => {
      if (gone || response.destroyed) {
        resolve();
        return;
      }
      if (response.write(data)) resolve();
      else {
        const done = () => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      }
    });
  await write(head);
  let sent = Buffer.byteLength(head) + Buffer.byteLength(tail);
  while (sent < totalBytes && !gone) {
    const size = Math.min(chunk.length, totalBytes - sent);
    await write(size === chunk.length ? chunk : chunk.subarray(0, size));
    sent += size;
  }
  if (!gone) {
    await write(tail);
    response.end();
  }
}
