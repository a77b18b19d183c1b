import {
  base64ToBytes,
  Err,
  Ok,
  type PaymentsError,
  type RawBody,
  type Result,
  readHeader,
  type WebhookHeaders,
  webhookError,
} from '@payweave/core';
import { LEADCONNECTOR_RSA_SIGNATURE_CUTOFF } from './published-keys.js';
import { importPublicKey, type SignatureScheme } from './verification-keys.js';

/**
 * Which bytes the signature covered: `raw`, the body exactly as received, or `compact`, the body
 * re-serialised with `JSON.stringify(JSON.parse(body))` (the form HighLevel's own examples sign).
 */
export type SignedForm = 'raw' | 'compact';

/** The keys a delivery is checked against, resolved from the receiver's options. */
export interface SignatureKeys {
  /** Ed25519 SPKI PEMs for `x-ghl-signature`; any one verifying is enough (rotation). */
  readonly ed25519: readonly string[];
  /** RSA SPKI PEMs for `x-wh-signature`, or `undefined` when legacy RSA is off. */
  readonly rsa: readonly string[] | undefined;
  /** Epoch ms from which legacy RSA is refused again, when a deadline was set. */
  readonly rsaUntilMs: number | undefined;
}

const provider = 'leadconnector';
const ed25519Header = 'x-ghl-signature';
const rsaHeader = 'x-wh-signature';
const ed25519SignatureBytes = 64;
const encoder = new TextEncoder();

const refuse = (detail: string): Result<never, PaymentsError> =>
  Err(webhookError(provider, 'webhook_signature', detail));

type HeaderState =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'not-applicable' }
  | { readonly kind: 'repeated' };

function readSignatureHeader(headers: WebhookHeaders, name: string): HeaderState {
  const read = readHeader(headers, name);
  if (read.kind !== 'value') return read;
  const value = read.value.trim();
  if (value === '') return { kind: 'absent' };
  // HighLevel's guide sends the literal `N/A` for "not signed".
  if (value.toUpperCase() === 'N/A') return { kind: 'not-applicable' };
  // Node joins a repeated header into one string with ", "; base64 never holds a comma.
  if (value.includes(',')) return { kind: 'repeated' };
  return { kind: 'value', value };
}

