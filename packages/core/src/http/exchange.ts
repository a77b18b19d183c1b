/** A response with its whole body read as text: all a transport hands back. */
export interface RawResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body. */
  readonly text: string;
  /** The `content-type` header, when the transport can read it without building `headers`. */
  readonly contentType?: string | null | undefined;
}

/** One request as a transport sends it. */
export interface ExchangeRequest {
  /** Full URL. */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /** Headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** Body text, when there is one. */
  readonly body: string | undefined;
  /** The caller's signal: rejects with its reason as soon as it aborts. */
  readonly signal: AbortSignal | undefined;
  /** The whole exchange, body included, must end within this; else it rejects with a `TimeoutError`. */
  readonly timeoutMs: number;
  /**
   * The most body bytes read (after decompression, where the transport decompresses); past
   * it the exchange stops reading and rejects with the error of {@link responseTooLargeError}.
   */
  readonly maxResponseBytes: number;
}

/**
 * Sends one request and reads the whole body. It never follows a redirect: a 3xx comes back
 * as it is, and the pipeline turns it into an error without sending anything anywhere else. The retry engine, JSON and error mapping
 * live above it, so a transport is only this: fetch, or Node's http module on Node. It owns
 * the attempt's timeout so that the fast path needs no `AbortController` per attempt
 * (creating one is a top self-time frame on Node 20).
 */
export type Exchange = (request: ExchangeRequest) => Promise<RawResponse>;

/** Which transport a client uses: `auto` (Node's http module on Node, else `fetch`) or `fetch`. */
export type TransportName = 'auto' | 'fetch';

/** The error an exchange rejects with when its timeout passes. */
export function attemptTimeoutError(timeoutMs: number): DOMException {
  return new DOMException(`No complete response within ${timeoutMs} ms.`, 'TimeoutError');
}

/** The name of the error an exchange rejects with when a body passes `maxResponseBytes`. */
export const responseTooLargeName = 'ResponseTooLargeError';

/** The error an exchange rejects with when a body passes `maxResponseBytes`. */
export function responseTooLargeError(maxResponseBytes: number): Error {
  const error = new Error(`The response body is larger than the ${maxResponseBytes}-byte limit.`);
  error.name = responseTooLargeName;
  return error;
}

/** Default `maxResponseBytes`: 10 MB, far above any documented payload of the four providers. */
export const defaultMaxResponseBytes = 10 * 1024 * 1024;
