import { lazySchema } from '@payweave/core';
// The `data` JSON of Paya's hosted forms, from `PayForm/README.md` and `AccountForm/README.md` of
// PayaDev/PayaConnect (see `paya-more.md` section 2).
import * as z from 'zod/mini';
import { accountVaultApiId } from '../account-vaults/account-vault-schemas.js';
import { payaAmount, payaAmountOrZero, payaId, phone10, text } from '../shared/paya-fields.js';
import { achSecCodes } from '../transactions/transaction-schemas.js';

/**
 * A form flag: `true` / `false` or `1` / `0` (the READMEs' "true/false or 1/0"), and the
 * quoted `"1"` / `"0"` of Paya's PHP samples.
 */
const formFlag = lazySchema(() =>
  z.union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]),
);

/** An absolute https URL of at most 256 characters (the forms' URL fields). */
const pageUrl = lazySchema(() =>
  z.string().check(
    z.maxLength(256, 'must be at most 256 characters'),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
      } catch {
        return false;
      }
    }, 'must be an absolute https:// URL (the form is served over https; http only on loopback)'),
  ),
);

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

const seconds = lazySchema(() => z.int().check(z.gte(0), z.lte(3600)));

/** A field that must never be in `data`, with why. */
function refused(why: string) {
  return z.optional(z.never({ error: why }));
}

const typedByPayer =
  'must not be put in the form data: the payer types it into the hosted form (data is readable by anyone holding the URL, and keeping card data off your pages is what the form is for)';

/** Card and bank data: typed by the payer, never put in `data`. */
const payerFields = {
  account_number: refused(typedByPayer),
  exp_date: refused(typedByPayer),
  cvv: refused(typedByPayer),
  routing: refused(typedByPayer),
  track_data: refused(typedByPayer),
  ssn4: refused(typedByPayer),
  dob_year: refused(typedByPayer),
  dl_number: refused(typedByPayer),
  ticket: refused(typedByPayer),
};

/** Control fields both forms take. */
const sharedControls = {
  /** Close the form after it is submitted. */
  parent_close: z.optional(formFlag),
  /** Seconds before closing (Paya's default 10); only with `parent_close`. */
  parent_close_delay: z.optional(seconds),
  /** Show the close button (Paya's default true). */
  display_close_button: z.optional(formFlag),
  /** `manual`, `terminal` or `both` (default from the deposit account's industry). */
  entry_method: z.optional(z.enum(['manual', 'terminal', 'both'])),
  /** Show the account holder name field (default true). */
  show_account_holder_name: z.optional(formFlag),
  /** Show the street field (default from the deposit account's settings). */
  show_street: z.optional(formFlag),
  /** Show the zip field (default from the deposit account's settings). */
  show_zip: z.optional(formFlag),
  /** A stylesheet that overrides the form's (absolute https URL, at most 256 characters). */
  stylesheet_url: z.optional(pageUrl),
  /** Post the form's JSON response to the parent window (`postMessage`); read it with `parseFormResponse`. */
  parent_send_message: z.optional(formFlag),
  /** Where the payer is sent after a successful submission (at most 256 characters). */
  redirect_url_on_approval: z.optional(pageUrl),
  /** Seconds before that redirect. */
  redirect_url_delay: z.optional(seconds),
  send_parent_message: refused(
    "is the name in Paya's PHP / C# samples; its README names the field parent_send_message: use that",
  ),
  redirect_url_on_approve: refused(
    'is the name of an older README revision (and of the Hosted Payment Page): use redirect_url_on_approval',
  ),
};

