import { type DeliveryAnswer, handleDelivery, type WebhookHandlerOptions } from './handle-delivery.js';
import type { WebhookEventBase, WebhookReceiver } from './webhook-types.js';

/**
 * The part of Node's `IncomingMessage` the adapter uses (declared here so payweave's types do
 * not require `@types/node`). `body` is what a framework put there: a `Buffer` from
 * `express.raw()` is used; a parsed object is refused.
 */
export interface NodeRequestLike {
  /** Request headers, names lower-cased by Node. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * Every value of every header (Node 18.3+). Preferred: `headers` silently keeps one of two
   * `Authorization` headers, which would hide a second one an attacker added.
   */
  readonly headersDistinct?: Readonly<Record<string, readonly string[] | undefined>> | undefined;
  /** A body a framework already read, if any. */
  readonly body?: unknown;
  /** Node's stream events. */
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  /** Node's stream events. */
  on(event: 'end' | 'close', listener: () => void): unknown;
  /** Node's stream events. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Stops the stream (a body past the cap is not read further). */
  destroy?(error?: Error): unknown;
}

/** The part of Node's `ServerResponse` the adapter uses. */
export interface NodeResponseLike {
  /** HTTP status to send. */
  statusCode: number;
  /** Sets a response header. */
  setHeader(name: string, value: string): unknown;
  /** Sends the body and ends the response. */
  end(body?: string): unknown;
}

const tooLarge = Symbol('too large');

/** Reads a Node request's body as bytes up to `maxBytes`; a framework's pre-read body is returned as is. */
export function readNodeBody(request: NodeRequestLike, maxBytes: number): Promise<unknown | typeof tooLarge> {
  if (request.body !== undefined) return Promise.resolve(request.body);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(tooLarge);
  const encoder = new TextEncoder();
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    request.on('data', (chunk) => {
      if (settled) return;
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > maxBytes) {
        settled = true;
        resolve(tooLarge);
        return;
      }
      chunks.push(bytes);
    });
    request.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
}

function send(response: NodeResponseLike, answer: DeliveryAnswer): void {
  response.statusCode = answer.status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(answer.body));
}

/**
 * A Node webhook endpoint (Express, Fastify, `node:http`): reads the raw body (or takes the
 * `Buffer` `express.raw()` left on `req.body`), verifies and dedupes the delivery, runs
 * `onEvent`, and answers as {@link handleWebhookRequest} does. Mount it before any JSON body
 * parser: a parsed body cannot be verified and is answered 401.
 *
 * @example
 * ```ts
 * const receiver = payaPostbacks({ basicAuth: { username: 'paya', password: process.env.PAYA_POSTBACK_SECRET! } });
 * app.post('/webhooks/paya', express.raw({ type: '*\/*' }), (req, res) =>
 *   handleNodeWebhook(receiver, req, res, async (event) => { await enqueue(event); }),
 * );
 * ```
 */
export async function handleNodeWebhook<Event extends WebhookEventBase>(
  receiver: WebhookReceiver<Event>,
  request: NodeRequestLike,
  response: NodeResponseLike,
  onEvent: (event: Event) => unknown,
  options: WebhookHandlerOptions = {},
): Promise<void> {
  let body: unknown;
  try {
    body = await readNodeBody(request, receiver.maxBodyBytes);
  } catch (error) {
    options.onError?.(error);
    send(response, { status: 400, body: { received: false, error: 'webhook_malformed' } });
    return;
  }
  if (body === tooLarge) {
    send(response, { status: 413, body: { received: false, error: 'webhook_malformed' } });
    request.destroy?.();
    return;
  }
  const headers = request.headersDistinct ?? request.headers;
  send(response, await handleDelivery(receiver, body as Uint8Array, headers, onEvent, options));
}
