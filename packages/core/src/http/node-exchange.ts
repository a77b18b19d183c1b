import type * as NodeHttp from 'node:http';
import { attemptTimeoutError, type Exchange, type RawResponse, responseTooLargeError } from './exchange.js';

type HttpModule = typeof NodeHttp;

// The core hands `Headers` to error mappers, limiters and hooks; build one from Node's object.
function toHeaders(raw: NodeHttp.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * A response whose `Headers` are built on first read: a success is usually decoded without
 * looking at a header, and building a `Headers` from Node's object was ~10 µs of every call
 * (bench/profile). `contentType` is read straight from Node's object for the body parser.
 */
function lazyHeaders(status: number, raw: NodeHttp.IncomingHttpHeaders, text: string): RawResponse {
  let headers: Headers | undefined;
  return {
    status,
    get headers() {
      headers ??= toHeaders(raw);
      return headers;
    },
    contentType: raw['content-type'] ?? null,
    text,
  };
}

const encoder = new TextEncoder();

// This exchange runs only on Node, where Buffer counts UTF-8 bytes without encoding a copy.
const utf8Length = (text: string): number =>
  typeof globalThis.Buffer === 'function'
    ? globalThis.Buffer.byteLength(text, 'utf8')
    : encoder.encode(text).byteLength;

/**
 * One request over Node's http / https modules with keep-alive agents. On Node 20, `fetch`
 * (undici behind WHATWG streams) costs several times a plain http request per call; this
 * is the path stripe-node takes too (bench/RESULTS.md). A timer destroys the request when
 * the attempt's time is up, body included. The modules are passed in, so this file imports
 * nothing from Node and bundles for any runtime.
 */
export function nodeExchange(http: HttpModule, https: HttpModule): Exchange {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return ({ url, method, headers, body, signal, timeoutMs, maxResponseBytes }) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const secure = url.startsWith('https:');
      const outgoing =
        body === undefined ? headers : { ...headers, 'content-length': String(utf8Length(body)) };
      const request = (secure ? https : http).request(url, {
        method,
        headers: outgoing,
        agent: secure ? agents.https : agents.http,
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const fail = (error: unknown) => {
        request.destroy();
        settle(() => reject(error));
      };
      const timer = setTimeout(() => fail(attemptTimeoutError(timeoutMs)), timeoutMs);
      const onAbort = () => fail(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', fail);
      // Node's http module follows no redirect and decompresses nothing, so counting the bytes
      // as they arrive is the whole size cap.
      request.on('response', (response) => {
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxResponseBytes) {
          response.resume();
          fail(responseTooLargeError(maxResponseBytes));
          return;
        }
        const decoder = new TextDecoder();
        let text = '';
        let received = 0;
        response.on('data', (chunk: Uint8Array) => {
          received += chunk.byteLength;
          if (received > maxResponseBytes) {
            fail(responseTooLargeError(maxResponseBytes));
            return;
          }
          text += decoder.decode(chunk, { stream: true });
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('The response was aborted.')));
        response.on('end', () =>
          settle(() =>
            resolve(lazyHeaders(response.statusCode ?? 0, response.headers, text + decoder.decode())),
          ),
        );
      });
      request.end(body);
    });
}
