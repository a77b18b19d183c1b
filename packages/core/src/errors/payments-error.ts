import type { AttemptRecord } from './attempt-record.js';
import type { PaymentsErrorCode } from './error-codes.js';

/** Field name (dotted path) to the messages that describe what is wrong with it. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** Everything a {@link PaymentsError} can carry. Only `code` and `message` are required. */
export interface PaymentsErrorInit {
  /** What kind of failure this is. */
  code: PaymentsErrorCode;
  /** A sentence for humans; never holds a credential. */
  message: string;
  /** Provider id (`paya`, `leadconnector`, ...). */
  provider?: string | undefined;
  /** Operation id (`paya.transactions.sale`). */
  operation?: string | undefined;
  /** HTTP status of the last response. */
  httpStatus?: number | undefined;
  /** The provider's own error code (`paymentStatus`, `requestValidateError`, ...). */
  providerCode?: string | undefined;
  /** The provider's own error message. */
  providerMessage?: string | undefined;
  /** Per-field messages, normalised from each provider's shape. */
  fieldErrors?: FieldErrors | undefined;
  /** A request id the provider or the SDK assigned. */
  requestId?: string | undefined;
  /** A trace id the provider returned (LeadConnector `traceId`). */
  traceId?: string | undefined;
  /** Whether trying the same call again later may succeed. */
  retryable?: boolean | undefined;
  /** How long the provider asked us to wait. */
  retryAfterMs?: number | undefined;
  /**
   * A write may have happened: the provider may have acted on a request whose answer was
   * lost or unreadable. Look the record up (by `reference`) before doing anything else;
   * never send it again blindly.
   */
  outcomeUnknown?: boolean | undefined;
  /** The client reference the record can be looked up by (Paya `transaction_api_id`). */
  reference?: string | undefined;
  /** What happened on each try. */
  attempts?: readonly AttemptRecord[] | undefined;
  /** The underlying error (network failure, parse error). Not serialised. */
  cause?: unknown;
}

/**
 * The brand every {@link PaymentsError} carries. `Symbol.for` gives the same symbol to every
 * copy of payweave in a process (its ESM and CJS builds, or two versions), so an error made by
 * one copy is recognised by another: the dual-package hazard that defeats `instanceof`.
 */
const brand: unique symbol = /* @__PURE__ */ Symbol.for('payweave.PaymentsError');

/** True when `value` carries the {@link PaymentsError} brand, whichever copy of payweave made it. */
function hasBrand(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [brand]?: unknown })[brand] === true
  );
}

const defaultRetryable: Partial<Record<PaymentsErrorCode, boolean>> = {
  rate_limited: true,
  provider_unavailable: true,
  network: true,
  timeout: true,
};

/**
 * The one error type of payweave. Every method returns `Err(PaymentsError)` rather than
 * throwing; page iterators throw it. `instanceof PaymentsError` and {@link isPaymentsError}
 * recognise an error made by any copy of payweave in the process (its ESM and CJS builds).
 *
 * @example
 * ```ts
 * const result = await paya.transactions.sale(input);
 * if (result.isErr()) {
 *   const error = result.error;
 *   if (error.code === 'validation') console.log(error.fieldErrors); // nothing was sent
 *   if (error.outcomeUnknown) console.log('look up', error.reference, 'before retrying');
 * }
 * ```
 */
export class PaymentsError extends Error {
  /** What kind of failure this is. */
  readonly code: PaymentsErrorCode;
  /** Provider id. */
  readonly provider: string | undefined;
  /** Operation id. */
  readonly operation: string | undefined;
  /** HTTP status of the last response. */
  readonly httpStatus: number | undefined;
  /** The provider's own error code. */
  readonly providerCode: string | undefined;
  /** The provider's own error message. */
  readonly providerMessage: string | undefined;
  /** Per-field messages. */
  readonly fieldErrors: FieldErrors | undefined;
  /** Request id. */
  readonly requestId: string | undefined;
  /** Provider trace id. */
  readonly traceId: string | undefined;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  /** How long the provider asked us to wait before trying again. */
  readonly retryAfterMs: number | undefined;
  /** A write may have happened: look it up by `reference` before anything else; never resend blindly. */
  readonly outcomeUnknown: boolean;
  /** The client reference the record can be looked up by, when the operation has one. */
  readonly reference: string | undefined;
  /** What happened on each try. */
  readonly attempts: readonly AttemptRecord[];

  /** Builds an error; prefer the provider-specific mapping helpers. */
  constructor(init: PaymentsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PaymentsError';
    Object.defineProperty(this, brand, { value: true });
    this.code = init.code;
    this.provider = init.provider;
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
    this.providerCode = init.providerCode;
    this.providerMessage = init.providerMessage;
    this.fieldErrors = init.fieldErrors;
    this.requestId = init.requestId;
    this.traceId = init.traceId;
    this.retryable = init.retryable ?? defaultRetryable[init.code] ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.reference = init.reference;
    this.attempts = init.attempts ?? [];
  }

  /** A copy with some fields replaced (errors are immutable). */
  with(changes: Partial<PaymentsErrorInit>): PaymentsError {
    return paymentsError({ ...this.toInit(), ...changes });
  }

  /** The fields of this error as an init object. */
  toInit(): PaymentsErrorInit {
    return {
      code: this.code,
      message: this.message,
      provider: this.provider,
      operation: this.operation,
      httpStatus: this.httpStatus,
      providerCode: this.providerCode,
      providerMessage: this.providerMessage,
      fieldErrors: this.fieldErrors,
      requestId: this.requestId,
      traceId: this.traceId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      outcomeUnknown: this.outcomeUnknown,
      reference: this.reference,
      attempts: this.attempts,
      cause: this.cause,
    };
  }

  /** A plain, credential-free object (what `JSON.stringify` prints). */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, ...rest } = this.toInit();
    return Object.fromEntries(
      Object.entries({ name: this.name, ...rest }).filter(([, value]) => value !== undefined),
    );
  }
}

Object.defineProperties(PaymentsError, {
  // Bundlers rename a class that names itself in its body (`class _PaymentsError`) and
  // minifiers shorten it; `util.inspect` prints the constructor's name, so it is fixed here.
  name: { value: 'PaymentsError' },
  // `error instanceof PaymentsError` checks the brand, so it holds for an error made by another
  // copy of payweave (the ESM build when this is the CJS build, or the reverse). A subclass
  // (`this` is the class right of `instanceof`) keeps the ordinary prototype check.
  [Symbol.hasInstance]: {
    value: function hasInstance(this: Function, value: unknown): boolean {
      return this === PaymentsError
        ? hasBrand(value)
        : Function.prototype[Symbol.hasInstance].call(this, value);
    },
  },
});

/**
 * A new error. The class body never names its own class: a bundler would then rename the
 * class (`class _PaymentsError`) and stack frames would print that name.
 */
function paymentsError(init: PaymentsErrorInit): PaymentsError {
  return new PaymentsError(init);
}

/**
 * True when `value` is a {@link PaymentsError}, made by this copy of payweave or by another
 * (its ESM and CJS builds in one app, for instance): the check reads the error's brand.
 */
export function isPaymentsError(value: unknown): value is PaymentsError {
  return hasBrand(value);
}
