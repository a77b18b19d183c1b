/**
 * The one rule for a value that becomes a path segment (an id in `/v2/invoices/{invoiceId}/pay`),
 * shared by every operation of every provider and by the facade (DESIGN.md section 5).
 */

/** The longest value accepted as one path segment. */
export const maxPathSegmentLength = 256;

// C0 controls, DEL and C1 controls: never part of an id, and a header or log line could be split by them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
// A UTF-16 half without its other half: `encodeURIComponent` throws on it.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const percentByte = /%([0-9a-f]{2})/gi;
const dotSegment = (segment: string) => segment === '.' || segment === '..';

/**
 * `value` with every `%XX` decoded, again and again until nothing changes: what a server
 * that decodes once, twice or more would see (`%252e` -> `%2e` -> `.`). Byte by byte, so a
 * malformed sequence never throws.
 */
function decodeRepeatedly(value: string): string {
  let current = value;
  // Each round that changes anything makes the text shorter, so this ends; the cap is a backstop.
  for (let round = 0; round < 16; round += 1) {
    const next = current.replace(percentByte, (_match, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Why `value` cannot go into a path as one segment, or `undefined` when it can. It must be
 * a non-empty string (or a finite number) of at most {@link maxPathSegmentLength}
 * characters, not `.` or `..` (not even percent-encoded, `%2e%2e`), holding no `.` or `..`
 * between slashes, and no control character (not even percent-encoded, `%0a`). `/`, `?`
 * and `#` are allowed: {@link encodePathSegment} percent-encodes them.
 *
 * @example
 * ```ts
 * pathSegmentProblem('..'); // 'must not be "." or ".." (it would change the route)'
 * pathSegmentProblem('inv_123'); // undefined
 * ```
 */
export function pathSegmentProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'is required';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `must be a finite number (got ${String(value)})`;
  }
  if (typeof value !== 'string')
    return `must be a string (got ${Array.isArray(value) ? 'an array' : typeof value})`;
  if (value === '') return 'must not be empty';
  if (value.length > maxPathSegmentLength) {
    return `must be at most ${maxPathSegmentLength} characters (got ${value.length})`;
  }
  if (controlCharacter.test(value)) return 'must not contain control characters';
  if (loneSurrogate.test(value)) return 'must be well-formed text (it holds half of a UTF-16 pair)';
  const decoded = decodeRepeatedly(value);
  if (dotSegment(decoded)) {
    return decoded === value
      ? 'must not be "." or ".." (it would change the route)'
      : 'must not be "." or ".." even percent-encoded (it would change the route)';
  }
  if (controlCharacter.test(decoded)) return 'must not contain control characters, even percent-encoded';
  if (decoded.split(/[/\\]/).some(dotSegment)) {
    return 'must not hold a "." or ".." segment between slashes (it could change the route)';
  }
  return undefined;
}

/**
 * Thrown by {@link encodePathSegment} for a value the path-segment rule refuses. Its message
 * is `field: why`; the operation layer turns it into a `validation` error and sends nothing.
 */
export class PathSegmentError extends Error {
  /** The input field that held the value (`orderId`). */
  readonly field: string;
  /** Why it was refused (`must not be "." or ".." (it would change the route)`). */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'PathSegmentError';
    this.field = field;
    this.reason = reason;
  }
}

/**
 * Checks `value` against the path-segment rule ({@link pathSegmentProblem}) and returns it
 * percent-encoded for one path segment; throws a {@link PathSegmentError} naming `field`
 * and the reason otherwise. Core's `fillPath` calls it for every `{name}` of every
 * operation; a provider that builds a path by hand must call it too.
 *
 * @example
 * ```ts
 * `/v2/invoices/${encodePathSegment('invoiceId', input.invoiceId)}/pay`;
 * encodePathSegment('orderId', '..'); // throws: orderId: must not be "." or ".." (it would change the route)
 * ```
 */
export function encodePathSegment(field: string, value: unknown): string {
  const problem = pathSegmentProblem(value);
  if (problem !== undefined) throw new PathSegmentError(field, problem);
  return encodeURIComponent(String(value));
}
