import type { Money } from '@payweave/core';
import type {
  ChargeOutcome,
  ChargeSnapshot,
  CreateSubscriptionOutcome,
  CustomProviderPaymentMethod,
  CustomProviderQueryType,
  RefundOutcome,
  SubscriptionSnapshot,
  VerifyOutcome,
} from './query-types.js';
import {
  type ChargeSnapshotAmountUnit,
  snapshotAmount,
  toMajorNumber,
  toUnixSeconds,
  truncate,
  type UnixTime,
  unixTimeProblem,
} from './wire-values.js';

/** An HTTP answer before it becomes a `Response`: status and JSON body. */
export interface Answer {
  /** HTTP status. */
  readonly status: number;
  /** The JSON body. */
  readonly body: unknown;
}

/**
 * The `error` codes of the kit's failure answers (body `{ success: false, error, message }`):
 * `method_not_allowed` (405), `unsupported_media_type` (415), `payload_too_large` (413),
 * `malformed_json` and `invalid_request` (400, with `fields`), `unauthorized` (401),
 * `unsupported_type` and `not_implemented` (501), `idempotency_conflict` and `in_progress`
 * (409), `handler_error` (500) and `store_unavailable` (503).
 *
 * @example
 * ```ts
 * const body = (await response.json()) as { error?: CustomProviderErrorCode };
 * if (body.error === 'unauthorized') console.warn('HighLevel sent an api key we do not know');
 * ```
 */
export type CustomProviderErrorCode =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'malformed_json'
  | 'invalid_request'
  | 'unauthorized'
  | 'unsupported_type'
  | 'not_implemented'
  | 'idempotency_conflict'
  | 'in_progress'
  | 'handler_error'
  | 'store_unavailable';

