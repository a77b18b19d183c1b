import { base64ToBytes, constantTimeEqual, type HeaderRead } from '@payweave/core';

/** The Basic credentials of a postback config (`basic_auth_username` / `basic_auth_password`). */
export interface PayaPostbackCredentials {
  /** `basic_auth_username` (no `:`, which Basic auth cannot carry in a username). */
  readonly username: string;
  /** `basic_auth_password`: a long random secret (32+ characters from a CSPRNG). */
  readonly password: string;
}

// RFC 7617: `Basic` (any case), one or more spaces, then token68; strict padded base64 only.
const basicHeader = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?: +(\S+))?$/;
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Why an `Authorization` header does not carry the expected Basic credentials, or
 * `undefined` when it does. Messages say why, never what the header held. The username and
 * the password are both compared, in constant time, whatever the first comparison gave.
 */
export function basicAuthProblem(header: HeaderRead, expected: PayaPostbackCredentials): string | undefined {
  if (header.kind === 'absent')
    return 'no Authorization header: Paya sends one only when the postback config has a basic_auth_username';
  if (header.kind === 'repeated')
    return 'the Authorization header was sent more than once: one of them may not be from Paya';
  const match = basicHeader.exec(header.value.trim());
  if (!match) return 'the Authorization header is not of the form "Basic <base64>"';
  if (match[1]!.toLowerCase() !== 'basic') return 'the Authorization header uses another scheme than Basic';
  const encoded = match[2];
  if (encoded === undefined) return 'the Authorization header has the Basic scheme but no credentials';
  const bytes = strictBase64.test(encoded) ? base64ToBytes(encoded) : undefined;
  if (bytes === undefined) return 'the Basic credentials are not valid (padded, standard) base64';
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return 'the Basic credentials are not UTF-8 text';
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return "the Basic credentials hold no ':' between the username and the password";
  // Both compared, and combined without short-circuit: a wrong username takes as long as a wrong password.
  const usernameMatches = Number(constantTimeEqual(decoded.slice(0, colon), expected.username));
  const passwordMatches = Number(constantTimeEqual(decoded.slice(colon + 1), expected.password));
  if ((usernameMatches & passwordMatches) !== 1)
    return 'the Basic credentials do not match the configured ones';
  return undefined;
}
