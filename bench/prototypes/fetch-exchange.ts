import type { Exchange } from './exchange.js';

// Unchanged from the core: response.text() does not watch the signal once headers are in.
function readText(response: Response, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      response.body?.cancel().catch(() => {});
      reject(signal.reason);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * PROTOTYPE: the exchange over a `fetch` (the global one or the user's), called with a
 * plain URL and init: no Request object, no clone, no second AbortController.
 */
export function fetchExchange(fetchImpl: typeof fetch = globalThis.fetch): Exchange {
  return async (url, method, headers, body, signal) => {
    const response = await fetchImpl(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal,
    });
    const text = await readText(response, signal);
    return { status: response.status, headers: response.headers, text };
  };
}
