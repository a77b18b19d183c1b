// What a hosted form hands back to the page that embeds it ("Post Message.md"): with
// `parent_send_message`, the iframe posts the JSON response of the form submission, as a JSON
// string, to the parent window, once the payment (or the stored account) succeeded.
import {
  buildError,
  Err,
  Ok,
  type PaymentsError,
  Redactor,
  type Result,
  readTolerantly,
} from '@payweave/core';
import type * as z from 'zod/mini';
import { type AccountVaultRecord, accountVaultRecord } from '../account-vaults/account-vault-schemas.js';
import {
  type PayaTransaction,
  toPayaTransaction,
  transactionRecord,
} from '../transactions/transaction-schemas.js';
import type { PayaFormName } from './form-url.js';

/**
 * What a form's message held: the transaction a PayForm made, or the vault an AccountForm stored.
 *
 * @example
 * ```ts
 * const response: PayaFormResponse = parseFormResponse(event, link).unwrap();
 * if (response.form === 'accountform') console.log(response.accountVault.id);
 * ```
 */
export type PayaFormResponse =
  | {
      /** A PayForm response. */
      readonly form: 'payform';
      /** The transaction (a decline is a transaction whose `status` is `declined`). */
      readonly transaction: PayaTransaction;
    }
  | {
      /** An AccountForm response. */
      readonly form: 'accountform';
      /** The stored account vault. */
      readonly accountVault: AccountVaultRecord;
    };

/**
 * A `message` event as the browser hands it to the listener (`MessageEvent`), or its two fields.
 *
 * @example
 * ```ts
 * const message: FormMessage = { origin: event.origin, data: event.data };
 * ```
 */
export interface FormMessage {
  /** The sender's origin (`https://api.sandbox.payaconnect.com`). */
  readonly origin: string;
  /** What was posted: Paya posts the response as a JSON string. */
  readonly data: unknown;
}

/**
 * What the message must be: a {@link PayaFormLink} gives all three.
 *
 * @example
 * ```ts
 * parseFormResponse(event, { form: 'payform', origin: 'https://api.payaconnect.com', reference });
 * ```
 */
export interface ExpectedFormResponse {
  /** The form that posts it. */
  readonly form: PayaFormName;
  /** The sender's exact origin: the API host the form URL points at. Checked when a `MessageEvent` is given. */
  readonly origin?: string | undefined;
  /** The reference of the form (`link.reference`): a message about another record is refused. */
  readonly reference?: string | undefined;
}

/**
 * A form link's fields {@link parseFormResponse} reads (a `PayaFormLink` has them).
 *
 * @example
 * ```ts
 * const stored: FormLinkLike = { form: link.form, url: link.url, reference: link.reference };
 * ```
 */
export interface FormLinkLike {
  /** `payform` or `accountform`. */
  readonly form: PayaFormName;
  /** The form URL (its origin is the sender's). */
  readonly url: string;
  /** The reference in `data`. */
  readonly reference: string;
}

const operation = 'paya.forms.parseFormResponse';
// A message is hostile input: whatever it quotes (an echoed card number) is scrubbed.
const scope = { provider: 'paya', operation, redactor: new Redactor() };

function refuse(code: 'webhook_signature' | 'webhook_malformed', detail: string): PaymentsError {
  return buildError(scope, { code, detail, retryable: false });
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function expectationOf(expected: ExpectedFormResponse | FormLinkLike): ExpectedFormResponse {
  if ('url' in expected && typeof expected.url === 'string') {
    return { form: expected.form, origin: originOf(expected.url), reference: expected.reference };
  }
  return expected as ExpectedFormResponse;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRecord<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): Result<T, PaymentsError> {
  const read = readTolerantly(schema, value);
  if (read.success) return Ok(read.data);
  // Field names only: a value (an account number) is never quoted.
  const fields = [...new Set(read.issues.map((issue) => issue.path.map(String).join('.') || '(record)'))];
  return Err(
    refuse(
      'webhook_malformed',
      `the ${what} in the message cannot be read (${fields.slice(0, 5).join(', ')})`,
    ),
  );
}

/**
 * Reads what a hosted form posted to the parent page (`parent_send_message`): checks the
 * sender's origin exactly (a `MessageEvent` from another origin is `webhook_signature`), parses
 * the JSON string and returns the transaction (PayForm) or the account vault (AccountForm),
 * enveloped (`{"transaction":…}`) or not. A message about another reference, or one that is not
 * Paya's JSON, is `webhook_malformed`; `{"errors":…}` is `invalid_request` with field errors.
 * Paya calls postMessage unreliable (iframe restrictions): treat the result as a hint and
 * confirm it with `forms.findResult(link)` before shipping anything. Redirects carry no
 * documented parameters: after one, use `findResult` only.
 *
 * @example
 * ```ts
 * window.addEventListener('message', (event) => {
 *   const response = parseFormResponse(event, link); // link: the PayaFormLink of the iframe
 *   if (response.isOk() && response.value.form === 'payform') show(response.value.transaction.status);
 * });
 * ```
 */
export function parseFormResponse(
  message: FormMessage | string,
  expected: ExpectedFormResponse | FormLinkLike,
): Result<PayaFormResponse, PaymentsError> {
  const want = expectationOf(expected);
  let text: unknown = message;
  if (typeof message === 'object' && message !== null) {
    if (want.origin === undefined)
      return Err(
        refuse('webhook_signature', 'no origin to check the message against: pass the form link or origin'),
      );
    if (message.origin !== want.origin) {
      return Err(
        refuse(
          'webhook_signature',
          `the message comes from ${JSON.stringify(String(message.origin).slice(0, 100))}, not from the form's origin ${want.origin}: ignore it`,
        ),
      );
    }
    text = message.data;
  }
  if (typeof text !== 'string')
    return Err(
      refuse(
        'webhook_malformed',
        'the message data is not a JSON string (Paya posts the response as JSON text)',
      ),
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // No cause kept: V8's SyntaxError quotes the text around the error, which may hold card data.
    return Err(refuse('webhook_malformed', 'the message data is not JSON'));
  }
  if (!isRecord(body)) return Err(refuse('webhook_malformed', 'the message data is not a JSON object'));
  if (isRecord(body.errors)) {
    return Err(
      buildError(scope, {
        code: 'invalid_request',
        detail: 'the form answered with errors',
        fieldErrors: body.errors as Record<string, string[]>,
        retryable: false,
      }),
    );
  }
  if (want.form === 'payform') {
    const record = isRecord(body.transaction) ? body.transaction : body;
    const read = readRecord(transactionRecord, record, 'transaction');
    if (read.isErr()) return read;
    if (want.reference !== undefined && read.value.transaction_api_id !== want.reference)
      return Err(
        refuse(
          'webhook_malformed',
          "the transaction in the message is not this form's (transaction_api_id differs)",
        ),
      );
    return Ok({ form: 'payform', transaction: toPayaTransaction(read.value) });
  }
  const record = isRecord(body.accountvault) ? body.accountvault : body;
  const read = readRecord(accountVaultRecord, record, 'account vault');
  if (read.isErr()) return read;
  if (want.reference !== undefined && read.value.account_vault_api_id !== want.reference)
    return Err(
      refuse(
        'webhook_malformed',
        "the account vault in the message is not this form's (account_vault_api_id differs)",
      ),
    );
  return Ok({ form: 'accountform', accountVault: read.value });
}
