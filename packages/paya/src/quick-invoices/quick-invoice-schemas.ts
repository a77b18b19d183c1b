import { decorateRecord, lazySchema, type Money, money } from '@payweave/core';
import * as z from 'zod/mini';
import { calendarDate } from '../shared/calendar-date.js';
import { expandOf, pageFields, payaAmountOrZero, payaFlag, payaId, text } from '../shared/paya-fields.js';
import { amountFilter, oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { payaMoney } from '../shared/paya-money.js';
import { listMeta } from '../shared/paya-paging.js';
import {
  type QuickInvoicePaymentStatusName,
  type QuickInvoiceStatusName,
  quickInvoicePaymentStatusName,
  quickInvoiceStatusName,
} from './quick-invoice-status.js';

/**
 * Related records `expand` can add to a quick invoice.
 *
 * @example
 * ```ts
 * await paya.quickInvoices.retrieve(invoiceId, { expand: ['files', 'quick_invoice_views'] });
 * ```
 */
export const quickInvoiceExpands = [
  'contact',
  'email_blacklist',
  'files',
  'location',
  'tags',
  'created_user',
  'quick_invoice_settings',
  'quick_invoice_views',
] as const;

const email = z
  .string()
  .check(z.minLength(5), z.maxLength(128), z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address'));

/** Reminder days: 0 to 99 (Paya takes up to 2 digits). */
const reminderDays = z
  .int({ error: 'must be a whole number of days' })
  .check(
    z.gte(0, 'must be 0 or more days'),
    z.lte(99, 'must be at most 99 days (Paya takes up to 2 digits)'),
  );

/**
 * The line items: item name -> amount (`{ "Consulting Fee": 39.99 }`); Paya sums them into
 * `amount_due`. At most 4000 characters as JSON, as Paya stores it.
 */
const itemList = lazySchema(() =>
  z.record(text(1, 255), payaAmountOrZero).check(
    z.refine((items) => Object.keys(items).length > 0, 'must hold at least one item (name -> amount)'),
    z.refine(
      (items) => JSON.stringify(items).length <= 4000,
      'must be at most 4000 characters as JSON (Paya stores the list as text)',
    ),
  ),
);

const zeroOrOne = lazySchema(() => z.literal([0, 1], { error: 'must be 1 or 0' }));

/** Fields Paya allows on create and update. */
const writableFields = {
  /** Paya's `{ "quickinvoice": {...} }` request envelope, refused with what to do instead. */
  quickinvoice: z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
  /** Card deposit account (default: the location's default card product); changeable only before any payment. */
  cc_product_transaction_id: z.optional(payaId),
  /** ACH deposit account (default: the location's default ACH product); changeable only before any payment. */
  ach_product_transaction_id: z.optional(payaId),
  /** The payer; their e-mail fills `email` unless `email` is given. */
  contact_id: z.optional(payaId),
  /** The payer by your own contact reference (Paya answers with `contact_id`). */
  contact_api_id: z.optional(text(1, 64)),
  /** The "To" address (5-128). */
  email: z.optional(email),
  /** Reminder this many days before `due_date` (0-99). */
  notification_days_before_due_date: z.optional(reminderDays),
  /** Reminder on `due_date` (1) or not (0). */
  notification_on_due_date: z.optional(zeroOrOne),
  /** Reminder this many days after `due_date` (0-99). */
  notification_days_after_due_date: z.optional(reminderDays),
  /** Whether the payer may pay part of the balance (0: in full only). */
  allow_partial_pay: z.optional(payaFlag),
  /** Your invoice number (<= 64). */
  invoice_number: z.optional(text(0, 64)),
  /** Text above the items (<= 250). */
  item_header: z.optional(text(0, 250)),
  /** Text below the items (<= 250). */
  item_footer: z.optional(text(0, 250)),
  /** A note shown to the payer (<= 200). */
  note: z.optional(text(0, 200)),
  /** The last day it can be paid, `YYYY-MM-DD`. */
  expire_date: z.optional(calendarDate),
  /** E-mail the attached files too (they are always on the pay page); after a change, `resend`. */
  attach_files_to_email: z.optional(payaFlag),
  /** Your customer id (<= 64), also used for ACH verification. */
  customer_id: z.optional(text(0, 64)),
  /** ACH verification: driver's licence number (sensitive). */
  dl_number: z.optional(text(1, 32)),
  /** ACH verification: driver's licence state, 2 letters. */
  dl_state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a 2-letter state code'))),
  /** ACH verification: year of birth (sensitive). */
  dob_year: z.optional(z.string().check(z.regex(/^(19|20)\d{2}$/, 'must be a 4-digit year'))),
  /** ACH verification: last 4 SSN digits (sensitive). */
  ssn4: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits'))),
};

type Issue = { message: string; path: string[] };

function quickInvoiceIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (input.contact_id !== undefined && input.contact_api_id !== undefined)
    issues.push({ path: ['contact_api_id'], message: 'give contact_id or contact_api_id, not both' });
  const due = input.due_date;
  const expires = input.expire_date;
  if (typeof due === 'string' && typeof expires === 'string' && expires < due)
    issues.push({
      path: ['expire_date'],
      message: `must not be before due_date (${due}): the invoice would expire before it is due`,
    });
  return issues;
}

function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

/** Input of `quickInvoices.create` (JSON; Paya's multipart form with files is not sent by the SDK). */
export const createQuickInvoiceInput = z
  .strictObject({
    /** The location it belongs to. */
    location_id: payaId,
    /** The invoice title (1-64). */
    title: text(1, 64),
    /** When it is due, `YYYY-MM-DD`: reminders are timed from it. */
    due_date: calendarDate,
    /** The line items: name -> amount. */
    item_list: itemList,
    /** E-mail it on creation (1). */
    send_email: z.optional(zeroOrOne),
    ...writableFields,
  })
  .check(withIssues(quickInvoiceIssues));

/** Input of `quickInvoices.update` (partial); `status_id` 0 closes it, 1 reopens it. */
export const updateQuickInvoiceInput = z
  .strictObject({
    id: payaId,
    title: z.optional(text(1, 64)),
    due_date: z.optional(calendarDate),
    item_list: z.optional(itemList),
    /** 1 open, 0 closed. */
    status_id: z.optional(z.literal([0, 1], { error: 'must be 1 (open) or 0 (closed)' })),
    location_id: z.optional(
      z.never({ error: 'cannot be changed: a quick invoice stays in the location it was created in' }),
    ),
    send_email: z.optional(
      z.never({ error: 'is read on create only: call quickInvoices.resend to e-mail the invoice again' }),
    ),
    ...writableFields,
  })
  .check(withIssues(quickInvoiceIssues));

/** Input of `quickInvoices.retrieve`. */
export const retrieveQuickInvoiceInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    expand: expandOf(quickInvoiceExpands),
  }),
);

