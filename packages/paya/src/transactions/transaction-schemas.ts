import type { Money } from '@payweave/core';
import { decorateRecord, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  expandOf,
  pageFields,
  payaAmount,
  payaAmountOrZero,
  payaDate,
  payaId,
  phone10,
  text,
} from '../shared/paya-fields.js';
import { amountFilter, oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { payaMoney } from '../shared/paya-money.js';
import { listMeta } from '../shared/paya-paging.js';
import {
  type TransactionReasonName,
  type TransactionStatusName,
  type TransactionTypeName,
  transactionReasonName,
  transactionStatusName,
  transactionTypeName,
} from './transaction-status.js';

/** ACH Standard Entry Class codes Paya accepts. */
export const achSecCodes = ['PPD', 'CCD', 'WEB', 'TEL', 'POP', 'C21'] as const;

/**
 * Related records `expand` can add to a transaction. `status` and `type` are left out on
 * purpose: the SDK already decodes `status_id` / `type_id` into the `status` / `type` names,
 * and an expanded object under the same key would clash with them.
 */
export const transactionExpands = [
  'contact',
  'location',
  'product_transaction',
  'tags',
  'transaction_histories',
  'is_voidable',
  'is_refundable',
  'is_completable',
  'is_reversible',
  'is_settled',
  'reason_code',
  'created_user',
  'account_vault',
] as const;

const orderNum = lazySchema(() =>
  z.string().check(z.regex(/^[A-Za-z0-9 ]{1,32}$/, 'must be 1-32 letters, digits or spaces')),
);
const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const wireAmount = lazySchema(() => z.optional(z.nullable(z.union([z.string(), z.number()]))));

/** The transaction methods; each sends the Paya `action` that is its name in lower case. */
const transactionMethods = [
  'sale',
  'authOnly',
  'avsOnly',
  'refund',
  'debit',
  'credit',
  'authComplete',
  'void',
  'force',
  'authIncrement',
  'partialReversal',
  'edit',
];

/**
 * A field the method fixes, as Paya's own examples write it: accepted when it agrees and
 * refused, naming the method to use when there is one, when it contradicts
 * (`must be "sale" for transactions.sale (use transactions.authOnly for "authonly")`).
 * The SDK always sends the method's own value.
 */
function fixedField<const Value extends string>(
  value: Value,
  method: string,
  instead: (input: unknown) => string | undefined,
) {
  return z.optional(
    z.literal(value, {
      error: ({ input }) => {
        const other = instead(input);
        return `must be "${value}" for transactions.${method}${
          other ? ` (use transactions.${other} for "${input as string}")` : ''
        }`;
      },
    }),
  );
}

/** Paya's `action` on a transaction method: the method's name in lower case (`authOnly` sends `authonly`). */
export function actionField<const Method extends string>(method: Method) {
  return fixedField(method.toLowerCase() as Lowercase<Method>, method, (input) =>
    transactionMethods.find((name) => name.toLowerCase() === input),
  );
}

/**
 * Paya's `payment_method` on a method that fixes it (`cc` for card methods, `ach` for ACH),
 * naming `otherwise`, the method for the other payment method, when there is one.
 */
export function paymentMethodField<const Value extends 'cc' | 'ach'>(
  method: string,
  value: Value,
  otherwise?: string,
) {
  return fixedField(value, method, (input) =>
    input === (value === 'cc' ? 'ach' : 'cc') ? otherwise : undefined,
  );
}

/**
 * Paya's `{ "transaction": {...} }` request envelope, refused with what to do: the SDK
 * writes the envelope, the method takes the fields inside it.
 */
export const transactionEnvelopeField = lazySchema(() =>
  z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
);

/** Fields every money-moving transaction request may carry. */
export const commonFields = {
  transaction: transactionEnvelopeField,
  /** Location; Paya defaults to the user's primary location. */
  location_id: z.optional(payaId),
  /** Deposit account; must match the payment method. */
  product_transaction_id: z.optional(payaId),
  /** Misspelled once in Paya's integration guide: refused with the right name, never sent. */
  product_transction_id: z.optional(
    z.never({ error: "is misspelled in Paya's guide: send product_transaction_id" }),
  ),
  /** Your reference, unique per location (<= 64). Filled by the SDK when absent, for safe retries. */
  transaction_api_id: z.optional(text(1, 64)),
  /** Order number (<= 32, letters and digits). */
  order_num: z.optional(orderNum),
  /** Free text (<= 64). */
  description: z.optional(text(1, 64)),
  contact_id: z.optional(payaId),
  contact_api_id: z.optional(text(1, 36)),
  billing_street: z.optional(text(1, 64)),
  billing_zip: z.optional(z.string().check(z.regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be a postal code'))),
  billing_city: z.optional(text(1, 36)),
  billing_state: z.optional(text(2, 24)),
  billing_phone: z.optional(phone10),
  tax: z.optional(payaAmountOrZero),
  subtotal_amount: z.optional(payaAmountOrZero),
  surcharge_amount: z.optional(payaAmountOrZero),
  tip_amount: z.optional(payaAmountOrZero),
  po_number: z.optional(text(1, 32)),
  customer_id: z.optional(text(1, 64)),
  customer_ip: z.optional(text(7, 45)),
  notification_email_address: z.optional(
    z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address')),
  ),
  transaction_c1: z.optional(text(0, 128)),
  transaction_c2: z.optional(text(0, 128)),
  transaction_c3: z.optional(text(0, 128)),
  custom_data: z.optional(z.record(z.string(), z.unknown())),
};

/** Card source and card details. */
export const cardFields = {
  /** Stored card (account vault). */
  account_vault_id: z.optional(payaId),
  /** Stored card by your own vault reference. */
  account_vault_api_id: z.optional(text(1, 64)),
  /** Keyed card number, 13-19 digits (sensitive; needs `exp_date`). */
  account_number: z.optional(z.string().check(z.regex(/^\d{13,19}$/, 'must be 13-19 digits'))),
  /** Card expiry `MMYY`. */
  exp_date: z.optional(z.string().check(z.regex(/^(0[1-9]|1[0-2])\d{2}$/, 'must be MMYY'))),
  /** Card security code (sensitive). */
  cvv: z.optional(z.string().check(z.regex(/^\d{3,4}$/, 'must be 3 or 4 digits'))),
  /** Charge the card of a previous transaction. */
  previous_transaction_id: z.optional(payaId),
  /** Swiped track data (sensitive). */
  track_data: z.optional(text(1, 512)),
  account_holder_name: z.optional(text(1, 64)),
  /** Card brand as Paya names it (`visa`, `mc`, ...). */
  account_type: z.optional(text(1, 32)),
};

/** ACH account holder identity fields (all sensitive). */
const identityFields = {
  dob_year: z.optional(z.string().check(z.regex(/^(19|20)\d{2}$/, 'must be a 4-digit year'))),
  ssn4: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits'))),
  dl_number: z.optional(text(1, 32)),
  dl_state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a 2-letter state code'))),
};

/** ACH details. */
const achFields = {
  /** ACH Standard Entry Class. */
  ach_sec_code: z.enum(achSecCodes),
  /** Deposit account (required for ACH). */
  product_transaction_id: payaId,
  account_holder_name: z.optional(text(1, 64)),
  account_type: z.optional(z.enum(['checking', 'savings'])),
  /** Bank account number, 4-19 digits (sensitive; needs `routing`). */
  account_number: z.optional(z.string().check(z.regex(/^\d{4,19}$/, 'must be 4-19 digits'))),
  /** ABA routing number, 9 digits. */
  routing: z.optional(z.string().check(z.regex(/^\d{9}$/, 'must be 9 digits'))),
  account_vault_id: z.optional(payaId),
  account_vault_api_id: z.optional(text(1, 64)),
  previous_transaction_id: z.optional(payaId),
  /** Date the entry should settle. */
  effective_date: z.optional(payaDate),
  /** Check number (TEL). */
  check_number: z.optional(text(1, 15)),
  ...identityFields,
};

/** One validation issue: the field and why. */
export type Issue = { message: string; path: string[] };

function present(value: unknown): boolean {
  return value !== undefined;
}

/** The card source rules: exactly one source, `exp_date` with (and only with) a keyed card. */
export function cardSourceIssues(input: Record<string, unknown>): Issue[] {
  const sources = [
    'account_vault_id',
    'account_vault_api_id',
    'account_number',
    'previous_transaction_id',
    'track_data',
  ];
  const given = sources.filter((field) => present(input[field]));
  const issues: Issue[] = [];
  if (given.length === 0) {
    issues.push({
      path: ['account_vault_id'],
      message: `one card source is required: ${sources.join(', ')}`,
    });
  } else if (given.length > 1) {
    issues.push({ path: [given[1]!], message: `give only one card source (got ${given.join(' and ')})` });
  }
  if (present(input.account_number) && !present(input.exp_date))
    issues.push({ path: ['exp_date'], message: 'is required with account_number' });
  if (present(input.exp_date) && !present(input.account_number))
    issues.push({ path: ['exp_date'], message: 'is only allowed with account_number' });
  return issues;
}

function achSourceIssues(input: Record<string, unknown>): Issue[] {
  const sources = ['account_vault_id', 'account_vault_api_id', 'account_number', 'previous_transaction_id'];
  const given = sources.filter((field) => present(input[field]));
  const issues: Issue[] = [];
  if (given.length === 0) {
    issues.push({
      path: ['account_number'],
      message: `one bank account source is required: ${sources.join(', ')}`,
    });
  } else if (given.length > 1) {
    issues.push({
      path: [given[1]!],
      message: `give only one bank account source (got ${given.join(' and ')})`,
    });
  }
  if (present(input.account_number)) {
    for (const field of ['routing', 'account_holder_name', 'account_type']) {
      if (!present(input[field])) issues.push({ path: [field], message: 'is required with account_number' });
    }
  } else if (present(input.routing)) {
    issues.push({ path: ['routing'], message: 'is only allowed with account_number' });
  }
  if (present(input.check_number) && input.ach_sec_code !== 'TEL')
    issues.push({ path: ['check_number'], message: 'is only used with ach_sec_code TEL' });
  return issues;
}

/** A zod check that reports every issue a rule finds, at its field. */
export function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

const cardCharge = <const Method extends string>(method: Method) =>
  z
    .strictObject({
      action: actionField(method),
      payment_method: paymentMethodField(method, 'cc', method === 'sale' ? 'debit' : undefined),
      transaction_amount: payaAmount,
      ...commonFields,
      ...cardFields,
    })
    .check(withIssues(cardSourceIssues));

/** Input of `transactions.sale`: one card source, an amount (`action: 'sale'`, `payment_method: 'cc'` may be given). */
export const saleInput = cardCharge('sale');

/** Input of `transactions.authOnly`: as a sale (`action: 'authonly'`, `payment_method: 'cc'` may be given). */
export const authOnlyInput = cardCharge('authOnly');

/** Input of `transactions.avsOnly`: a card source and billing address (the amount defaults to 0.00). */
export const avsOnlyInput = z
  .strictObject({
    action: actionField('avsOnly'),
    payment_method: paymentMethodField('avsOnly', 'cc'),
    transaction_amount: z.optional(payaAmountOrZero),
    ...commonFields,
    ...cardFields,
  })
  .check(withIssues(cardSourceIssues));

const ach = <const Method extends string>(method: Method, otherwise: string) =>
  z
    .strictObject({
      action: actionField(method),
      payment_method: paymentMethodField(method, 'ach', otherwise),
      transaction_amount: payaAmount,
      ...commonFields,
      ...achFields,
    })
    .check(withIssues(achSourceIssues));

/** Input of ACH `transactions.debit` (`action: 'debit'`, `payment_method: 'ach'` may be given). */
export const debitInput = ach('debit', 'sale');

/** Input of ACH `transactions.credit` (`action: 'credit'`, `payment_method: 'ach'` may be given). */
export const creditInput = ach('credit', 'refund');

/**
 * Input of `transactions.refund`: a new transaction against `previous_transaction_id`.
 * Card refunds are for settled transactions (void before settlement). ACH WEB refunds
 * must be for the full amount; a partial ACH return is a CCD `credit`.
 */
export const refundInput = lazySchema(() =>
  z.strictObject({
    action: actionField('refund'),
    previous_transaction_id: payaId,
    transaction_amount: payaAmount,
    /** `cc` (default) or `ach`. */
    payment_method: z.optional(z.enum(['cc', 'ach'])),
    ach_sec_code: z.optional(z.enum(achSecCodes)),
    ...commonFields,
    ...identityFields,
  }),
);

/** Input of `transactions.authComplete`: the auth-only transaction, optionally a different amount. */
export const authCompleteInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    action: actionField('authComplete'),
    transaction: transactionEnvelopeField,
    /** Amount to capture; may differ from the authorised amount. */
    transaction_amount: z.optional(payaAmount),
  }),
);

