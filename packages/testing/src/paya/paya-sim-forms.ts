// Paya's hosted forms, from `PayForm/README.md`, `AccountForm/README.md`, `HMAC Authentication
// Process.md`, `Post Message.md` and the release notes (one-time hash keys) of PayaDev/PayaConnect:
// `GET /v2/payform` and `GET /v2/accountform` check the signed URL and serve the form, and
// `simulator.forms.submit(url, fields)` plays the payer who fills it in and submits it.
import { json } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { statusError } from './paya-sim-errors.js';
import type { PayaSimState } from './paya-sim-state.js';
import { createTransaction, type TransactionContext } from './paya-sim-transactions.js';
import { accountVaultOf, createVault } from './paya-sim-vaults.js';

/**
 * The two hosted forms.
 *
 * @example
 * ```ts
 * const form: SimFormName = (await simulator.forms.submit(url, card)).form;
 * ```
 */
export type SimFormName = 'payform' | 'accountform';

/** "It has an expiry period of 5 minutes" (the same page also says 15 for the HMAC: the stricter wins). */
const lifetimeSeconds = 300;
/** How far ahead of the server's clock a timestamp may be: not documented, so a small allowance. */
const futureAllowanceSeconds = 30;

const controlFields = new Set([
  'parent_close',
  'parent_close_delay',
  'display_close_button',
  'entry_method',
  'show_account_holder_name',
  'show_street',
  'show_zip',
  'require_street',
  'require_zip',
  'show_cvv',
  'show_second_account_number',
  'show_service_address_fields',
  'show_title',
  'stylesheet_url',
  'parent_send_message',
  'redirect_url_on_approval',
  'redirect_url_on_decline',
  'redirect_url_delay',
  'parent_origin',
]);

const payFormActions = new Set(['sale', 'authonly', 'avsonly', 'refund', 'debit']);

/**
 * What the payer types into a form (Paya's field names).
 *
 * @example
 * ```ts
 * const card: PayaFormPayerFields = { account_number: '4111111111111111', exp_date: '1230', cvv: '999' };
 * ```
 */
export interface PayaFormPayerFields {
  /** Card number, or bank account number. */
  readonly account_number: string;
  /** ACH with `show_second_account_number`: the account number typed again. */
  readonly account_number_confirmation?: string | undefined;
  /** Card expiry `MMYY`. */
  readonly exp_date?: string | undefined;
  /** Card security code. */
  readonly cvv?: string | undefined;
  /** ACH routing number. */
  readonly routing?: string | undefined;
  /** ACH: `checking` or `savings`. */
  readonly account_type?: 'checking' | 'savings' | undefined;
  /** AccountForm ACH: a company account. */
  readonly is_company?: boolean | undefined;
  /** Name on the card or account. */
  readonly account_holder_name?: string | undefined;
  /** PayForm street. */
  readonly billing_street?: string | undefined;
  /** AccountForm street. */
  readonly billing_address?: string | undefined;
  /** Postal code. */
  readonly billing_zip?: string | undefined;
  /** AccountForm: the vault's title. */
  readonly title?: string | undefined;
}

/**
 * What one submission of a hosted form did.
 *
 * @example
 * ```ts
 * const submitted: PayaFormSubmission = await simulator.forms.submit(link.url, card);
 * if (submitted.status === 201) console.log(submitted.transaction?.status_id, submitted.message);
 * ```
 */
export interface PayaFormSubmission {
  /** `payform` or `accountform`. */
  readonly form: SimFormName;
  /** 201 recorded (a declined payment too), 422 refused (hash key, timestamp, fields), 401 unknown developer or user. */
  readonly status: number;
  /** The JSON response of the submission (`{ transaction }`, `{ accountvault }` or `{ errors }`). */
  readonly body: unknown;
  /** The transaction a PayForm made, as the API returns it. */
  readonly transaction: Record<string, unknown> | undefined;
  /** The vault an AccountForm (or a PayForm with `save_account`) stored, as the API returns it. */
  readonly accountVault: Record<string, unknown> | undefined;
  /** What the iframe posts to the parent window (a JSON string): with `parent_send_message`, after a success only. */
  readonly message: string | undefined;
  /** Where the payer is sent next (`redirect_url_on_approval` / `_on_decline`), if anywhere. */
  readonly redirectUrl: string | undefined;
}

