/** The default largest webhook body: 1 MiB (provider events are a few kilobytes). */
export const defaultWebhookMaxBodyBytes = 1024 * 1024;

/** A body read as bytes and as strict UTF-8 text. */
export interface RawBody {
  /** The bytes as received. */
  readonly bytes: Uint8Array;
  /** The same bytes decoded as UTF-8 (invalid UTF-8 is refused, never replaced). */
  readonly text: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Why a body cannot be used, with the error code it earns. */
export interface BodyProblem {
  /** `webhook_signature` for something that is not the received bytes; `webhook_malformed` else. */
  readonly code: 'webhook_signature' | 'webhook_malformed';
  /** Why, for the error message. */
  readonly problem: string;
}

const malformed = (problem: string): BodyProblem => ({ code: 'webhook_malformed', problem });

/**
 * The body's bytes and text, or why it cannot be used: not bytes or text (a framework's parsed
 * object: nothing it holds can be verified), larger than `maxBytes`, or not UTF-8.
 */
export function readRawBody(body: unknown, maxBytes: number): RawBody | BodyProblem {
  let bytes: Uint8Array;
  if (typeof body === 'string') {
    // Measured before encoding would allocate a huge copy: a UTF-16 unit is at most 3 bytes.
    if (body.length > maxBytes) return malformed(`the body is larger than ${maxBytes} bytes`);
    bytes = encoder.encode(body);
  } else if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else if (ArrayBuffer.isView(body)) bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  else {
    return {
      code: 'webhook_signature',
      problem:
        body !== null && typeof body === 'object'
          ? 'the body is a parsed object, not the bytes received: pass the raw body (express.raw(), await request.arrayBuffer()); a signature covers bytes, and re-serialising a parsed body changes them'
          : `the body must be the raw bytes or text received, not ${body === null ? 'null' : typeof body}`,
    };
  }
  if (bytes.byteLength > maxBytes) return malformed(`the body is larger than ${maxBytes} bytes`);
  if (typeof body === 'string') return { bytes, text: body };
  try {
    return { bytes, text: decoder.decode(bytes) };
  } catch {
    return malformed('the body is not valid UTF-8');
  }
}

/** SHA-256 of the bytes as lower-case hex, through WebCrypto (a dedupe key for id-less deliveries). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
