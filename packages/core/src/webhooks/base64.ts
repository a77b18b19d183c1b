const alphabet = /^[A-Za-z0-9+/]*={0,2}$/;
const urlAlphabet = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64 into bytes, or `undefined` when the text is not base64
 * (a signature header an attacker filled with anything). Uses `atob`, present on every runtime.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return undefined;
  let standard = trimmed;
  if (!alphabet.test(trimmed)) {
    if (!urlAlphabet.test(trimmed)) return undefined;
    standard = trimmed.replaceAll('-', '+').replaceAll('_', '/');
  }
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Encodes bytes as standard base64 (with padding). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The DER bytes inside a PEM block (`-----BEGIN PUBLIC KEY-----`), or `undefined` when the text
 * holds no such block.
 */
export function pemToDer(pem: string): Uint8Array | undefined {
  const match = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END [A-Z ]+-----/.exec(pem);
  const body = (match?.[1] ?? pem).replace(/\s+/g, '');
  return base64ToBytes(body);
}
