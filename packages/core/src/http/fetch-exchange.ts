import { attemptTimeoutError, type Exchange } from './exchange.js';

// response.text() stops watching the signal once the headers are in, so the body read is
// raced against it: a body that stalls must still end at the attempt's timeout.
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
 * The exchange over a `fetch` (the global one or the caller's): a plain URL and init, no
 * `Request` object, no clone. Works on every runtime.
 */
export function fetchExchange(fetchImplementation: typeof fetch = globalThis.fetch): Exchange {
  return async ({ url, method, headers, body, signal, timeoutMs }) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(attemptTimeoutError(timeoutMs)), timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchImplementation(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
      });
      const text = await readText(response, controller.signal);
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      // fetch rejects with its own AbortError; the reason says whether it was our timeout or the caller.
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
