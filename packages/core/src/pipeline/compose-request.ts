import { buildUrl } from '../http/build-url.js';
import type { HttpRequest } from '../http/http-types.js';

/** One attempt as it goes on the wire. */
export interface ComposedRequest {
  /** Full URL. */
  readonly url: string;
  /** Every header, lower-case names. */
  readonly headers: Record<string, string>;
  /** The body text. */
  readonly body: string | undefined;
}

// CR, LF and NUL would let a hostile token or id add headers of its own; other control
// characters and anything past Latin-1 make the transport throw, which must not look like a
// request that may have been sent.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const unsafeHeaderValue = /[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/;

/** Thrown when a header value could split the request; the call fails before anything is sent. */
export class UnsafeHeaderError extends Error {
  /** The header whose value was refused (its value is never quoted: it may be a credential). */
  readonly header: string;

  /** Names the header. */
  constructor(header: string) {
    super(
      `the "${header}" header value contains a line break, a control character or a non-Latin-1 character, so the request was not sent`,
    );
    this.name = 'UnsafeHeaderError';
    this.header = header;
  }
}

/** Builds URL, headers and body of an attempt: base headers, then the request's, then auth. */
export function composeRequest(
  baseUrl: string,
  baseHeaders: Readonly<Record<string, string>>,
  request: HttpRequest,
  authHeaders: Readonly<Record<string, string>>,
): ComposedRequest {
  const url = buildUrl(baseUrl, request);
  // Names are lower-cased as they are merged, so `Authorization` and `authorization` never both go out.
  // No prototype, so a `__proto__` header name is a plain key (cheaper than defineProperty per header).
  const headers: Record<string, string> = Object.create(null);
  for (const source of [baseHeaders, request.headers, authHeaders]) {
    if (source)
      for (const name in source)
        if (Object.hasOwn(source, name)) headers[name.toLowerCase()] = source[name] as string;
  }
  let body: string | undefined;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] ??= 'application/json';
  } else if (request.form) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(request.form)) if (value !== undefined) form.append(key, value);
    body = form.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  for (const name in headers) {
    if (unsafeHeaderValue.test(String(headers[name]))) throw new UnsafeHeaderError(name);
  }
  return { url, headers, body };
}
