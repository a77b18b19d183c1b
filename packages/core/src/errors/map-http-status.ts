import { ruleForStatus } from '../retry/status-rules.js';
import type { PaymentsErrorCode } from './error-codes.js';

/** The error code an HTTP status means when the provider body says nothing more specific. */
export function mapHttpStatus(status: number): PaymentsErrorCode {
  return ruleForStatus(status).code;
}