/** Input of `quickInvoices.delete` and `quickInvoices.resend`. */
export const quickInvoiceIdInput = lazySchema(() => z.strictObject({ id: payaId }));

/** Input of `quickInvoices.addTransaction` and `quickInvoices.removeTransaction`. */
export const quickInvoiceTransactionInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    /** The transaction to attach (a payment taken elsewhere) or detach. */
    transaction_id: payaId,
  }),
);

/** Filters of `quickInvoices.list` (arrays ORed, amount ranges, named or custom date ranges). */
export const listQuickInvoicesInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(quickInvoiceExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    contact_id: oneOrMany(payaId),
    /** 1 open, 0 closed. */
    status_id: oneOrMany(z.union([z.literal(0), z.literal(1)])),
    /** 1 unpaid, 2 paid, 3 partially paid. */
    payment_status_id: oneOrMany(z.union([z.literal(1), z.literal(2), z.literal(3)])),
    title: z.optional(text(1, 64)),
    invoice_number: z.optional(text(1, 64)),
    email: z.optional(text(1, 128)),
    due_date: z.optional(calendarDate),
    expire_date: z.optional(calendarDate),
    amount_due: amountFilter,
    remaining_balance: amountFilter,
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the quick invoice filters. */
export const quickInvoiceTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const wireAmount = lazySchema(() => z.optional(z.nullable(z.union([z.string(), z.number()]))));
const wireFlag = lazySchema(() => z.optional(z.nullable(z.union([z.number(), z.string(), z.boolean()]))));

/** A quick invoice as Paya sends it (every other field kept, `transactions` after add/remove). */
export const quickInvoiceRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    location_id: nullableText,
    title: nullableText,
    due_date: nullableText,
    expire_date: nullableText,
    item_list: z.optional(z.nullable(z.unknown())),
    amount_due: wireAmount,
    remaining_balance: wireAmount,
    payment_status_id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
    status_id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
    contact_id: nullableText,
    email: nullableText,
    invoice_number: nullableText,
    cc_product_transaction_id: nullableText,
    ach_product_transaction_id: nullableText,
    allow_partial_pay: wireFlag,
    is_active: wireFlag,
    active: wireFlag,
    created_ts: z.optional(z.nullable(z.number())),
    modified_ts: z.optional(z.nullable(z.number())),
  }),
);

