/** A request as a simulator route sees it. */
export interface SimRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Path without the base URL's own path prefix (`/v2/transactions/abc`). */
  readonly path: string;
  /** Path parameters matched by the route (`:id`). */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters. */
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed body: JSON, a form as an object, text, or `undefined`. */
  readonly body: unknown;
  /** The body as sent. */
  readonly rawBody: string;
}

/** A response a route returns. */
export interface SimResponse {
  /** HTTP status. */
  status: number;
  /** JSON body (omit for an empty body). */
  body?: unknown;
  /** Raw text body, sent as is (wins over `body`). */
  text?: string;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** What the transport must do with a request. */
export type SimOutcome =
  | { readonly kind: 'respond'; readonly response: SimResponse; readonly delayMs?: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'stall'; readonly response: SimResponse; readonly stallMs: number };

/** One route of a simulator. */
export interface SimRoute<State> {
  /** Upper-case method. */
  readonly method: string;
  /** Path pattern with `:name` segments. */
  readonly path: string;
  /** Produces the response; may change the state. */
  readonly handle: (request: SimRequest, state: State) => SimResponse | Promise<SimResponse>;
}

/** One request as the simulator logged it. */
export interface LoggedRequest {
  /** Method. */
  readonly method: string;
  /** Path. */
  readonly path: string;
  /** Query parameters as an object (a repeated key keeps its last value; see `search`). */
  readonly query: Readonly<Record<string, string>>;
  /** The raw query string. */
  readonly search: string;
  /** Lower-case headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed body. */
  readonly body: unknown;
  /** Raw body text. */
  readonly rawBody: string;
  /** The status answered, or the fault applied. */
  readonly outcome: number | 'reset' | 'stall';
}
