import type { Money } from '@payweave/core';
import { decorateRecord, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { calendarDate, payaDateOrNone } from '../shared/calendar-date.js';
import { expandOf, pageFields, payaAmount, payaFlag, payaId, text } from '../shared/paya-fields.js';
import { amountFilter, oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { payaMoney } from '../shared/paya-money.js';
import { listMeta } from '../shared/paya-paging.js';
import {
  type RecurringIntervalName,
  type RecurringStatusName,
  type RecurringTypeName,
  recurringIntervalName,
  recurringStatuses,
  recurringStatusName,
  recurringTypeName,
} from './recurring-status.js';

/**
 * Related records `expand` can add to a recurring.
 *
 * @example
 * ```ts
 * await paya.recurrings.retrieve(recurringId, { expand: ['account_vault', 'transactions'] });
 * recurringExpands.includes('contact'); // true
 * ```
 */
export const recurringExpands = [
  'created_user',
  'account_vault',
  'transactions',
  'signature',
  'location',
  'contact',
  'tags',
  'product_transaction',
] as const;

/** How often the schedule runs: every `interval` units (1 to 999: Paya takes up to 3 digits). */
const interval = lazySchema(() =>
  z.union(
    [
      z
        .int()
        .check(
          z.gte(1, 'must be a whole number from 1 to 999 (runs every N interval_type units)'),
          z.lte(999, 'must be a whole number from 1 to 999 (Paya takes up to 3 digits)'),
        ),
      z.string().check(z.regex(/^[1-9]\d{0,2}$/, 'must be a whole number from 1 to 999')),
    ],
    { error: 'must be a whole number of interval_type units from 1 to 999 (Paya takes up to 3 digits)' },
  ),
);

const intervalType = lazySchema(() =>
  z.enum(['d', 'w', 'm'], {
    error: 'must be "d" (days), "w" (weeks) or "m" (months): the unit interval counts',
  }),
);

/** Days before a run the contact is notified: 0 to 99 (Paya takes up to 2 digits). */
const notificationDays = lazySchema(() =>
  z.union(
    [
      z
        .int()
        .check(
          z.gte(0, 'must be a whole number of days from 0 to 99'),
          z.lte(99, 'must be a whole number of days from 0 to 99 (Paya takes up to 2 digits)'),
        ),
      z.string().check(z.regex(/^\d{1,2}$/, 'must be a whole number of days from 0 to 99')),
    ],
    { error: 'must be a whole number of days from 0 to 99 (Paya takes up to 2 digits)' },
  ),
);

const activeFlag = lazySchema(() =>
  z.union([payaFlag, z.literal('0'), z.literal('1')], {
    error: 'must be 1 (active) or 0 (inactive)',
  }),
);

/** Why a create-only field is refused on update. */
const createOnly = (what: string) =>
  z.optional(
    z.never({
      error: `cannot be changed on an existing recurring (Paya allows ${what} on create only): delete the recurring and create a new one`,
    }),
  );

type Issue = { message: string; path: string[] };

function scheduleIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const start = input.start_date;
  const end = input.end_date;
  if (typeof start === 'string' && typeof end === 'string' && end <= start)
    issues.push({
      path: ['end_date'],
      message: `must be after start_date (${start}): the schedule would end before its first run`,
    });
  return issues;
}

function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

/** Paya's `{ "recurring": {...} }` request envelope, refused with what to do instead. */
const envelope = lazySchema(() =>
  z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
);

/**
 * Input of `recurrings.create`. The schedule: `start_date` (the first run), every `interval`
 * `interval_type` units (`d` days, `w` weeks, `m` months), until deleted or `end_date`
 * (ongoing), or `installment_total_count` runs (installment: Paya derives the type).
 */
export const createRecurringInput = z
  .strictObject({
    recurring: envelope,
    /** The account vault charged on each run (the vault belongs to a contact). */
    account_vault_id: payaId,
    /** The location the recurring belongs to. */
    location_id: payaId,
    /** The deposit account; Paya uses the location's default for the payment method when absent. */
    product_transaction_id: z.optional(payaId),
    /** The amount of each run. */
    transaction_amount: payaAmount,
    /** Every how many `interval_type` units it runs (1 to 999). */
    interval,
    /** `d` days, `w` weeks or `m` months. */
    interval_type: intervalType,
    /** The first run, `YYYY-MM-DD`. */
    start_date: calendarDate,
    /** The last day it may run, after `start_date` (absent: ongoing until deleted). */
    end_date: z.optional(calendarDate),
    /** A fixed number of runs, 1 to 99, counted whether approved or declined (makes it an installment plan). */
    installment_total_count: z.optional(
      z
        .int({ error: 'must be a whole number of runs' })
        .check(
          z.gte(1, 'must be at least 1 run'),
          z.lte(99, 'must be at most 99 runs (Paya takes up to 2 digits)'),
        ),
    ),
    /** Days before each run the contact is notified (0 to 99). */
    notification_days: z.optional(notificationDays),
    /** Free text, at most 36 characters. */
    description: z.optional(text(0, 36)),
    /** `cc` or `ach`: what the vault holds. */
    payment_method: z.optional(z.enum(['cc', 'ach'])),
    /** 1 active (default), 0 inactive. */
    active: z.optional(activeFlag),
  })
  .check(withIssues(scheduleIssues));

/**
 * Input of `recurrings.update`: the fields Paya allows on PUT. The amount and the schedule
 * (interval, type, start, installments) are create-only and refused with that reason.
 */
export const updateRecurringInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    recurring: envelope,
    /** Another account vault to charge. */
    account_vault_id: z.optional(payaId),
    /** Another deposit account. */
    product_transaction_id: z.optional(payaId),
    /** A new last day. */
    end_date: z.optional(calendarDate),
    /** Reschedules the next run. */
    next_run_date: z.optional(calendarDate),
    notification_days: z.optional(notificationDays),
    description: z.optional(text(0, 36)),
    /** 1 / 0; Paya honours it for ongoing recurrings only and ignores it on installment plans. */
    active: z.optional(activeFlag),
    transaction_amount: createOnly('transaction_amount'),
    interval: createOnly('interval'),
    interval_type: createOnly('interval_type'),
    start_date: createOnly('start_date'),
    installment_total_count: createOnly('installment_total_count'),
    payment_method: createOnly('payment_method'),
    location_id: createOnly('location_id'),
  }),
);

