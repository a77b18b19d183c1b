import { bytesToBase64, pemToDer } from '@payweave/core';

/** How {@link LeadConnectorTestSigner.sign} signs one delivery. */
export interface LeadConnectorTestSignOptions {
  /** Also send the legacy `x-wh-signature` (RSA), as HighLevel did until 2026-09-01. Default `false`. */
  readonly legacyRsa?: boolean | undefined;
  /** Leave out `x-ghl-signature` (with `legacyRsa`: an RSA-only delivery). Default `false`. */
  readonly omitEd25519?: boolean | undefined;
}

/** A signed test delivery: post `body` with `headers`. */
export interface SignedLeadConnectorDelivery {
  /** The body exactly as signed. */
  readonly body: string;
  /** `content-type` and the signature header(s). */
  readonly headers: Record<string, string>;
}

/** Signs LeadConnector (HighLevel) webhook deliveries with keys of its own, for tests. */
export interface LeadConnectorTestSigner {
  /** The Ed25519 public key (SPKI PEM): pass it as `leadConnectorWebhooks({ publicKeys: [...] })`. */
  readonly publicKeyPem: string;
  /** The RSA-2048 public key (SPKI PEM): pass it as `legacyRsa: { publicKeys: [...] }`. */
  readonly rsaPublicKeyPem: string;
  /**
   * Signs a body as HighLevel does: Ed25519 over the body's bytes in `x-ghl-signature` (base64),
   * and with `legacyRsa` RSASSA-PKCS1-v1_5 SHA-256 in `x-wh-signature`. A string is signed as is;
   * an object is signed as `JSON.stringify(body)`.
   */
  sign(body: string | object, options?: LeadConnectorTestSignOptions): Promise<SignedLeadConnectorDelivery>;
}

/** Options of {@link createLeadConnectorTestSigner}. */
export interface LeadConnectorTestSignerOptions {
  /** Sign with this Ed25519 pair (PKCS#8 and SPKI PEM) instead of a fresh one. */
  readonly ed25519?: { readonly privateKeyPem: string; readonly publicKeyPem: string } | undefined;
}

const encoder = new TextEncoder();
const rsaAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** A SPKI or PKCS#8 DER key as PEM, 64 characters a line. */
function derToPem(der: ArrayBuffer | Uint8Array, label: 'PUBLIC KEY' | 'PRIVATE KEY'): string {
  const base64 = bytesToBase64(der instanceof Uint8Array ? der : new Uint8Array(der));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function derOf(pem: string): Uint8Array<ArrayBuffer> {
  const der = pemToDer(pem);
  if (der === undefined) throw new TypeError('createLeadConnectorTestSigner: a key is not PEM');
  return der as Uint8Array<ArrayBuffer>;
}

/**
 * A signer for LeadConnector test deliveries (the analogue of Stripe's
 * `generateTestHeaderString`): an Ed25519 and an RSA-2048 key pair made on WebCrypto, so it runs
 * wherever the receiver does. The receiver under test trusts the signer's public keys.
 *
 * @example
 * ```ts
 * const signer = await createLeadConnectorTestSigner();
 * const receiver = leadConnectorWebhooks({ publicKeys: [signer.publicKeyPem] });
 * const { body, headers } = await signer.sign({
 *   type: 'OrderCreate', _id: 'ord_1', timestamp: new Date().toISOString(), webhookId: crypto.randomUUID(),
 * });
 * const result = await receiver.unwrap(body, headers); // Ok({ type: 'OrderCreate', ... })
 * ```
 */
export async function createLeadConnectorTestSigner(
  options: LeadConnectorTestSignerOptions = {},
): Promise<LeadConnectorTestSigner> {
  let ed25519Private: CryptoKey;
  let publicKeyPem: string;
  if (options.ed25519 !== undefined) {
    ed25519Private = await crypto.subtle.importKey(
      'pkcs8',
      derOf(options.ed25519.privateKeyPem),
      { name: 'Ed25519' },
      false,
      ['sign'],
    );
    publicKeyPem = options.ed25519.publicKeyPem;
  } else {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    ed25519Private = pair.privateKey;
    publicKeyPem = derToPem(await crypto.subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
  }
  const rsa = (await crypto.subtle.generateKey(
    { ...rsaAlgorithm, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const rsaPublicKeyPem = derToPem(await crypto.subtle.exportKey('spki', rsa.publicKey), 'PUBLIC KEY');

  return {
    publicKeyPem,
    rsaPublicKeyPem,
    async sign(body, signOptions = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const bytes = encoder.encode(text);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (signOptions.omitEd25519 !== true) {
        const signature = await crypto.subtle.sign('Ed25519', ed25519Private, bytes);
        headers['x-ghl-signature'] = bytesToBase64(new Uint8Array(signature));
      }
      if (signOptions.legacyRsa === true) {
        const signature = await crypto.subtle.sign(rsaAlgorithm, rsa.privateKey, bytes);
        headers['x-wh-signature'] = bytesToBase64(new Uint8Array(signature));
      }
      return { body: text, headers };
    },
  };
}
