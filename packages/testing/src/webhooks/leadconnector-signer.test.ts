import { base64ToBytes, pemToDer } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { createLeadConnectorTestSigner } from './leadconnector-signer.js';

const verify = async (
  pem: string,
  algorithm: AlgorithmIdentifier | RsaHashedImportParams,
  signature: string,
  body: string,
) => {
  const key = await crypto.subtle.importKey(
    'spki',
    pemToDer(pem) as Uint8Array<ArrayBuffer>,
    algorithm,
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    algorithm,
    key,
    base64ToBytes(signature) as Uint8Array<ArrayBuffer>,
    new TextEncoder().encode(body),
  );
};

describe('createLeadConnectorTestSigner', () => {
  it('signs the body with Ed25519 in x-ghl-signature, and with RSA in x-wh-signature on request', async () => {
    const signer = await createLeadConnectorTestSigner();
    expect(signer.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const { body, headers } = await signer.sign({ type: 'OrderCreate', amount: 1 });
    expect(body).toBe('{"type":"OrderCreate","amount":1}');
    expect(Object.keys(headers).sort()).toEqual(['content-type', 'x-ghl-signature']);
    expect(base64ToBytes(headers['x-ghl-signature']!)).toHaveLength(64);
    expect(await verify(signer.publicKeyPem, { name: 'Ed25519' }, headers['x-ghl-signature']!, body)).toBe(
      true,
    );

    const legacy = await signer.sign('{ "pretty": true }', { legacyRsa: true, omitEd25519: true });
    expect(legacy.body).toBe('{ "pretty": true }');
    expect(legacy.headers['x-ghl-signature']).toBeUndefined();
    expect(base64ToBytes(legacy.headers['x-wh-signature']!)).toHaveLength(256);
    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    expect(await verify(signer.rsaPublicKeyPem, rsa, legacy.headers['x-wh-signature']!, legacy.body)).toBe(
      true,
    );
  });

  it('uses fresh keys per signer, or the Ed25519 pair it is given', async () => {
    const [a, b] = await Promise.all([createLeadConnectorTestSigner(), createLeadConnectorTestSigner()]);
    expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
    const { generateKeyPairSync } = await import('node:crypto');
    const pair = generateKeyPairSync('ed25519', {
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const given = await createLeadConnectorTestSigner({
      ed25519: { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey },
    });
    expect(given.publicKeyPem).toBe(pair.publicKey);
    const { body, headers } = await given.sign('{}');
    expect(await verify(pair.publicKey, { name: 'Ed25519' }, headers['x-ghl-signature']!, body)).toBe(true);
  });
});