/** Input of `recurrings.retrieve`. */
export const retrieveRecurringInput = lazySchema(() =>
  z.strictObject({ id: payaId, expand: expandOf(recurringExpands) }),
);

/** Input of `recurrings.delete`, `recurrings.hold` and `recurrings.activate`. */
export const recurringIdInput = lazySchema(() => z.strictObject({ id: payaId }));

const runCount = (what: string) =>
  z.optional(
    z
      .int({ error: `must be a whole number of runs to ${what}` })
      .check(
        z.gte(1, `must be at least 1 run to ${what}`),
        z.lte(999, `must be at most 999 runs to ${what}`),
      ),
  );

/** Input of `recurrings.skip`: how many of the next runs to skip (default 1). */
export const skipRecurringInput = lazySchema(() =>
  z.strictObject({ id: payaId, skip_count: runCount('skip') }),
);

/** Input of `recurrings.defer`: how many of the next runs to move to the end (default 1). */
export const deferRecurringInput = lazySchema(() =>
  z.strictObject({ id: payaId, defer_count: runCount('defer') }),
);

/** Filters of `recurrings.list` (arrays ORed, amount ranges, named or custom date ranges). */
export const listRecurringsInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(recurringExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    account_vault_id: oneOrMany(payaId),
    product_transaction_id: oneOrMany(payaId),
    /** `active`, `on hold` or `ended`. */
    status: oneOrMany(z.enum(Object.keys(recurringStatuses) as ['active', 'on hold', 'ended'])),
    /** `o` ongoing or `i` installment. */
    recurring_type_id: oneOrMany(z.enum(['o', 'i'])),
    payment_method: oneOrMany(z.enum(['cc', 'ach'])),
    interval_type: oneOrMany(z.enum(['d', 'w', 'm'])),
    active: z.optional(z.union([z.literal(0), z.literal(1)])),
    next_run_date: z.optional(calendarDate),
    start_date: z.optional(calendarDate),
    end_date: z.optional(calendarDate),
    description: z.optional(text(1, 36)),
    transaction_amount: amountFilter,
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the recurring filters. */
export const recurringTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const wireNumberOrText = lazySchema(() => z.optional(z.nullable(z.union([z.number(), z.string()]))));

/** A recurring as Paya sends it (every other field kept; `active` is `1` or `"1"` depending on the call). */
export const recurringRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    account_vault_id: nullableText,
    location_id: nullableText,
    product_transaction_id: nullableText,
    description: nullableText,
    transaction_amount: wireNumberOrText,
    interval: wireNumberOrText,
    interval_type: nullableText,
    start_date: nullableText,
    end_date: nullableText,
    next_run_date: nullableText,
    installment_total_count: wireNumberOrText,
    installment_amount_total: wireNumberOrText,
    notification_days: wireNumberOrText,
    payment_method: nullableText,
    status: nullableText,
    active: z.optional(z.nullable(z.union([z.number(), z.string(), z.boolean()]))),
    recurring_type_id: nullableText,
    created_ts: z.optional(z.nullable(z.number())),
    modified_ts: z.optional(z.nullable(z.number())),
  }),
);