/** The compact re-serialisation of a JSON body, or `undefined` when the body is not JSON. */
function compactForm(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Verifies `signature` over the raw bytes, then (only if they fail and the body is JSON) over the
 * compact form. Every key is tried on each form, so a rotated key verifies like the old one.
 */
async function verifyForms(
  body: RawBody,
  signature: Uint8Array,
  keys: readonly CryptoKey[],
  scheme: SignatureScheme,
): Promise<SignedForm | undefined> {
  const algorithm = scheme === 'ed25519' ? 'Ed25519' : 'RSASSA-PKCS1-v1_5';
  const verifies = async (data: Uint8Array) => {
    for (const key of keys) {
      const ok = await crypto.subtle.verify(
        algorithm,
        key,
        signature as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
      if (ok) return true;
    }
    return false;
  };
  if (await verifies(body.bytes)) return 'raw';
  const compact = compactForm(body.text);
  if (compact === undefined || compact === body.text) return undefined;
  return (await verifies(encoder.encode(compact))) ? 'compact' : undefined;
}

async function importAll(
  pems: readonly string[],
  scheme: SignatureScheme,
): Promise<Result<CryptoKey[], PaymentsError>> {
  const keys: CryptoKey[] = [];
  for (const [index, pem] of pems.entries()) {
    try {
      keys.push(await importPublicKey(pem, scheme));
    } catch (cause) {
      const option = scheme === 'ed25519' ? 'publicKeys' : 'legacyRsa.publicKeys';
      const kind = scheme === 'ed25519' ? 'an Ed25519' : 'an RSA';
      return Err(
        webhookError(provider, 'configuration', `${option}[${index}] is not ${kind} public key (SPKI PEM)`, {
          cause,
        }),
      );
    }
  }
  return Ok(keys);
}

async function verifyEd25519(
  body: RawBody,
  value: string,
  pems: readonly string[],
): Promise<Result<SignedForm, PaymentsError>> {
  const signature = base64ToBytes(value);
  if (signature === undefined) return refuse(`${ed25519Header} is not base64`);
  if (signature.byteLength !== ed25519SignatureBytes) {
    return refuse(
      `${ed25519Header} decodes to ${signature.byteLength} bytes; an Ed25519 signature is ${ed25519SignatureBytes}`,
    );
  }
  const keys = await importAll(pems, 'ed25519');
  if (keys.isErr()) return keys;
  const form = await verifyForms(body, signature, keys.value, 'ed25519');
  if (form === undefined) {
    return refuse(
      `${ed25519Header} does not verify with ${pems.length === 1 ? 'the Ed25519 key' : `any of the ${pems.length} Ed25519 keys`} over the body (raw or compact JSON): a wrong key, or a body changed after signing`,
    );
  }
  return Ok(form);
}

async function verifyRsa(
  body: RawBody,
  value: string,
  pems: readonly string[],
): Promise<Result<SignedForm, PaymentsError>> {
  const signature = base64ToBytes(value);
  if (signature === undefined) return refuse(`${rsaHeader} is not base64`);
  const keys = await importAll(pems, 'rsa');
  if (keys.isErr()) return keys;
  // A signature is exactly as long as its key's modulus (512 bytes for HighLevel's 4096-bit key).
  const sized = keys.value.filter(
    (key) => (key.algorithm as RsaHashedKeyAlgorithm).modulusLength / 8 === signature.byteLength,
  );
  if (sized.length === 0) {
    const lengths = [
      ...new Set(keys.value.map((key) => (key.algorithm as RsaHashedKeyAlgorithm).modulusLength / 8)),
    ];
    return refuse(
      `${rsaHeader} decodes to ${signature.byteLength} bytes; the RSA key${lengths.length === 1 ? ' signs' : 's sign'} ${lengths.join(' or ')}`,
    );
  }
  const form = await verifyForms(body, signature, sized, 'rsa');
  if (form === undefined) {
    return refuse(
      `${rsaHeader} does not verify with the RSA key${pems.length === 1 ? '' : 's'} over the body (raw or compact JSON): a wrong key, or a body changed after signing`,
    );
  }
  return Ok(form);
}

/**
 * Checks a delivery's signature as HighLevel's guide orders it: when `x-ghl-signature` is there,
 * only Ed25519 decides (no fallback to RSA, which an attacker could otherwise pick); the legacy
 * `x-wh-signature` (RSA) is looked at only without it, and only when the caller opted in. Every
 * refusal is a `webhook_signature` error saying why, never quoting the header.
 */
export async function verifyLeadConnectorSignature(
  body: RawBody,
  headers: WebhookHeaders,
  keys: SignatureKeys,
  nowMs: number,
): Promise<Result<SignedForm, PaymentsError>> {
  const ed25519 = readSignatureHeader(headers, ed25519Header);
  if (ed25519.kind === 'repeated') {
    return refuse(`${ed25519Header} was sent more than once with different values`);
  }
  if (ed25519.kind === 'value') return verifyEd25519(body, ed25519.value, keys.ed25519);

  const rsa = readSignatureHeader(headers, rsaHeader);
  const why = ed25519.kind === 'not-applicable' ? `${ed25519Header} is N/A` : `no ${ed25519Header} header`;
  if (rsa.kind === 'absent' || rsa.kind === 'not-applicable') {
    return refuse(`the delivery is unsigned: ${why} and no ${rsaHeader} header`);
  }
  if (rsa.kind === 'repeated') return refuse(`${rsaHeader} was sent more than once with different values`);
  if (keys.rsa === undefined) {
    return refuse(
      `${why}; only the legacy ${rsaHeader} (RSA) was sent, which HighLevel retired on ${LEADCONNECTOR_RSA_SIGNATURE_CUTOFF}: pass legacyRsa: true to accept it`,
    );
  }
  if (keys.rsaUntilMs !== undefined && nowMs >= keys.rsaUntilMs) {
    return refuse(
      `${why}; legacy ${rsaHeader} (RSA) signatures were accepted until ${new Date(keys.rsaUntilMs).toISOString()}`,
    );
  }
  return verifyRsa(body, rsa.value, keys.rsa);
}