/** Fields of the PayForm `data` (a transaction), in the order they are written. */
export const payFormDataInput = z
  .strictObject({
    /** `cc` (card) or `ach` (bank account). */
    payment_method: z.enum(['cc', 'ach']),
    /** `sale`, `authonly`, `avsonly` (card), `debit` (ACH) or `refund` (non-referenced). */
    action: z.enum(['sale', 'authonly', 'avsonly', 'refund', 'debit']),
    /** Amount in dollars (`"13.00"` or `13`); `avsonly` defaults to `"0.00"`. */
    transaction_amount: z.optional(payaAmountOrZero),
    /** Your reference, unique per location (<= 64): filled by the SDK when absent, to find the result. */
    transaction_api_id: z.optional(text(1, 64)),
    transaction: refused("is Paya's data envelope: pass the fields inside it (the SDK adds the envelope)"),
    location_id: z.optional(payaId),
    /** Deposit account; required for ACH (an ACH deposit account with the `ach_sec_code`). */
    product_transaction_id: z.optional(payaId),
    /** ACH Standard Entry Class; required for ACH. */
    ach_sec_code: z.optional(z.enum(achSecCodes)),
    contact_id: z.optional(payaId),
    contact_api_id: z.optional(text(1, 36)),
    order_num: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9 ]{1,32}$/, 'must be 1-32 letters, digits or spaces')),
    ),
    description: z.optional(text(1, 64)),
    /** Prefilled name on the account (the payer can change it). */
    account_holder_name: z.optional(text(1, 64)),
    billing_street: z.optional(text(1, 64)),
    billing_zip: z.optional(z.string().check(z.regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be a postal code'))),
    billing_city: z.optional(text(1, 36)),
    billing_state: z.optional(text(2, 24)),
    billing_phone: z.optional(phone10),
    tax: z.optional(payaAmountOrZero),
    subtotal_amount: z.optional(payaAmountOrZero),
    surcharge_amount: z.optional(payaAmountOrZero),
    tip_amount: z.optional(payaAmountOrZero),
    customer_id: z.optional(text(1, 64)),
    po_number: z.optional(text(1, 32)),
    notification_email_address: z.optional(
      z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address')),
    ),
    transaction_c1: z.optional(text(0, 128)),
    transaction_c2: z.optional(text(0, 128)),
    transaction_c3: z.optional(text(0, 128)),
    /** Store the payer's card or bank account as a vault too (Paya's `save_account`). */
    save_account: z.optional(formFlag),
    /** Title of that vault (<= 16). */
    save_account_title: z.optional(text(1, 16)),
    /** `en_CA` for Canadian labels (then send `billing_state`). */
    locale: z.optional(z.string().check(z.regex(/^[a-z]{2}_[A-Z]{2}$/, 'must be a locale such as en_CA'))),
    ...sharedControls,
    /** Require the street (default from the deposit account's settings). */
    require_street: z.optional(formFlag),
    /** Require the zip (default from the deposit account's settings). */
    require_zip: z.optional(formFlag),
    /** Show the CVV field (default true). */
    show_cvv: z.optional(formFlag),
    /** ACH: ask for the account number twice. */
    show_second_account_number: z.optional(formFlag),
    /** Mastercard service-address fields. */
    show_service_address_fields: z.optional(formFlag),
    /** Where the payer is sent after a decline. */
    redirect_url_on_decline: z.optional(pageUrl),
    ...payerFields,
    previous_transaction_id: refused('is not taken by PayForm: its refunds are non-referenced only'),
    account_vault_id: refused(
      'is not taken by PayForm (the payer types the account): charge a vault with transactions.sale',
    ),
  })
  .check(withIssues(payFormIssues));