/** `{ recurring: {...} }`. */
export const recurringEnvelope = lazySchema(() => z.looseObject({ recurring: recurringRecord }));

/** `{ recurrings: [...], meta }`. */
export const recurringListEnvelope = lazySchema(() =>
  z.looseObject({ recurrings: z.array(recurringRecord), meta: listMeta }),
);

/**
 * A recurring as Paya sends it.
 *
 * @example
 * ```ts
 * const record: RecurringRecord = (await paya.recurrings.retrieve(recurringId)).unwrap();
 * console.log(record.status, record.next_run_date);
 * ```
 */
export type RecurringRecord = z.output<typeof recurringRecord>;

/**
 * A Paya recurring: every field as sent, plus the decoded `state` (`status`), `type`
 * (`recurring_type_id`) and `interval_unit` (`interval_type`), the dates with Paya's
 * `"0000-00-00"` read as none, and the amounts as Money.
 *
 * @example
 * ```ts
 * const plan: PayaRecurring = (await paya.recurrings.retrieve(recurringId)).unwrap();
 * if (plan.type === 'installment') console.log(plan.installment_amount_total_money);
 * ```
 */
export type PayaRecurring = RecurringRecord & {
  /** `status` by name: `active`, `onHold`, `ended` (or `unknown`). */
  readonly state: RecurringStatusName;
  /** `recurring_type_id` by name: `ongoing` or `installment` (or `unknown`). */
  readonly type: RecurringTypeName;
  /** `interval_type` by name: `day`, `week`, `month` (or `unknown`). */
  readonly interval_unit: RecurringIntervalName;
  /** The next run, `YYYY-MM-DD`; `undefined` when none is scheduled (on hold, ended: `"0000-00-00"`). */
  readonly next_run_on: string | undefined;
  /** The last day, `YYYY-MM-DD`; `undefined` when open-ended (`"0000-00-00"`). */
  readonly ends_on: string | undefined;
  /** `transaction_amount` as Money (USD). */
  readonly transaction_amount_money: Money | undefined;
  /** `installment_amount_total` (installment plans) as Money (USD). */
  readonly installment_amount_total_money: Money | undefined;
};

/**
 * Adds the decoded names, dates and Money amounts to a recurring.
 *
 * @example
 * ```ts
 * const plan = toPayaRecurring({ id, status: 'on hold', recurring_type_id: 'o', next_run_date: '0000-00-00' });
 * plan.state; // 'onHold'
 * plan.next_run_on; // undefined
 * ```
 * The fields are added to the record itself, which is returned (records are decoded as
 * they are parsed, so copying a 60-field record would only cost time and memory).
 */
export function toPayaRecurring(record: RecurringRecord): PayaRecurring {
  return decorateRecord(record, {
    state: recurringStatusName(record.status),
    type: recurringTypeName(record.recurring_type_id),
    interval_unit: recurringIntervalName(record.interval_type),
    next_run_on: payaDateOrNone(record.next_run_date),
    ends_on: payaDateOrNone(record.end_date),
    transaction_amount_money: payaMoney(record.transaction_amount),
    installment_amount_total_money: payaMoney(record.installment_amount_total),
  });
}
