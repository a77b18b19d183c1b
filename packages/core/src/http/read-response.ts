import type { RawResponse } from './exchange.js';
import type { HttpResponse } from './http-types.js';

/**
 * A response as the pipeline reads it: the transport's answer plus the parsed body. `headers`
 * is read through to the transport's response, so a transport that builds `Headers` only when
 * asked (Node's) is not made to build them for a success nobody inspects. A class, not an
 * object literal with a getter: the getter's closure kept the whole `send` scope of each call
 * alive, and paging 100,000 records peaked 20% higher (bench/RESULTS.md, section 2).
 */
export class ReadResponse implements HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** The body as text. */
  readonly text: string;
  /** The parsed body (JSON), the text, or `undefined` when empty. */
  readonly body: unknown;
  /** True when the body could not be read as the content type says. */
  readonly malformed: boolean;
  readonly #raw: RawResponse;

  /** Wraps a transport's answer and its parsed body. */
  constructor(raw: RawResponse, body: unknown, malformed: boolean) {
    this.status = raw.status;
    this.text = raw.text;
    this.body = body;
    this.malformed = malformed;
    this.#raw = raw;
  }

  /** Response headers (built by the transport on first read, where it builds them lazily). */
  get headers(): Headers {
    return this.#raw.headers;
  }
}
