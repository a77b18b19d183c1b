import type * as Http from 'node:http';
import type { Exchange } from './exchange.js';

/**
 * PROTOTYPE: one request over node:http / node:https with keep-alive agents. Node's
 * `fetch` (undici behind WHATWG streams) costs several times a plain http request per
 * call on Node 20; stripe-node takes this path too. The signal aborts the request at
 * any point, body included (the request is destroyed with the signal's reason).
 */
export function nodeExchange(http: typeof Http, https: typeof Http): Exchange {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, method, headers, body, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const secure = url.startsWith('https:');
      const payload = body === undefined ? undefined : String(body);
      const outgoing = { ...headers };
      if (payload !== undefined) outgoing['content-length'] = String(Buffer.byteLength(payload));
      const request = (secure ? https : http).request(url, {
        method,
        headers: outgoing,
        agent: secure ? agents.https : agents.http,
      });
      const onAbort = () =>
        request.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
      signal.addEventListener('abort', onAbort, { once: true });
      const fail = (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? signal.reason : error);
      };
      request.on('error', fail);
      request.on('response', (response) => {
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('error', fail);
        response.on('end', () => {
          signal.removeEventListener('abort', onAbort);
          resolve({ status: response.statusCode ?? 0, headers: toHeaders(response.headers), text });
        });
      });
      request.end(payload);
    });
}

// The core hands `Headers` to mapError, limiters and hooks; build one from Node's object.
function toHeaders(raw: Http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}