/** A failure answer: `{ success: false, failed?, error, message, fields? }`. */
export function failure(
  status: number,
  error: CustomProviderErrorCode,
  message: string,
  extra: { readonly failed?: true; readonly fields?: unknown } = {},
): Answer {
  return {
    status,
    body: {
      success: false,
      ...(extra.failed ? { failed: true } : {}),
      error,
      message,
      ...(extra.fields === undefined ? {} : { fields: extra.fields }),
    },
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function time(value: UnixTime | undefined, fallback?: number): number | undefined {
  return value === undefined ? fallback : toUnixSeconds(value);
}

function chargeSnapshot(charge: ChargeSnapshot, unit: ChargeSnapshotAmountUnit): Record<string, unknown> {
  return {
    id: charge.chargeId,
    status: charge.status,
    amount: snapshotAmount(charge.amount, unit),
    chargeId: charge.chargeId,
    chargedAt: time(charge.chargedAt, nowSeconds()),
  };
}

function subscriptionSnapshot(subscription: SubscriptionSnapshot, createdDefault?: number) {
  const snapshot: Record<string, unknown> = { id: subscription.id, status: subscription.status };
  const trialEnd = time(subscription.trialEnd);
  const createdAt = time(subscription.createdAt, createdDefault);
  const nextCharge = time(subscription.nextCharge);
  if (trialEnd !== undefined) snapshot.trialEnd = trialEnd;
  if (createdAt !== undefined) snapshot.createdAt = createdAt;
  if (nextCharge !== undefined) snapshot.nextCharge = nextCharge;
  return snapshot;
}

const withMessage = (message: string | undefined) => (message === undefined ? {} : { message });

/** `verify`: `{success:true}` paid, `{failed:true}` failed, `{success:false}` pending (plus what was given). */
export function verifyAnswer(outcome: VerifyOutcome, unit: ChargeSnapshotAmountUnit): Answer {
  if (outcome.status !== 'succeeded') {
    const settled = outcome.status === 'failed' ? { failed: true } : { success: false };
    return { status: 200, body: { ...settled, ...withMessage(outcome.message) } };
  }
  const body: Record<string, unknown> = { success: true, ...withMessage(outcome.message) };
  if (outcome.charge) body.chargeSnapshot = chargeSnapshot(outcome.charge, unit);
  if (outcome.subscription) {
    body.subscriptionStatus = outcome.subscription.status;
    body.subscriptionSnapshot = subscriptionSnapshot(outcome.subscription);
  }
  return { status: 200, body };
}

/** `list_payment_methods`: a JSON array, titles cut to 20 characters. */
export function listAnswer(methods: readonly CustomProviderPaymentMethod[]): Answer {
  return {
    status: 200,
    body: methods.map((method) => {
      const item: Record<string, unknown> = {
        id: method.id,
        type: method.type,
        title: truncate(method.title, 20),
      };
      if (method.subTitle !== undefined) item.subTitle = truncate(method.subTitle, 20);
      if (method.expiry !== undefined) item.expiry = method.expiry;
      if (method.customerId !== undefined) item.customerId = method.customerId;
      if (method.imageUrl !== undefined) item.imageUrl = method.imageUrl;
      return item;
    }),
  };
}

const chargeMessages = {
  succeeded: 'Charge succeeded',
  pending: 'Charge pending',
  processing: 'Charge processing',
  failed: 'Charge failed',
} as const;

/** `charge_payment`: `{success, failed, chargeId, message, chargeSnapshot{…}}`. */
export function chargeAnswer(
  outcome: ChargeOutcome,
  requested: Money,
  unit: ChargeSnapshotAmountUnit,
): Answer {
  const chargeId = outcome.chargeId;
  const snapshot: Record<string, unknown> = {};
  if (chargeId !== undefined) snapshot.id = chargeId;
  snapshot.status = outcome.status;
  snapshot.amount = snapshotAmount(outcome.amount ?? requested, unit);
  if (chargeId !== undefined) snapshot.chargeId = chargeId;
  snapshot.chargedAt = time(outcome.chargedAt, nowSeconds());
  return {
    status: 200,
    body: {
      success: outcome.status === 'succeeded',
      failed: outcome.status === 'failed',
      ...(chargeId === undefined ? {} : { chargeId }),
      message: outcome.message ?? chargeMessages[outcome.status],
      chargeSnapshot: snapshot,
    },
  };
}

/** `create_subscription`: `{success, failed, message, transaction?, subscription?}`. */
export function createSubscriptionAnswer(
  outcome: CreateSubscriptionOutcome,
  unit: ChargeSnapshotAmountUnit,
): Answer {
  const succeeded = outcome.status === 'succeeded';
  const body: Record<string, unknown> = {
    success: succeeded,
    failed: !succeeded,
    message: outcome.message ?? (succeeded ? 'Subscription created' : 'Subscription failed'),
  };
  if (outcome.charge) {
    body.transaction = {
      chargeId: outcome.charge.chargeId,
      chargeSnapshot: chargeSnapshot(outcome.charge, unit),
    };
  }
  if (outcome.subscription) {
    body.subscription = {
      subscriptionId: outcome.subscription.id,
      subscriptionSnapshot: subscriptionSnapshot(outcome.subscription, nowSeconds()),
    };
  }
  return { status: 200, body };
}

/** `cancel_subscription`: `{status:"canceled"}`. */
export function cancelAnswer(): Answer {
  return { status: 200, body: { status: 'canceled' } };
}

/** `refund`: `{success, message, id, amount (decimal), currency}`. */
export function refundAnswer(outcome: RefundOutcome): Answer {
  const body: Record<string, unknown> = {
    success: outcome.status === 'succeeded',
    message: outcome.message ?? (outcome.status === 'succeeded' ? 'Refund succeeded' : 'Refund failed'),
  };
  if (outcome.id !== undefined) body.id = outcome.id;
  if (outcome.amount !== undefined) {
    body.amount = toMajorNumber(outcome.amount);
    body.currency = outcome.amount.currency;
  }
  return { status: 200, body };
}

/** The failure answer when a handler threw or returned something unusable. */
export function handlerFailure(type: CustomProviderQueryType): Answer {
  const message = `The payment provider could not process ${type}.`;
  // A charge or subscription that threw is a failure (its claim is released, so a retry runs
  // again); a verify that threw stays pending (it must never fail a payment that may be paid).
  const failed = type === 'charge_payment' || type === 'create_subscription';
  return failure(500, 'handler_error', message, failed ? { failed: true } : {});
}

// ---- outcome checks: handlers are caller code, so what they return is checked before it is written.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function moneyProblem(value: unknown, field: string): string | undefined {
  if (!isRecord(value)) return `${field} must be Money ({ amountMinor, currency })`;
  if (!Number.isSafeInteger(value.amountMinor)) return `${field}.amountMinor must be a safe integer`;
  if (typeof value.currency !== 'string' || !/^[A-Za-z]{3}$/.test(value.currency)) {
    return `${field}.currency must be a 3-letter ISO 4217 code`;
  }
  return undefined;
}

function optionalTime(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = unixTimeProblem(value);
  return problem === undefined ? undefined : `${field} ${problem}`;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined || typeof value === 'string' ? undefined : `${field} must be a string`;
}

const chargeStatuses = ['succeeded', 'failed', 'pending', 'processing'];
const subscriptionStatuses = [
  'scheduled',
  'trialing',
  'active',
  'expired',
  'canceled',
  'unpaid',
  'incomplete',
  'pending',
];

function chargeSnapshotProblem(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return `${field} must be an object`;
  if (!isText(value.chargeId)) return `${field}.chargeId must be a non-empty string`;
  if (!chargeStatuses.includes(value.status as string)) {
    return `${field}.status must be one of: ${chargeStatuses.join(', ')}`;
  }
  return moneyProblem(value.amount, `${field}.amount`) ?? optionalTime(value.chargedAt, `${field}.chargedAt`);
}

function subscriptionProblem(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined) return required ? `${field} is required` : undefined;
  if (!isRecord(value)) return `${field} must be an object`;
  if (!isText(value.id)) return `${field}.id must be a non-empty string`;
  if (!subscriptionStatuses.includes(value.status as string)) {
    return `${field}.status must be one of: ${subscriptionStatuses.join(', ')}`;
  }
  return (
    optionalTime(value.trialEnd, `${field}.trialEnd`) ??
    optionalTime(value.createdAt, `${field}.createdAt`) ??
    optionalTime(value.nextCharge, `${field}.nextCharge`)
  );
}

