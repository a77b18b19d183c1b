/** A response with its body read as text: all the transport hands back. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one request and reads the whole body, rejecting when `signal` aborts (at any
 * point, body included). PROTOTYPE of the seam that replaces ky in the core transport.
 */
export type Exchange = (
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | URLSearchParams | undefined,
  signal: AbortSignal,
) => Promise<RawResponse>;