/**
 * `simulator.forms`: the payer's side of Paya's hosted forms.
 *
 * @example
 * ```ts
 * const link = (await paya.forms.accountFormUrl({ payment_method: 'cc', location_id })).unwrap();
 * const { accountVault } = await simulator.forms.submit(link.url, { account_number: '4111111111111111', exp_date: '1230' });
 * ```
 */
export interface PayaSimForms {
  /**
   * Submits a form URL as the payer would after typing `fields`: the URL is checked as Paya
   * does (developer and user, HMAC `hash-key` over user id + timestamp, the 5-minute timestamp,
   * the hex `data`, PayForm's one-time hash-key). A PayForm runs its `action` as a transaction
   * (`trx_source_id` 9; `save_account` also stores a vault); an AccountForm stores a vault.
   */
  submit(url: string, fields: PayaFormPayerFields): Promise<PayaFormSubmission>;
  /**
   * Whether PayForm hash-keys are one-time (default `true`: Paya requires it of integrations
   * made since 12 November 2025). Reset by `reset()`.
   */
  oneTimeHashKeys(on: boolean): void;
}

const encoder = new TextEncoder();

async function hmacHex(key: string, message: string): Promise<string> {
  const imported = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', imported, encoder.encode(message)));
  return [...signature].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function invalid(field: string, message: string): SimResponse {
  return json(422, { errors: { [field]: [message] } });
}

function isOn(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** A checked form request: the `data` object (inside its envelope) and the hash-key it was signed with. */
interface CheckedForm {
  readonly data: Record<string, unknown>;
  readonly hashKey: string;
}

/**
 * Checks a form request as Paya does: the parameters (URL or headers, `data` URL only), the
 * developer and user, the HMAC, the timestamp, the data and, for a PayForm, the one-time
 * hash-key registry.
 */
async function checkForm(
  form: SimFormName,
  query: URLSearchParams,
  headers: Readonly<Record<string, string>>,
  state: PayaSimState,
  now: number,
): Promise<CheckedForm | SimResponse> {
  const read = (name: string) => query.get(name) ?? headers[name];
  for (const name of ['developer-id', 'user-id', 'timestamp', 'hash-key']) {
    if (!read(name)) return invalid(name, `${name} cannot be blank.`);
  }
  if (!query.get('data')) return invalid('data', 'data cannot be blank.');
  if (read('developer-id') !== state.credentials.developerId || read('user-id') !== state.credentials.userId)
    return statusError(401, 'Your request was made with invalid credentials.');
  const stamp = read('timestamp')!;
  if (!/^\d{1,12}$/.test(stamp)) return invalid('timestamp', 'Timestamp is invalid.');
  const hashKey = read('hash-key')!;
  const expected = await hmacHex(state.credentials.userHashKey, `${state.credentials.userId}${stamp}`);
  if (hashKey !== expected) return invalid('hash-key', 'Hash key is invalid');
  const timestamp = Number(stamp);
  if (now - timestamp > lifetimeSeconds) return invalid('timestamp', 'Timestamp has expired.');
  if (timestamp - now > futureAllowanceSeconds) return invalid('timestamp', 'Timestamp is in the future.');
  if (form === 'payform' && state.forms.oneTimeHashKeys && state.forms.usedHashKeys.has(hashKey))
    return invalid('hash-key', 'Hash key has already been used: generate a new PayForm link.');
  const text = decodeHex(query.get('data')!);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const key = form === 'payform' ? 'transaction' : 'accountvault';
  const data = (parsed as Record<string, unknown> | undefined)?.[key];
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return invalid('data', `data must be the hex of a JSON object {"${key}":{...}}.`);
  const fields = data as Record<string, unknown>;
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    problems[field] = [...(problems[field] ?? []), message];
  };
  if (fields.payment_method !== 'cc' && fields.payment_method !== 'ach')
    add('payment_method', 'Payment Method must be cc or ach.');
  if (form === 'payform') {
    if (!payFormActions.has(String(fields.action))) add('action', 'Action is invalid.');
    if (fields.transaction_amount === undefined && fields.action !== 'avsonly')
      add('transaction_amount', 'Transaction Amount cannot be blank.');
    if (typeof fields.transaction_api_id !== 'string' || fields.transaction_api_id === '')
      add('transaction_api_id', 'Transaction Api Id is required with PayForm.');
    if (fields.payment_method === 'ach') {
      if (!fields.product_transaction_id)
        add('product_transaction_id', 'Product Transaction Id cannot be blank.');
      if (!fields.ach_sec_code) add('ach_sec_code', 'Ach Sec Code cannot be blank.');
    }
  } else {
    if (!fields.location_id) add('location_id', 'Location Id cannot be blank.');
    if (typeof fields.account_vault_api_id !== 'string' || fields.account_vault_api_id === '')
      add('account_vault_api_id', 'Account Vault Api Id is required with AccountForm.');
  }
  if (Object.keys(problems).length > 0) return json(422, { errors: problems });
  return { data: fields, hashKey };
}

function isChecked(value: CheckedForm | SimResponse): value is CheckedForm {
  return 'hashKey' in value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The form page: the fields the payer fills in, by payment method and the data's `show_*` flags. */
function formPage(form: SimFormName, data: Record<string, unknown>, action: string): string {
  const shown = (flag: string, fallback = true) => (data[flag] === undefined ? fallback : isOn(data[flag]));
  const inputs: string[] = [];
  const field = (name: string, title: string) =>
    inputs.push(`<label>${title} <input name="${name}" autocomplete="off"></label>`);
  if (form === 'accountform' && shown('show_title')) field('title', 'Title');
  if (shown('show_account_holder_name')) field('account_holder_name', 'Account Holder Name');
  if (data.payment_method === 'ach') {
    field('routing', 'Routing Number');
    field('account_number', 'Account Number');
    if (shown('show_second_account_number', false))
      field('account_number_confirmation', 'Confirm Account Number');
    field('account_type', 'Account Type');
    if (form === 'accountform') field('is_company', 'Company Account');
  } else {
    field('account_number', 'Card Number');
    field('exp_date', 'Expiration (MMYY)');
    if (form === 'payform' && shown('show_cvv')) field('cvv', 'CVV');
  }
  if (shown('show_street')) field(form === 'payform' ? 'billing_street' : 'billing_address', 'Street');
  if (shown('show_zip')) field('billing_zip', 'Zip');
  const title =
    form === 'payform' ? 'Paya Connect PayForm (simulated)' : 'Paya Connect AccountForm (simulated)';
  const amount =
    form === 'payform' && data.transaction_amount !== undefined
      ? `<p>Amount: ${escapeHtml(String(data.transaction_amount))}</p>`
      : '';
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${amount}<form method="post" action="${escapeHtml(action)}">${inputs.join('')}<button type="submit">Submit</button></form></body></html>`;
}

function formRoute(form: SimFormName, context: TransactionContext): SimRoute<PayaSimState> {
  return {
    method: 'GET',
    path: `/v2/${form}`,
    handle: async (request: SimRequest, state: PayaSimState) => {
      const checked = await checkForm(form, request.query, request.headers, state, context.now());
      if (!isChecked(checked)) return checked;
      return {
        status: 200,
        text: formPage(form, checked.data, `${request.path}?${request.query.toString()}`),
        headers: { 'content-type': 'text/html; charset=utf-8' },
      };
    },
  };
}

/** `GET /v2/payform` and `GET /v2/accountform`: the signed URL is checked and the form served. */
export function formRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [formRoute('payform', context), formRoute('accountform', context)];
}

/** True for the form paths, which carry their own credentials (the hash-key) instead of the API key. */
export function isFormPath(path: string): boolean {
  return path === '/v2/payform' || path === '/v2/accountform';
}

function dataFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !controlFields.has(key)));
}

function payerFields(fields: PayaFormPayerFields, form: SimFormName): Record<string, unknown> {
  const { account_number_confirmation: _confirmation, ...typed } = fields;
  const taken: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(typed)) {
    if (value === undefined || value === '') continue;
    // Each form has its own street field name.
    if (form === 'payform' && (key === 'billing_address' || key === 'is_company' || key === 'title'))
      continue;
    if (form === 'accountform' && (key === 'billing_street' || key === 'cvv')) continue;
    taken[key] = value;
  }
  return taken;
}

function payerProblems(data: Record<string, unknown>, fields: PayaFormPayerFields): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (isOn(data.require_street) && !fields.billing_street) problems.billing_street = ['Street is required.'];
  if (isOn(data.require_zip) && !fields.billing_zip) problems.billing_zip = ['Zip is required.'];
  if (isOn(data.show_second_account_number) && fields.account_number_confirmation !== fields.account_number)
    problems.account_number_confirmation = ['The account numbers do not match.'];
  return problems;
}

/**
 * The payer's side of the forms for `simulator.forms`: reads the state through `state()`
 * (it is replaced by `reset()`).
 */
export function createFormHelpers(state: () => PayaSimState, context: TransactionContext): PayaSimForms {
  return {
    oneTimeHashKeys(on) {
      state().forms.oneTimeHashKeys = on;
    },
    async submit(url, fields) {
      const parsed = new URL(url);
      const form: SimFormName = parsed.pathname.endsWith('/v2/accountform') ? 'accountform' : 'payform';
      if (!parsed.pathname.endsWith('/v2/payform') && !parsed.pathname.endsWith('/v2/accountform'))
        throw new Error('paya simulator: forms.submit takes a /v2/payform or /v2/accountform URL');
      const current = state();
      const refused = (response: SimResponse): PayaFormSubmission => ({
        form,
        status: response.status,
        body: response.body,
        transaction: undefined,
        accountVault: undefined,
        message: undefined,
        redirectUrl: undefined,
      });
      const checked = await checkForm(form, parsed.searchParams, {}, current, context.now());
      if (!isChecked(checked)) return refused(checked);
      const { data } = checked;
      const problems = payerProblems(data, fields);
      if (Object.keys(problems).length > 0) return refused(json(422, { errors: problems }));
      const sendMessage = isOn(data.parent_send_message);
      if (form === 'accountform') {
        const answer = createVault(current, context, { ...dataFields(data), ...payerFields(fields, form) });
        if (answer.status !== 201) return refused(answer);
        const accountVault = (answer.body as { accountvault: Record<string, unknown> }).accountvault;
        return {
          form,
          status: 201,
          body: answer.body,
          transaction: undefined,
          accountVault,
          message: sendMessage ? JSON.stringify(answer.body) : undefined,
          redirectUrl:
            typeof data.redirect_url_on_approval === 'string' ? data.redirect_url_on_approval : undefined,
        };
      }
      const body = { transaction: { ...dataFields(data), ...payerFields(fields, form), trx_source_id: 9 } };
      const answer = createTransaction(
        {
          method: 'POST',
          path: '/v2/transactions',
          params: {},
          query: new URLSearchParams(),
          headers: {},
          body,
          rawBody: '',
        },
        current,
        context,
      );
      if (answer.status !== 201) return refused(answer);
      // The hash-key has submitted a transaction: under the one-time registry it is spent.
      current.forms.usedHashKeys.add(checked.hashKey);
      const transaction = (answer.body as { transaction: Record<string, unknown> }).transaction;
      const approved = transaction.status_id !== 301;
      const vaultId = typeof transaction.account_vault_id === 'string' ? transaction.account_vault_id : null;
      const redirect = approved ? data.redirect_url_on_approval : data.redirect_url_on_decline;
      return {
        form,
        status: 201,
        body: answer.body,
        transaction,
        accountVault: isOn(data.save_account)
          ? (accountVaultOf(current, vaultId, context.now()) ?? undefined)
          : undefined,
        message: sendMessage && approved ? JSON.stringify(answer.body) : undefined,
        redirectUrl: typeof redirect === 'string' ? redirect : undefined,
      };
    },
  };
}
