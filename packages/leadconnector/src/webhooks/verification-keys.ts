import { PaymentsError, pemToDer } from '@payweave/core';

/** The two signature schemes HighLevel has used. */
export type SignatureScheme = 'ed25519' | 'rsa';

const algorithms: Record<SignatureScheme, RsaHashedImportParams | Algorithm> = {
  ed25519: { name: 'Ed25519' },
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
};

// Importing a key costs more than verifying with it, and receivers are often built per request
// (serverless handlers): one import per PEM for the life of the process. Bounded, since the PEMs
// come from configuration and a loop building receivers from changing input must not grow it.
const maxCachedKeys = 64;
const cache = new Map<string, Promise<CryptoKey>>();

/**
 * The DER bytes of a public key PEM, or a `configuration` error thrown at construction: a key
 * that cannot be read is a deployment mistake, better found at start-up than on the first delivery.
 */
export function publicKeyDer(pem: unknown, where: string): Uint8Array {
  const der = typeof pem === 'string' ? pemToDer(pem) : undefined;
  if (der === undefined || der.byteLength < 32) {
    throw new PaymentsError({
      code: 'configuration',
      provider: 'leadconnector',
      operation: 'leadconnector.webhooks',
      message: `leadconnector.webhooks: ${where} is not a public key in PEM form (-----BEGIN PUBLIC KEY-----)`,
    });
  }
  return der;
}

/** The verify-only CryptoKey of a SPKI public key PEM, imported once per PEM and scheme. */
export function importPublicKey(pem: string, scheme: SignatureScheme): Promise<CryptoKey> {
  const cacheKey = `${scheme}\n${pem}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const der = pemToDer(pem) ?? new Uint8Array(0);
  const imported = crypto.subtle.importKey(
    'spki',
    der as Uint8Array<ArrayBuffer>,
    algorithms[scheme],
    false,
    ['verify'],
  );
  // A failed import is not cached: the error must show again, not be masked by a stale promise.
  imported.catch(() => cache.delete(cacheKey));
  cache.set(cacheKey, imported);
  while (cache.size > maxCachedKeys) cache.delete(cache.keys().next().value as string);
  return imported;
}