/** Fields of the AccountForm `data` (an account vault), in the order they are written. */
export const accountFormDataInput = z
  .strictObject({
    /** `cc` (card) or `ach` (bank account). */
    payment_method: z.enum(['cc', 'ach']),
    /** Location that owns the vault. */
    location_id: payaId,
    /** Your reference (letters and digits, 1-36), unique per location: filled by the SDK when absent. */
    account_vault_api_id: z.optional(accountVaultApiId),
    accountvault: refused("is Paya's data envelope: pass the fields inside it (the SDK adds the envelope)"),
    contact_id: z.optional(payaId),
    /** Label shown in Paya's UI. */
    title: z.optional(text(1, 64)),
    /** Prefilled name on the account. */
    account_holder_name: z.optional(text(1, 60)),
    /** SEC code used when the vault is charged by ACH (Paya's samples send it for ACH). */
    ach_sec_code: z.optional(z.enum(achSecCodes)),
    customer_id: z.optional(text(1, 50)),
    billing_address: z.optional(text(1, 32)),
    billing_city: z.optional(text(1, 36)),
    billing_state: z.optional(text(2, 26)),
    billing_zip: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9 -]{4,12}$/, 'must be 4 to 12 letters, digits, spaces or dashes')),
    ),
    billing_phone: z.optional(z.string().check(z.regex(/^\d{1,10}$/, 'must be 1 to 10 digits'))),
    accountvault_c1: z.optional(text(0, 128)),
    accountvault_c2: z.optional(text(0, 128)),
    accountvault_c3: z.optional(text(0, 128)),
    locale: z.optional(z.string().check(z.regex(/^[a-z]{2}_[A-Z]{2}$/, 'must be a locale such as en_CA'))),
    ...sharedControls,
    /** Show the title field (default true). */
    show_title: z.optional(formFlag),
    ...payerFields,
  })
  .check(withIssues(closeDelayIssues));

/**
 * What the caller passes to `payFormUrl` (the fields of the `transaction` object).
 *
 * @example
 * ```ts
 * const data: PayFormData = { payment_method: 'cc', action: 'sale', transaction_amount: '25.00', show_cvv: true };
 * ```
 */
export type PayFormData = z.input<typeof payFormDataInput>;

/**
 * What the caller passes to `accountFormUrl` (the fields of the `accountvault` object).
 *
 * @example
 * ```ts
 * const data: AccountFormData = { payment_method: 'cc', location_id, contact_id, show_title: false };
 * ```
 */
export type AccountFormData = z.input<typeof accountFormDataInput>;

type Issue = { message: string; path: string[] };

const cardActions = new Set(['sale', 'authonly', 'avsonly']);

function payFormIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const { action, payment_method: method } = input;
  if (typeof action === 'string' && cardActions.has(action) && method !== 'cc')
    issues.push({ path: ['action'], message: `${action} is a card action: it needs payment_method "cc"` });
  if (action === 'debit' && method !== 'ach')
    issues.push({ path: ['action'], message: 'debit is an ACH action: it needs payment_method "ach"' });
  if (action !== 'avsonly') {
    if (input.transaction_amount === undefined)
      issues.push({ path: ['transaction_amount'], message: `is required for ${String(action)}` });
    else if (!z.safeParse(payaAmount, input.transaction_amount).success)
      issues.push({ path: ['transaction_amount'], message: `must be greater than 0 for ${String(action)}` });
  }
  if (method === 'ach') {
    for (const field of ['product_transaction_id', 'ach_sec_code'])
      if (input[field] === undefined)
        issues.push({
          path: [field],
          message:
            field === 'ach_sec_code'
              ? 'is required with payment_method "ach" (the SEC code of the debit)'
              : 'is required with payment_method "ach" (a deposit account that takes ACH)',
        });
    for (const field of ['show_cvv', 'require_street'])
      if (input[field] !== undefined)
        issues.push({ path: [field], message: 'is a card field: the ACH form has none' });
  } else if (input.show_second_account_number !== undefined) {
    issues.push({
      path: ['show_second_account_number'],
      message: 'is an ACH field (payment_method "ach")',
    });
  }
  if (input.save_account_title !== undefined && !isOn(input.save_account))
    issues.push({ path: ['save_account_title'], message: 'is only used with save_account' });
  issues.push(...closeDelayIssues(input));
  return issues;
}

function closeDelayIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (input.parent_close_delay !== undefined && !isOn(input.parent_close))
    issues.push({ path: ['parent_close_delay'], message: 'is only used with parent_close' });
  if (
    input.redirect_url_delay !== undefined &&
    input.redirect_url_on_approval === undefined &&
    input.redirect_url_on_decline === undefined
  )
    issues.push({ path: ['redirect_url_delay'], message: 'is only used with a redirect URL' });
  return issues;
}

/** Whether a form flag is on (`true`, `1`, `"1"`). */
export function isOn(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}
