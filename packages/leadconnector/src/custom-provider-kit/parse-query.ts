import {
  decimalAmountIssue,
  type FieldErrors,
  lazySchema,
  type Money,
  PaymentsError,
  parseMoney,
  validateInput,
} from '@payweave/core';
import * as z from 'zod/mini';
import { LEADCONNECTOR_PROVIDER } from '../leadconnector-constants.js';
import type {
  CustomProviderAccount,
  CustomProviderProductDetail,
  CustomProviderQuery,
  CustomProviderQueryType,
} from './query-types.js';

// Tolerant reads: HighLevel adds fields over time, so unknown fields are kept, never refused.
const text = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(512)));
const optionalText = lazySchema(() => z.optional(z.nullable(z.string().check(z.maxLength(2048)))));
const amount = lazySchema(() => z.union([z.number(), z.string()]));
const currency = lazySchema(() =>
  z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code')),
);
const product = lazySchema(() => z.looseObject({}));

const schemas = {
  verify: z.looseObject({ transactionId: text, chargeId: optionalText, subscriptionId: optionalText }),
  list_payment_methods: z.looseObject({ locationId: z.optional(text), contactId: text }),
  charge_payment: z.looseObject({
    paymentMethodId: text,
    contactId: text,
    transactionId: text,
    chargeDescription: optionalText,
    amount,
    currency,
  }),
  create_subscription: z.looseObject({
    locationId: z.optional(text),
    contactId: text,
    paymentMethodId: text,
    subscriptionId: text,
    transactionId: optionalText,
    startDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date, YYYY-MM-DD')),
    currency,
    amount: z.optional(z.nullable(amount)),
    recurringAmount: amount,
    isSchedule: z.optional(z.nullable(z.boolean())),
    productDetails: z.optional(z.nullable(z.union([z.array(product), product]))),
  }),
  cancel_subscription: z.looseObject({ subscriptionId: text }),
  refund: z.looseObject({
    chargeId: text,
    transactionId: optionalText,
    amount,
    currency: z.optional(currency),
  }),
} as const;

/** Every type the kit knows, in HighLevel's spelling. */
export const customProviderQueryTypes = Object.keys(schemas) as CustomProviderQueryType[];

/** Whether `type` is a request type the kit serves. */
export function isQueryType(type: string): type is CustomProviderQueryType {
  return Object.hasOwn(schemas, type);
}

function invalid(fieldErrors: FieldErrors, type: string): PaymentsError {
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
  return new PaymentsError({
    code: 'validation',
    provider: LEADCONNECTOR_PROVIDER,
    operation: `leadconnector.customProvider.${type}`,
    message: `Invalid ${type} request: ${summary}`,
    fieldErrors,
  });
}

/** Decimal major units → Money, exactly; a problem is added to `errors` under `field`. */
function toMoney(
  value: unknown,
  code: string,
  field: string,
  errors: Record<string, string[]>,
  allowZero: boolean,
): Money | undefined {
  const parsed = parseMoney(value as string | number, code, { field });
  if (parsed.isErr()) {
    errors[field] = (parsed.error.fieldErrors?.[field] ?? [parsed.error.message]).map((message) =>
      // parseMoney quotes the text it could not read; HighLevel's amounts are not secret, but keep answers short.
      message.length > 120 ? `${message.slice(0, 117)}...` : message,
    );
    return undefined;
  }
  if (parsed.value.amountMinor === 0 && !allowZero) {
    errors[field] = ['must be greater than 0'];
    return undefined;
  }
  return parsed.value;
}

const orUndefined = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

function moneyParser(decimal: string) {
  return (code: string): Money => {
    const parsed = parseMoney(decimal, code, { field: 'amount' });
    if (parsed.isErr()) throw parsed.error;
    return parsed.value;
  };
}

/**
 * Reads a request body whose api key is already checked into its typed request, or the
 * `validation` error that names every bad field.
 */
export function parseQuery(
  type: CustomProviderQueryType,
  body: Record<string, unknown>,
  account: CustomProviderAccount,
): CustomProviderQuery | PaymentsError {
  const { apiKey: _apiKey, ...raw } = body;
  const checked = validateInput(schemas[type] as z.ZodMiniType<Record<string, unknown>>, raw, {
    provider: LEADCONNECTOR_PROVIDER,
    operation: `leadconnector.customProvider.${type}`,
  });
  if (checked.isErr()) return invalid(checked.error.fieldErrors ?? {}, type);
  const base = { account, raw };
  const errors: Record<string, string[]> = {};
  switch (type) {
    case 'verify': {
      const input = checked.value as z.infer<(typeof schemas)['verify']>;
      return {
        ...base,
        type,
        transactionId: input.transactionId,
        chargeId: orUndefined(input.chargeId),
        subscriptionId: orUndefined(input.subscriptionId),
      };
    }
    case 'list_payment_methods': {
      const input = checked.value as z.infer<(typeof schemas)['list_payment_methods']>;
      return {
        ...base,
        type,
        locationId: input.locationId ?? account.locationId,
        contactId: input.contactId,
      };
    }
    case 'charge_payment': {
      const input = checked.value as z.infer<(typeof schemas)['charge_payment']>;
      const money = toMoney(input.amount, input.currency, 'amount', errors, false);
      if (!money) return invalid(errors, type);
      return {
        ...base,
        type,
        paymentMethodId: input.paymentMethodId,
        contactId: input.contactId,
        transactionId: input.transactionId,
        chargeDescription: orUndefined(input.chargeDescription),
        amount: money,
      };
    }
    case 'create_subscription': {
      const input = checked.value as z.infer<(typeof schemas)['create_subscription']>;
      const initial = toMoney(input.amount ?? 0, input.currency, 'amount', errors, true);
      const recurring = toMoney(input.recurringAmount, input.currency, 'recurringAmount', errors, true);
      if (!initial || !recurring) return invalid(errors, type);
      const details = input.productDetails;
      const productDetails = (
        details === undefined || details === null ? [] : Array.isArray(details) ? details : [details]
      ) as CustomProviderProductDetail[];
      return {
        ...base,
        type,
        locationId: input.locationId ?? account.locationId,
        contactId: input.contactId,
        paymentMethodId: input.paymentMethodId,
        subscriptionId: input.subscriptionId,
        transactionId: orUndefined(input.transactionId),
        startDate: input.startDate,
        amount: initial,
        recurringAmount: recurring,
        isSchedule: input.isSchedule ?? undefined,
        productDetails,
      };
    }
    case 'cancel_subscription': {
      const input = checked.value as z.infer<(typeof schemas)['cancel_subscription']>;
      return { ...base, type, subscriptionId: input.subscriptionId };
    }
    case 'refund': {
      const input = checked.value as z.infer<(typeof schemas)['refund']>;
      const decimal = typeof input.amount === 'number' ? String(input.amount) : input.amount.trim();
      // Without a currency: checked with the most decimals any currency has (3); amountIn checks the real one.
      const issue =
        input.currency === undefined
          ? decimalAmountIssue(decimal, { decimals: 3 })
          : toMoney(decimal, input.currency, 'amount', errors, false) === undefined
            ? ''
            : undefined;
      if (issue !== undefined) return invalid(issue === '' ? errors : { amount: [issue] }, type);
      return {
        ...base,
        type,
        chargeId: input.chargeId,
        transactionId: orUndefined(input.transactionId),
        amountDecimal: decimal,
        currency: input.currency?.toUpperCase(),
        amountIn: moneyParser(decimal),
      };
    }
  }
}
