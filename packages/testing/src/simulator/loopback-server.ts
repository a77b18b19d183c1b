import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { truncatedBody } from './fault-script.js';
import { parseSimBody } from './parse-sim-body.js';
import type { SimOutcome, SimRequest } from './sim-types.js';

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops accepting and destroys open connections (stalled ones included). */
  close(): Promise<void>;
}

interface Handler {
  handle(request: Omit<SimRequest, 'params'>): Promise<SimOutcome>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function write(response: ServerResponse, outcome: Extract<SimOutcome, { kind: 'respond' | 'stall' }>): void {
  const sim = outcome.response;
  const text = sim.text ?? (sim.body === undefined ? '' : JSON.stringify(sim.body));
  const headers: Record<string, string> = {
    ...(text && sim.text === undefined ? { 'content-type': 'application/json' } : {}),
    ...sim.headers,
  };
  if (outcome.kind === 'stall') {
    response.writeHead(sim.status, headers);
    response.write(truncatedBody(sim));
    return;
  }
  response.writeHead(sim.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}

/** Serves a simulator on 127.0.0.1 with a random port. */
export function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (request, response) => {
    try {
      const rawBody = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const headers = headersOf(request);
      const outcome = await handler.handle({
        method: (request.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: parseSimBody(rawBody, headers['content-type']),
        rawBody,
      });
      if (outcome.kind === 'reset') {
        request.socket.destroy();
        return;
      }
      const delayMs = outcome.kind === 'respond' ? outcome.delayMs : undefined;
      if (delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, delayMs);
          timers.add(timer);
        });
      }
      write(response, outcome);
      if (outcome.kind === 'stall') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          response.end();
        }, outcome.stallMs);
        timers.add(timer);
      }
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `Simulator failure: ${(error as Error).message}` }));
    }
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