/** Input of `transactions.void`. */
export const voidInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    action: actionField('void'),
    transaction: transactionEnvelopeField,
  }),
);

/** Input of `transactions.retrieve`. */
export const retrieveTransactionInput = lazySchema(() =>
  z.strictObject({ id: payaId, expand: expandOf(transactionExpands) }),
);

/**
 * Filters of `transactions.list`. Arrays are ORed (`status_id: [101, 102]`), amounts take
 * `{ from, to }` ranges, timestamps a named range (`'last 30 days'`) or `{ from, to }` in
 * unix seconds; text fields such as `account_holder_name` match substrings.
 */
export const listTransactionsInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(transactionExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    product_transaction_id: oneOrMany(payaId),
    contact_id: oneOrMany(payaId),
    account_vault_id: oneOrMany(payaId),
    transaction_api_id: oneOrMany(text(1, 64)),
    order_num: oneOrMany(text(1, 32)),
    status_id: oneOrMany(z.int()),
    type_id: oneOrMany(z.int()),
    reason_code_id: oneOrMany(z.int()),
    payment_method: oneOrMany(z.enum(['cc', 'ach'])),
    ach_sec_code: oneOrMany(z.enum(achSecCodes)),
    account_type: oneOrMany(text(1, 32)),
    batch: oneOrMany(text(1, 32)),
    /** Transactions of a transaction batch. */
    transaction_batch_id: oneOrMany(payaId),
    /** Transactions a recurring ran. */
    recurring_id: oneOrMany(payaId),
    /** Transactions paying a quick invoice. */
    quick_invoice_id: oneOrMany(payaId),
    /** How the transaction reached Paya (8 quick invoice, 13 recurring billing, ...). */
    trx_source_id: oneOrMany(z.int()),
    account_holder_name: z.optional(text(1, 64)),
    description: z.optional(text(1, 64)),
    first_six: z.optional(z.string().check(z.regex(/^\d{6}$/, 'must be 6 digits'))),
    last_four: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits'))),
    transaction_amount: amountFilter,
    auth_amount: amountFilter,
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the transaction filters (custom ranges are written differently). */
export const transactionTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

/** A transaction as Paya sends it (every other field is kept as sent). */
export const transactionRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    payment_method: nullableText,
    status_id: z.number(),
    type_id: z.number(),
    reason_code_id: z.optional(z.nullable(z.number())),
    transaction_amount: wireAmount,
    auth_amount: wireAmount,
    location_id: nullableText,
    product_transaction_id: nullableText,
    contact_id: nullableText,
    transaction_api_id: nullableText,
    order_num: nullableText,
    verbiage: nullableText,
    created_ts: z.optional(z.nullable(z.number())),
  }),
);

