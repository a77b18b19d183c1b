/** A response with its whole body read as text: all a transport hands back. */
export interface RawResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body. */
  readonly text: string;
}

/**
 * Sends one request and reads the whole body; rejects when `signal` aborts, at any point
 * (body included). The retry engine, timeouts, JSON and error mapping live above it, so a
 * transport is only this: fetch, or Node's http module on Node.
 */
export type Exchange = (
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
) => Promise<RawResponse>;

/** Which transport a client uses: `auto` (Node's http module on Node, else `fetch`) or `fetch`. */
export type TransportName = 'auto' | 'fetch';
