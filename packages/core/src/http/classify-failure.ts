import { responseTooLargeName } from './exchange.js';

/** Why an attempt ended without a usable response. */
export type FailureKind = 'timeout' | 'aborted' | 'connect' | 'network' | 'too_large';

// Error codes that prove the request never reached the server.
const connectCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Sorts an exchange's rejection into a {@link FailureKind}. */
export function classifyFailure(error: unknown, callerAborted: boolean): FailureKind {
  if (callerAborted) return 'aborted';
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  if (name === responseTooLargeName) return 'too_large';
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectCodes.has(code)) return 'connect';
    current = (current as { cause?: unknown }).cause;
  }
  return 'network';
}
