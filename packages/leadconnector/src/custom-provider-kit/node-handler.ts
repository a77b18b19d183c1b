import { type NodeRequestLike, type NodeResponseLike, readNodeBody } from '@payweave/core';
import type { CustomProviderHandler } from './create-handler.js';

/**
 * The part of Node's `IncomingMessage` the adapter uses: core's request shape plus the method
 * and URL (declared here so payweave's types do not require `@types/node`).
 */
export interface CustomProviderNodeRequest extends NodeRequestLike {
  /** `POST`. */
  readonly method?: string | undefined;
  /** The request path. */
  readonly url?: string | undefined;
}

/**
 * A Node `queryUrl` endpoint: `(req, res) => Promise<void>`.
 *
 * @example
 * ```ts
 * const endpoint: CustomProviderNodeHandler = toNodeHandler(handler);
 * createServer((req, res) => void endpoint(req, res)).listen(3000);
 * ```
 */
export type CustomProviderNodeHandler = (
  request: CustomProviderNodeRequest,
  response: NodeResponseLike,
) => Promise<void>;

const encoder = new TextEncoder();

function sendJson(response: NodeResponseLike, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

/** The body as bytes: raw bytes or text as received, or a framework's parsed JSON written back. */
function toBytes(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // express.json() already parsed it: no signature covers a queryUrl body, so it is used as is.
  if (body !== null && typeof body === 'object') return encoder.encode(JSON.stringify(body));
  return undefined;
}

/**
 * Adapts a {@link CustomProviderHandler} to Node (`node:http`, Express, Fastify): reads the
 * body up to the handler's `maxBodyBytes` (413 past it, without reading further; a body a
 * framework already read, raw or parsed JSON, is taken as is), calls the handler and writes its
 * answer. Never rejects.
 *
 * @example
 * ```ts
 * import express from 'express';
 * const app = express();
 * app.post('/highlevel/query', toNodeHandler(createCustomProviderHandler(options)));
 * ```
 */
export function toNodeHandler(handler: CustomProviderHandler): CustomProviderNodeHandler {
  return async (request, response) => {
    let body: unknown;
    try {
      body = await readNodeBody(request, handler.maxBodyBytes);
    } catch {
      sendJson(response, 400, {
        success: false,
        error: 'malformed_json',
        message: 'The body could not be read.',
      });
      return;
    }
    // readNodeBody answers a symbol for a body past the cap.
    if (typeof body === 'symbol') {
      sendJson(response, 413, {
        success: false,
        error: 'payload_too_large',
        message: `The body is larger than ${handler.maxBodyBytes} bytes.`,
      });
      request.destroy?.();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'content-length' || name === 'transfer-encoding' || name === 'host') continue;
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const method = (request.method ?? 'POST').toUpperCase();
    const bytes = method === 'GET' || method === 'HEAD' ? undefined : toBytes(body);
    let answer: Response;
    try {
      answer = await handler(
        new Request(`http://localhost${request.url?.startsWith('/') ? request.url : '/'}`, {
          method,
          headers,
          ...(bytes === undefined ? {} : { body: bytes as Uint8Array<ArrayBuffer> }),
        }),
      );
    } catch {
      sendJson(response, 400, {
        success: false,
        error: 'malformed_json',
        message: 'The request could not be read.',
      });
      return;
    }
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      response.setHeader(name, value);
    });
    response.end(await answer.text());
  };
}
