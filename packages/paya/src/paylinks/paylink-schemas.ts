import type { Money } from '@payweave/core';
import { decorateRecord, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  expandOf,
  pageFields,
  payaAmountOrZero,
  payaDate,
  payaFlag,
  payaId,
  text,
} from '../shared/paya-fields.js';
import { amountFilter, oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { payaMoney } from '../shared/paya-money.js';
import { listMeta } from '../shared/paya-paging.js';
import {
  type PaylinkDeliveryName,
  type PaylinkStatusName,
  paylinkDeliveryName,
  paylinkStatusName,
} from './paylink-status.js';

/** Related records `expand` can add to a paylink (`payment_url` is the pay page link). */
export const paylinkExpands = [
  'contact',
  'email_blacklist',
  'sms_blacklist',
  'location',
  'tags',
  'created_user',
  'payment_url',
] as const;

const email = z
  .string()
  .check(z.minLength(5), z.maxLength(128), z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address'));
const cellPhone = lazySchema(() => z.string().check(z.regex(/^\d{1,10}$/, 'must be up to 10 digits')));

const paylinkFields = {
  /** Paya's `{ "paylink": {...} }` request envelope, refused with what to do instead. */
  paylink: z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
  location_id: z.optional(payaId),
  /** Card deposit account (defaults to the location's `default_cc`); not with `ach_product_transaction_id`. */
  cc_product_transaction_id: z.optional(payaId),
  /** ACH deposit account (defaults to `default_ach`); not with `cc_product_transaction_id`. */
  ach_product_transaction_id: z.optional(payaId),
  expire_date: z.optional(payaDate),
  /** decimal(10,2), at most 99999999.99. */
  amount_due: z.optional(payaAmountOrZero),
  /** Recipient of the email (5-128). */
  email: z.optional(email),
  /** Recipient of the SMS (up to 10 digits); required when `delivery_method` is 2 or 3. */
  cell_phone: z.optional(cellPhone),
  contact_id: z.optional(payaId),
  contact_api_id: z.optional(text(1, 64)),
  /** 0 none, 1 email, 2 SMS, 3 both. */
  delivery_method: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
  /** Your reference, unique per location (<= 64). */
  paylink_api_id: z.optional(text(1, 64)),
  description: z.optional(text(0, 255)),
  display_product_transaction_receipt_details: z.optional(payaFlag),
  display_billing_fields: z.optional(payaFlag),
};

type Issue = { message: string; path: string[] };

function paylinkIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (input.cc_product_transaction_id !== undefined && input.ach_product_transaction_id !== undefined) {
    issues.push({
      path: ['ach_product_transaction_id'],
      message: 'give cc_product_transaction_id or ach_product_transaction_id, not both',
    });
  }
  if (input.contact_id !== undefined && input.contact_api_id !== undefined) {
    issues.push({ path: ['contact_api_id'], message: 'give contact_id or contact_api_id, not both' });
  }
  if ((input.delivery_method === 2 || input.delivery_method === 3) && input.cell_phone === undefined) {
    issues.push({ path: ['cell_phone'], message: 'is required when delivery_method is 2 (SMS) or 3 (both)' });
  }
  if (
    (input.delivery_method === 1 || input.delivery_method === 3) &&
    input.email === undefined &&
    input.id === undefined
  ) {
    issues.push({ path: ['email'], message: 'is required when delivery_method is 1 (email) or 3 (both)' });
  }
  return issues;
}

function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

/** Input of `paylinks.create`. */
export const createPaylinkInput = z
  .strictObject({ ...paylinkFields, amount_due: payaAmountOrZero })
  .check(withIssues(paylinkIssues));

/** Input of `paylinks.update` (partial; refused by Paya once the paylink is closed). */
export const updatePaylinkInput = z
  .strictObject({ id: payaId, ...paylinkFields })
  .check(withIssues(paylinkIssues));

/** Input of `paylinks.retrieve`. */
export const retrievePaylinkInput = lazySchema(() =>
  z.strictObject({ id: payaId, expand: expandOf(paylinkExpands) }),
);

/** Input of `paylinks.delete` and `paylinks.resend`. */
export const paylinkIdInput = lazySchema(() => z.strictObject({ id: payaId }));

/** Filters of `paylinks.list` (arrays ORed, amount ranges, named or custom date ranges). */
export const listPaylinksInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(paylinkExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    contact_id: oneOrMany(payaId),
    paylink_api_id: oneOrMany(text(1, 64)),
    status_id: oneOrMany(z.union([z.literal(0), z.literal(1)])),
    delivery_method: oneOrMany(z.int()),
    email: z.optional(text(1, 128)),
    cell_phone: z.optional(text(1, 10)),
    description: z.optional(text(1, 255)),
    expire_date: z.optional(payaDate),
    amount_due: amountFilter,
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the paylink filters. */
export const paylinkTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));

/** A paylink as Paya sends it (every other field kept, `payment_url` when expanded). */
export const paylinkRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    location_id: nullableText,
    cc_product_transaction_id: nullableText,
    ach_product_transaction_id: nullableText,
    contact_id: nullableText,
    paylink_api_id: nullableText,
    amount_due: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    status_id: z.optional(z.nullable(z.number())),
    delivery_method: z.optional(z.nullable(z.number())),
    expire_date: nullableText,
    payment_url: z.optional(z.nullable(z.string())),
    created_ts: z.optional(z.nullable(z.number())),
  }),
);

/** `{ paylink: {...} }`. */
export const paylinkEnvelope = lazySchema(() => z.looseObject({ paylink: paylinkRecord }));

/** `{ paylinks: [...], meta }`. */
export const paylinkListEnvelope = lazySchema(() =>
  z.looseObject({ paylinks: z.array(paylinkRecord), meta: listMeta }),
);

/** A paylink as Paya sends it. */
export type PaylinkRecord = z.output<typeof paylinkRecord>;

/** A Paya paylink: every field as sent, plus `status`, `delivery` names and `amount_due` as Money. */
export type PayaPaylink = PaylinkRecord & {
  /** `status_id` by name (`unpaid`, `paid`). */
  readonly status: PaylinkStatusName;
  /** `delivery_method` by name (`none`, `email`, `sms`, `emailAndSms`). */
  readonly delivery: PaylinkDeliveryName;
  /** `amount_due` as Money (USD). */
  readonly amount_due_money: Money | undefined;
};

/** Adds the decoded names and Money amount to a paylink, to the record itself (returned): records are decoded as they are parsed. */
export function toPayaPaylink(record: PaylinkRecord): PayaPaylink {
  return decorateRecord(record, {
    status: paylinkStatusName(record.status_id),
    delivery: paylinkDeliveryName(record.delivery_method),
    amount_due_money: payaMoney(record.amount_due),
  });
}
