import { configurationError } from './provider-runtime.js';

/**
 * The one base-URL rule of every provider, for a URL from settings and from an environment
 * variable alike (DESIGN.md section 5): credentials must never travel in clear text.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const spaceOrControl = /[\s\u0000-\u001f\u007f-\u009f]/;

const httpsRule = 'must be an https URL (http only on loopback: 127.0.0.0/8, localhost or [::1])';

// Hosts that never leave the machine: 127.0.0.0/8 (the URL parser has already turned
// `127.1` or `0x7f.1` into dotted decimal), `localhost` and IPv6 `::1`.
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

// The authority part as written (`user:pass@host:port`), before the parser drops an empty `@`.
function writtenAuthority(value: string): string {
  const afterScheme = value.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/i, '');
  return afterScheme.split(/[/\\?#]/, 1)[0] ?? '';
}

/**
 * Why `value` cannot be a base URL, or `undefined` when it can. Allowed: `https://`, or
 * `http://` on loopback (127.0.0.0/8, `localhost`, `[::1]`: tests and simulators); no user
 * name or password, no query or fragment, no spaces or control characters. The reason never
 * quotes a credential the URL held.
 *
 * @example
 * ```ts
 * baseUrlProblem('http://payments.example.com'); // 'must be an https URL (... ) (got http://payments.example.com)'
 * baseUrlProblem('http://127.0.0.1:4010'); // undefined
 * ```
 */
export function baseUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string')
    return `must be a string URL (got ${value === null ? 'null' : typeof value})`;
  if (value.trim() === '') return 'must not be empty';
  // The URL parser silently drops tabs, newlines and outer spaces: refuse them instead of guessing.
  if (spaceOrControl.test(value)) return 'must not contain spaces or control characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.username !== '' || url.password !== '' || writtenAuthority(value).includes('@')) {
    return 'must not contain a user name or password (give credentials in their own settings)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${httpsRule} (got ${url.protocol})`;
  if (url.hostname === '') return 'must name a host';
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return `${httpsRule} (got http://${url.host})`;
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    return 'must not have a query or fragment (? or #)';
  }
  return undefined;
}

/**
 * True for a URL {@link baseUrlProblem} accepts: https, or http on loopback (127.0.0.0/8,
 * `localhost`, `[::1]`), without credentials, query or fragment.
 */
export function isAllowedBaseUrl(value: string): boolean {
  return baseUrlProblem(value) === undefined;
}

/**
 * Checks a base URL for a provider factory and returns it normalised (as the URL parser
 * writes it, without a trailing slash). Throws a `configuration` error naming `source`:
 * the setting (`baseUrl`) or the environment variable it was read from
 * (`LEADCONNECTOR_BASE_URL`), so a client that would send credentials in clear text is never made.
 *
 * @example
 * ```ts
 * const fromEnvironment = settings.baseUrl === undefined ? readEnvironment('ACME_BASE_URL') : undefined;
 * const baseUrl = checkBaseUrl('acme', settings.baseUrl ?? fromEnvironment ?? 'https://api.acme.example',
 *   fromEnvironment !== undefined ? 'ACME_BASE_URL' : 'baseUrl');
 * ```
 */
export function checkBaseUrl(provider: string, value: unknown, source = 'baseUrl'): string {
  const problem = baseUrlProblem(value);
  if (problem !== undefined) throw configurationError(provider, source, problem);
  return new URL(value as string).href.replace(/\/+$/, '');
}
