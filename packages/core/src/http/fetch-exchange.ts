import { attemptTimeoutError, type Exchange, responseTooLargeError } from './exchange.js';

// Reads the body chunk by chunk so that a huge body, or a small gzip that fetch inflates into a
// huge one, stops at the cap instead of filling memory. response.text() would read it whole.
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw responseTooLargeError(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  // The body read is raced against the signal: some runtimes stop watching it once headers arrive.
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => {});
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        reader.cancel().catch(() => {});
        throw responseTooLargeError(maxBytes);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The exchange over a `fetch` (the global one or the caller's): a plain URL and init, no
 * `Request` object, no clone. Works on every runtime. `redirect: 'manual'` keeps a 3xx from
 * being followed, so credentials and card data never reach the origin a Location names.
 */
export function fetchExchange(fetchImplementation: typeof fetch = globalThis.fetch): Exchange {
  return async ({ url, method, headers, body, signal, timeoutMs, maxResponseBytes }) => {
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
        redirect: 'manual',
        signal: controller.signal,
      });
      // Browsers and some edge runtimes hide a manual redirect as an opaque response (status 0).
      if (response.type === 'opaqueredirect') return { status: 0, headers: response.headers, text: '' };
      const text = await readCapped(response, maxResponseBytes, controller.signal);
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