function statusProblem(outcome: unknown, allowed: readonly string[]): string | undefined {
  if (!isRecord(outcome)) return 'the outcome must be an object';
  return allowed.includes(outcome.status as string)
    ? undefined
    : `status must be one of: ${allowed.join(', ')}`;
}

/** Why a handler's outcome cannot be written, or `undefined` when it can. */
export function outcomeProblem(type: CustomProviderQueryType, outcome: unknown): string | undefined {
  switch (type) {
    case 'verify': {
      const problem = statusProblem(outcome, ['succeeded', 'failed', 'pending']);
      if (problem) return problem;
      const value = outcome as Record<string, unknown>;
      return (
        optionalText(value.message, 'message') ??
        chargeSnapshotProblem(value.charge, 'charge') ??
        subscriptionProblem(value.subscription, 'subscription', false)
      );
    }
    case 'list_payment_methods': {
      if (!Array.isArray(outcome)) return 'listPaymentMethods must return an array';
      for (const [index, method] of outcome.entries()) {
        if (!isRecord(method)) return `[${index}] must be an object`;
        if (!isText(method.id)) return `[${index}].id must be a non-empty string`;
        if (!isText(method.type)) return `[${index}].type must be a non-empty string`;
        if (typeof method.title !== 'string') return `[${index}].title must be a string`;
        for (const field of ['subTitle', 'expiry', 'customerId', 'imageUrl']) {
          const problem = optionalText(method[field], `[${index}].${field}`);
          if (problem) return problem;
        }
      }
      return undefined;
    }
    case 'charge_payment': {
      const problem = statusProblem(outcome, chargeStatuses);
      if (problem) return problem;
      const value = outcome as Record<string, unknown>;
      if (value.status === 'failed') {
        if (value.chargeId !== undefined && !isText(value.chargeId))
          return 'chargeId must be a non-empty string';
      } else if (!isText(value.chargeId)) return 'chargeId must be a non-empty string';
      return (
        optionalText(value.message, 'message') ??
        (value.amount === undefined ? undefined : moneyProblem(value.amount, 'amount')) ??
        optionalTime(value.chargedAt, 'chargedAt')
      );
    }
    case 'create_subscription': {
      const problem = statusProblem(outcome, ['succeeded', 'failed']);
      if (problem) return problem;
      const value = outcome as Record<string, unknown>;
      return (
        optionalText(value.message, 'message') ??
        chargeSnapshotProblem(value.charge, 'charge') ??
        subscriptionProblem(value.subscription, 'subscription', value.status === 'succeeded')
      );
    }
    case 'cancel_subscription':
      // Whatever it resolved with, it did not throw: canceled.
      return undefined;
    case 'refund': {
      const problem = statusProblem(outcome, ['succeeded', 'failed']);
      if (problem) return problem;
      const value = outcome as Record<string, unknown>;
      if (value.status === 'succeeded') {
        if (!isText(value.id)) return 'id must be a non-empty string';
        return moneyProblem(value.amount, 'amount') ?? optionalText(value.message, 'message');
      }
      return (
        optionalText(value.id, 'id') ??
        (value.amount === undefined ? undefined : moneyProblem(value.amount, 'amount')) ??
        optionalText(value.message, 'message')
      );
    }
  }
}
