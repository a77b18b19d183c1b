// The hosted forms' signature and data encoding ("HMAC Authentication Process.md"), with WebCrypto
// only: no Node module, so the builders run on edge runtimes, Deno, Bun and browsers alike.

const encoder = new TextEncoder();

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The `hash-key` of a form URL: HMAC-SHA256 keyed with the user's `user_hash_key` (UTF-8) over
 * `user_id + timestamp` (plain concatenation, user id first), as 64 lowercase hex characters.
 *
 * @example
 * ```ts
 * await formHashKey('my_user_hash_key', '11e7e1b2531a187a87647ed8', 1513362490);
 * // '244fd66e1b33b830d3496f91d9de1e83db8642dfe959de422b90470830488e8e'
 * ```
 */
export async function formHashKey(userHashKey: string, userId: string, timestamp: number): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new TypeError('WebCrypto (crypto.subtle) is not available in this runtime');
  const key = await subtle.importKey(
    'raw',
    encoder.encode(userHashKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await subtle.sign('HMAC', key, encoder.encode(`${userId}${timestamp}`));
  return toHex(new Uint8Array(signature));
}

/**
 * The `data` parameter: the JSON text's UTF-8 bytes as lowercase hex, two digits a byte (PHP
 * `bin2hex`). Unlike Paya's JavaScript helper, text outside ASCII is encoded correctly.
 *
 * @example
 * ```ts
 * hexData('{"transaction"'); // '7b227472616e73616374696f6e22'
 * ```
 */
export function hexData(json: string): string {
  return toHex(encoder.encode(json));
}