/** One transaction envelope `{ transaction: {...} }`. */
export const transactionEnvelope = lazySchema(() => z.looseObject({ transaction: transactionRecord }));

/** A transaction list `{ transactions: [...], meta }`. */
export const transactionListEnvelope = lazySchema(() =>
  z.looseObject({
    transactions: z.array(transactionRecord),
    meta: listMeta,
  }),
);

/** A transaction as Paya sends it. */
export type TransactionRecord = z.output<typeof transactionRecord>;

/**
 * A Paya transaction: every field as Paya sent it, plus `status`, `type` and `reason`
 * (decoded `status_id`, `type_id`, `reason_code_id`) and the amounts as {@link Money}.
 * A decline is a transaction whose `status` is `declined`.
 */
export type PayaTransaction = TransactionRecord & {
  /** `status_id` by name (`approved`, `authOnly`, `declined`, ...). */
  readonly status: TransactionStatusName;
  /** `type_id` by name (`sale`, `refund`, `debit`, ...). */
  readonly type: TransactionTypeName;
  /** `reason_code_id` by name (`approved`, `deny`, `declined`, ...). */
  readonly reason: TransactionReasonName;
  /** `transaction_amount` as Money (USD). */
  readonly transaction_amount_money: Money | undefined;
  /** `auth_amount` as Money (USD). */
  readonly auth_amount_money: Money | undefined;
};

/** Adds the decoded names and Money amounts to a transaction, to the record itself (returned): records are decoded as they are parsed. */
export function toPayaTransaction(record: TransactionRecord): PayaTransaction {
  return decorateRecord(record, {
    status: transactionStatusName(record.status_id),
    type: transactionTypeName(record.type_id),
    reason: transactionReasonName(record.reason_code_id),
    transaction_amount_money: payaMoney(record.transaction_amount),
    auth_amount_money: payaMoney(record.auth_amount),
  });
}
