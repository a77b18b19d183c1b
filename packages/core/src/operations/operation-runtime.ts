import type { Result } from 'ts-results-es';
import type { PaymentsErrorInit } from '../errors/payments-error.js';
import type { HttpClient } from '../http/http-client.js';
import type { HttpResponse } from '../http/http-types.js';
import type { AnyOperation } from './operation.js';

/** What a provider client runs its operations with. */
export interface OperationRuntime {
  /** Provider id. */
  readonly provider: string;
  /** The transport. */
  readonly http: HttpClient;
  /**
   * Unwraps a success envelope (connectFi `{code: "0", data}`); an `Err` turns a 2xx into
   * an error (an envelope that reports failure).
   */
  readonly unwrap?:
    | ((body: unknown, response: HttpResponse) => Result<unknown, Partial<PaymentsErrorInit>>)
    | undefined;
  /**
   * Client defaults filled into every input before validation (LeadConnector's `altId` from
   * the client's `locationId`). Returns the input to validate.
   */
  readonly inputDefaults?: ((operation: AnyOperation, input: unknown) => unknown) | undefined;
}
