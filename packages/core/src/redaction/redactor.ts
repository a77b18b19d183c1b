/** What replaces a secret wherever one would have appeared. */
export const REDACTED = '[REDACTED]';

// Keys whose values are secret whatever they hold. Compared after lower-casing and removing `_` and `-`.
const sensitiveKeys = new Set([
  'authorization',
  'password',
  'secret',
  'clientsecret',
  'token',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'idtoken',
  'apikey',
  'cookie',
  'setcookie',
  'accountnumber',
  'cardnumber',
  'number',
  'pan',
  'cvv',
  'cvv2',
  'cvc',
  'securitycode',
  'trackdata',
  'routing',
  'routingnumber',
  'abanumber',
  'ssn',
  'ssn4',
  'dobyear',
  'dateofbirth',
  'dob',
  'dlnumber',
  'licensenumber',
  'licencenumber',
  'driverslicense',
  'code',
]);

// `code` is only secret as the OAuth authorization code; elsewhere it is a harmless status.
const keysSecretOnlyAsStrings = new Set(['code', 'number']);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

// Fields that only occur in OAuth token requests, where `code` is the authorization code.
const oauthMarkers = ['grant_type', 'client_id', 'redirect_uri'];

function isSecretField(extraKeys: ReadonlySet<string>, holder: object, key: string, field: unknown): boolean {
  const normalised = normaliseKey(key);
  if (!sensitiveKeys.has(normalised) && !extraKeys.has(normalised)) return false;
  if (!keysSecretOnlyAsStrings.has(normalised)) return true;
  if (typeof field === 'number') return /\d{6,}/.test(String(field));
  if (typeof field !== 'string') return false;
  return /\d{6,}/.test(field) || (normalised === 'code' && oauthMarkers.some((marker) => marker in holder));
}

/** True when a field or header with this name holds a secret whatever the provider. */
export function isSensitiveKey(key: string): boolean {
  return sensitiveKeys.has(normaliseKey(key));
}

// Header names that carry credentials in any provider's scheme (`x-api-key`, `x-auth-token`).
const credentialHeader = /key|token|secret|auth|password|cookie|session/i;

/** Sets an own property even for `__proto__`, so a hostile key never changes a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What a provider adds to the built-in list of secret names (from its descriptor). */
export interface RedactorOptions {
  /** Field names whose values are secret for this provider (`DFIAccountNumber`). */
  sensitiveFields?: readonly string[] | undefined;
  /** Header names that carry this provider's credentials (`user-id`, `developer-id`). */
  sensitiveHeaders?: readonly string[] | undefined;
}

// 12 to 19 digits, optionally grouped by spaces or dashes: card (PAN) and bank account numbers.
// Bounded by non-digits rather than word boundaries, so `card_4111111111111111` is caught too.
const longDigitRun = /(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)/g;

/**
 * Removes secrets from anything the SDK might show: log fields, error messages, hook
 * payloads and `inspect` output. Knows secrets two ways: by the name of the field that
 * holds them, and by value (every credential a client is given is registered with
 * {@link Redactor.addSecret}, so it is scrubbed even from free text).
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #fields: ReadonlySet<string>;
  readonly #headers: ReadonlySet<string>;

  /** A redactor that also knows the provider's own secret field and header names. */
  constructor(options: RedactorOptions = {}) {
    this.#fields = new Set((options.sensitiveFields ?? []).map(normaliseKey));
    this.#headers = new Set((options.sensitiveHeaders ?? []).map((name) => name.toLowerCase()));
  }

  /** True when a field with this name holds a secret (built-in names and the provider's). */
  isSensitiveField(key: string): boolean {
    const normalised = normaliseKey(key);
    return sensitiveKeys.has(normalised) || this.#fields.has(normalised);
  }

  /** Registers a value that must never be shown (credentials, tokens). Values shorter than 4 are ignored. */
  addSecret(value: string | undefined | null): void {
    if (typeof value === 'string' && value.length >= 4) this.#secrets.add(value);
  }

  /** Removes a value that is no longer a secret (never needed for correctness, keeps the set small). */
  removeSecret(value: string | undefined): void {
    if (value !== undefined) this.#secrets.delete(value);
  }

  /**
   * Scrubs registered secrets, `extra` values (what the request held at sensitive fields,
   * which providers echo back in error messages) and card-like digit runs from free text.
   */
  text(value: string, extra: readonly string[] = []): string {
    let result = value;
    // Longest first: a shorter secret inside a longer one must not leave the rest of it showing.
    const secrets = [...this.#secrets, ...extra]
      .filter((secret) => secret !== '')
      .sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result.replace(longDigitRun, (digits) => `${REDACTED}${digits.replace(/\D/g, '').slice(-4)}`);
  }

  /** The values held at sensitive fields of `value` (a request body), longest first. */
  sensitiveValues(value: unknown): string[] {
    const found = new Set<string>();
    const walk = (node: unknown, depth: number) => {
      if (node === null || typeof node !== 'object' || depth > 12) return;
      for (const [key, field] of Object.entries(node)) {
        if (
          (typeof field === 'string' || typeof field === 'number') &&
          isSecretField(this.#fields, node, key, field)
        ) {
          const text = String(field);
          if (text.length >= 3) found.add(text);
        } else {
          walk(field, depth + 1);
        }
      }
    };
    walk(value, 0);
    return [...found].sort((a, b) => b.length - a.length);
  }

  /** Deep copy of `value` with secret fields replaced and strings scrubbed (of `extra` values too). */
  value(value: unknown, extra: readonly string[] = [], depth = 0): unknown {
    if (typeof value === 'string') return this.text(value, extra);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 12) return '[Truncated]';
    if (Array.isArray(value)) return value.map((item) => this.value(item, extra, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const secret = isSecretField(this.#fields, value, key, field);
      setOwn(
        copy,
        this.text(key, extra),
        secret && field !== null && field !== undefined && field !== ''
          ? REDACTED
          : this.value(field, extra, depth + 1),
      );
    }
    return copy;
  }

  /** Headers with every credential header replaced. */
  headers(headers: Record<string, string>): Record<string, string> {
    const copy: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      setOwn(
        copy,
        name,
        isSensitiveKey(name) || credentialHeader.test(name) || this.#headers.has(name.toLowerCase())
          ? REDACTED
          : this.text(value),
      );
    }
    return copy;
  }
}