/** `{ quickinvoice: {...} }`. */
export const quickInvoiceEnvelope = lazySchema(() => z.looseObject({ quickinvoice: quickInvoiceRecord }));

/** `{ quickinvoices: [...], meta }`. */
export const quickInvoiceListEnvelope = lazySchema(() =>
  z.looseObject({
    quickinvoices: z.array(quickInvoiceRecord),
    meta: listMeta,
  }),
);

/**
 * A quick invoice as Paya sends it.
 *
 * @example
 * ```ts
 * const record: QuickInvoiceRecord = (await paya.quickInvoices.retrieve(invoiceId)).unwrap();
 * console.log(record.amount_due, record.remaining_balance);
 * ```
 */
export type QuickInvoiceRecord = z.output<typeof quickInvoiceRecord>;

/**
 * A Paya quick invoice: every field as sent, plus `payment_status` (the decoded
 * `payment_status_id`: unpaid, partially paid, paid), `state` (the decoded `status_id`: open
 * or closed) and the amounts as Money (`amount_paid_money` = `amount_due` - `remaining_balance`).
 *
 * @example
 * ```ts
 * const invoice: PayaQuickInvoice = (await paya.quickInvoices.retrieve(invoiceId)).unwrap();
 * if (invoice.payment_status === 'partiallyPaid') console.log(invoice.remaining_balance_money);
 * ```
 */
export type PayaQuickInvoice = QuickInvoiceRecord & {
  /** `payment_status_id` by name: `unpaid`, `paid`, `partiallyPaid` (or `unknown`). */
  readonly payment_status: QuickInvoicePaymentStatusName;
  /** `status_id` by name: `open` or `closed` (or `unknown`). */
  readonly state: QuickInvoiceStatusName;
  /** `amount_due` (the sum of the items) as Money (USD). */
  readonly amount_due_money: Money | undefined;
  /** `remaining_balance` as Money (USD). */
  readonly remaining_balance_money: Money | undefined;
  /** What has been paid: `amount_due` - `remaining_balance`, when both can be read. */
  readonly amount_paid_money: Money | undefined;
};

function paid(due: Money | undefined, remaining: Money | undefined): Money | undefined {
  if (due === undefined || remaining === undefined) return undefined;
  const minor = due.amountMinor - remaining.amountMinor;
  return minor < 0 ? undefined : money(minor, due.currency);
}

/**
 * Adds the decoded names and Money amounts to a quick invoice.
 *
 * @example
 * ```ts
 * const invoice = toPayaQuickInvoice({ id, amount_due: '21.00', remaining_balance: '11.00', payment_status_id: 3, status_id: 1 });
 * invoice.payment_status; // 'partiallyPaid'
 * invoice.amount_paid_money; // { amountMinor: 1000, currency: 'USD' }
 * ```
 * The fields are added to the record itself, which is returned (records are decoded as
 * they are parsed, so copying a 60-field record would only cost time and memory).
 */
export function toPayaQuickInvoice(record: QuickInvoiceRecord): PayaQuickInvoice {
  const due = payaMoney(record.amount_due);
  const remaining = payaMoney(record.remaining_balance);
  return decorateRecord(record, {
    payment_status: quickInvoicePaymentStatusName(record.payment_status_id),
    state: quickInvoiceStatusName(record.status_id),
    amount_due_money: due,
    remaining_balance_money: remaining,
    amount_paid_money: paid(due, remaining),
  });
}
