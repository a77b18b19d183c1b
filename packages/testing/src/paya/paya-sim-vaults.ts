// Paya account vaults, from `Endpoints/Account Vaults/README.md`, `BIN Info.md` and the AccountForm
// samples of PayaDev/PayaConnect: `/v2/accountvaults` (create from raw card / bank data or from a
// previous transaction or vault, get, get by `account_vault_api_id` with `?api_id=1`, update,
// delete, list, bin info), the vault a charge with `account_vault_id` uses, and `save_account`.
import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { envelopeOf, readRecord } from './paya-sim-contacts.js';
import { FieldErrors, statusError } from './paya-sim-errors.js';
import type { SimPostbackAction, SimPostbackEvent } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import {
  type PayaSimState,
  payaSimulatorDefaults,
  type SimAccountVault,
  type SimRecord,
  type SimTransaction,
} from './paya-sim-state.js';
import type { TransactionContext } from './paya-sim-transactions.js';

const secCodes = new Set(['PPD', 'CCD', 'WEB', 'TEL', 'POP', 'C21']);

/** Every field a vault POST may carry (the README's field table, sources included). */
const postFields = new Set([
  'account_holder_name',
  'account_number',
  'account_type',
  'account_vault_api_id',
  'accountvault_c1',
  'accountvault_c2',
  'accountvault_c3',
  'ach_sec_code',
  'billing_address',
  'billing_city',
  'billing_phone',
  'billing_state',
  'billing_zip',
  'contact_id',
  'customer_id',
  'dl_number',
  'dl_state',
  'dob_year',
  'exp_date',
  'is_company',
  'locale',
  'location_id',
  'payment_method',
  'previous_account_vault_api_id',
  'previous_account_vault_id',
  'previous_transaction_api_id',
  'previous_transaction_id',
  'routing',
  'ssn4',
  'ticket',
  'title',
]);

/** Fields a PUT may change ("P U" in the table). */
const putFields = new Set([
  'account_holder_name',
  'account_vault_api_id',
  'accountvault_c1',
  'accountvault_c2',
  'accountvault_c3',
  'ach_sec_code',
  'billing_address',
  'billing_city',
  'billing_phone',
  'billing_state',
  'billing_zip',
  'contact_id',
  'customer_id',
  'dl_number',
  'dl_state',
  'exp_date',
  'ssn4',
  'title',
]);

/** Text limits of the field table (min, max). */
const limits: Record<string, [number, number]> = {
  account_holder_name: [1, 60],
  accountvault_c1: [0, 128],
  accountvault_c2: [0, 128],
  accountvault_c3: [0, 128],
  billing_address: [1, 32],
  billing_city: [1, 36],
  billing_state: [2, 26],
  customer_id: [1, 50],
  dl_number: [1, 50],
  title: [1, 64],
  ticket: [1, 36],
  previous_transaction_api_id: [1, 64],
  previous_account_vault_api_id: [1, 64],
};

/** Stored as sent and echoed back. */
const echoed = [
  'title',
  'account_holder_name',
  'billing_address',
  'billing_zip',
  'billing_city',
  'billing_state',
  'billing_phone',
  'contact_id',
  'customer_id',
  'account_vault_api_id',
  'accountvault_c1',
  'accountvault_c2',
  'accountvault_c3',
  'ach_sec_code',
  'dl_state',
] as const;

function label(field: string): string {
  return field
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The brand Paya sets as a card vault's `account_type`, from the card number. */
export function cardBrand(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mc';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^35/.test(number)) return 'jcb';
  if (/^3[068]/.test(number)) return 'diners';
  return 'disc';
}

/** Months from `now` to the end of the card's expiry month (`MMYY`), as `expiring_in_months` reads. */
function monthsLeft(expDate: unknown, now: number): number | null {
  if (typeof expDate !== 'string' || !/^(0[1-9]|1[0-2])\d{2}$/.test(expDate)) return null;
  const today = new Date(now * 1000);
  const expiry = (2000 + Number(expDate.slice(2))) * 12 + Number(expDate.slice(0, 2)) - 1;
  return expiry - (today.getUTCFullYear() * 12 + today.getUTCMonth());
}

/** The wire record Paya sends for a vault (sensitive identity fields are never echoed). */
export function vaultToWire(vault: SimAccountVault, now: number): Record<string, unknown> {
  const data = vault.data;
  return {
    ...data,
    routing: null,
    dl_number: null,
    ssn4: null,
    dob_year: null,
    expiring_in_months: data.payment_method === 'cc' ? monthsLeft(data.exp_date, now) : null,
  };
}

function expandVault(
  state: PayaSimState,
  vault: SimAccountVault,
  wire: Record<string, unknown>,
  expand: string | null,
): Record<string, unknown> {
  if (!expand) return wire;
  for (const name of expand.split(',')) {
    if (name === 'contact') {
      const contact =
        typeof wire.contact_id === 'string' ? state.contactsById.get(wire.contact_id) : undefined;
      wire.contact = contact?.data ?? null;
    } else if (name === 'location') {
      const location = state.locations.find((candidate) => candidate.id === vault.data.location_id);
      wire.location = location ? { id: location.id, name: location.name } : null;
    } else if (name === 'created_user') {
      wire.created_user = { id: payaSimulatorDefaults.userRecordId, username: 'sim-user' };
    } else if (name === 'account_vault_cau_logs') {
      wire.account_vault_cau_logs = [];
    } else if (
      name === 'signature' ||
      name === 'product_transaction' ||
      name === 'account_vault_cau_product_transaction'
    ) {
      wire[name] = null;
    }
  }
  return wire;
}

/** The postback event of a vault change: its wire record (with the config's expands) as it is now. */
function vaultEvent(
  state: PayaSimState,
  vault: SimAccountVault,
  action: SimPostbackAction,
  now: number,
): SimPostbackEvent {
  return {
    resource: 'accountvault',
    action,
    location_id: String(vault.data.location_id),
    data: (expands) => expandVault(state, vault, vaultToWire(vault, now), expands || null),
  };
}

function byApiId(state: PayaSimState, locationId: unknown, apiId: unknown): SimAccountVault | undefined {
  return state.accountVaults.find(
    (vault) => vault.data.location_id === locationId && vault.data.account_vault_api_id === apiId,
  );
}

function checkText(input: Record<string, unknown>, errors: FieldErrors): void {
  for (const [field, [min, max]] of Object.entries(limits)) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length < min || value.length > max)
      errors.add(field, `${label(field)} should contain ${min} to ${max} characters.`);
  }
  const zip = input.billing_zip;
  if (given(zip) && !/^[A-Za-z0-9 -]{4,12}$/.test(String(zip)))
    errors.add('billing_zip', 'Billing Zip must be 4 to 12 letters, digits, spaces or dashes.');
  if (given(input.billing_phone) && !/^\d{1,10}$/.test(String(input.billing_phone)))
    errors.add('billing_phone', 'Billing Phone should contain at most 10 digits.');
  if (given(input.ach_sec_code) && !secCodes.has(String(input.ach_sec_code)))
    errors.add('ach_sec_code', 'Ach Sec Code must be one of PPD, CCD, WEB, TEL, POP, C21.');
  if (given(input.exp_date) && !/^(0[1-9]|1[0-2])\d{2}$/.test(String(input.exp_date)))
    errors.add('exp_date', 'Exp Date must be MMYY.');
  if (given(input.dl_state) && !/^[A-Za-z]{2}$/.test(String(input.dl_state)))
    errors.add('dl_state', 'Dl State must be 2 characters.');
  if (given(input.dob_year) && !/^\d{4}$/.test(String(input.dob_year)))
    errors.add('dob_year', 'Dob Year must be 4 digits.');
  if (given(input.ssn4) && !/^\d{1,4}$/.test(String(input.ssn4)))
    errors.add('ssn4', 'Ssn4 should contain at most 4 digits.');
  if (given(input.locale) && !/^[a-z]{2}_[A-Z]{2}$/.test(String(input.locale)))
    errors.add('locale', 'Locale must be 5 characters, such as en_CA.');
  if (given(input.dl_number) !== given(input.dl_state)) {
    const missing = given(input.dl_number) ? 'dl_state' : 'dl_number';
    errors.add(
      missing,
      `${label(missing)} is required with ${missing === 'dl_state' ? 'Dl Number' : 'Dl State'}.`,
    );
  }
}

function checkApiId(
  state: PayaSimState,
  locationId: unknown,
  apiId: unknown,
  errors: FieldErrors,
  self?: SimAccountVault,
): void {
  if (apiId === undefined || apiId === null) return;
  if (typeof apiId !== 'string' || !/^[A-Za-z0-9]{1,36}$/.test(apiId)) {
    errors.add('account_vault_api_id', 'Account Vault Api Id must be 1 to 36 alphanumeric characters.');
    return;
  }
  const other = byApiId(state, locationId, apiId);
  if (other && other !== self)
    errors.add('account_vault_api_id', `Account Vault Api Id "${apiId}" has already been taken.`);
}

function checkContact(state: PayaSimState, contactId: unknown, errors: FieldErrors): void {
  if (!given(contactId)) return;
  const contact = state.contactsById.get(String(contactId));
  if (!contact || contact.deleted) errors.add('contact_id', 'contact_id provided is not valid');
}

/** What a vault stores of an account, wherever it came from. */
interface StoredAccount {
  payment_method: 'cc' | 'ach';
  first_six: string | null;
  last_four: string | null;
  account_type: string | null;
  account_holder_name: string | null;
  exp_date: string | null;
  routing: string | null;
  is_company?: unknown;
}

/** The account behind a `previous_*` source, or the field and message refusing it. */
function previousAccount(
  state: PayaSimState,
  locationId: string,
  input: Record<string, unknown>,
): StoredAccount | [string, string] {
  if (given(input.previous_transaction_id) || given(input.previous_transaction_api_id)) {
    const field = given(input.previous_transaction_id)
      ? 'previous_transaction_id'
      : 'previous_transaction_api_id';
    const record: SimTransaction | undefined =
      field === 'previous_transaction_id'
        ? state.transactionsById.get(String(input.previous_transaction_id))
        : state.transactionApiIds.get(`${locationId}|${String(input.previous_transaction_api_id)}`);
    if (!record || record.location_id !== locationId) return [field, `${label(field)} is invalid.`];
    return {
      payment_method: record.payment_method,
      first_six: record.first_six,
      last_four: record.last_four,
      account_type: record.account_type,
      account_holder_name: record.account_holder_name,
      exp_date: null,
      routing: record.routing,
    };
  }
  const field = given(input.previous_account_vault_id)
    ? 'previous_account_vault_id'
    : 'previous_account_vault_api_id';
  const vault =
    field === 'previous_account_vault_id'
      ? state.accountVaultsById.get(String(input.previous_account_vault_id))
      : byApiId(state, locationId, input.previous_account_vault_api_id);
  if (!vault || vault.deleted || vault.data.location_id !== locationId)
    return [field, `${label(field)} is invalid.`];
  return {
    payment_method: vault.data.payment_method as 'cc' | 'ach',
    first_six: (vault.data.first_six as string | null) ?? null,
    last_four: (vault.data.last_four as string | null) ?? null,
    account_type: (vault.data.account_type as string | null) ?? null,
    account_holder_name: (vault.data.account_holder_name as string | null) ?? null,
    exp_date: (vault.data.exp_date as string | null) ?? null,
    routing: vault.routing,
  };
}

const sources = [
  'previous_transaction_id',
  'previous_transaction_api_id',
  'previous_account_vault_id',
  'previous_account_vault_api_id',
];

/** Checks a vault POST and stores it: the 201 answer, or Paya's 422. */
export function createVault(
  state: PayaSimState,
  context: TransactionContext,
  input: Record<string, unknown>,
): SimResponse {
  const errors = new FieldErrors();
  for (const key of Object.keys(input))
    if (!postFields.has(key)) errors.add(key, `${key} is not an accountvault field.`);
  const locationId = str(input.location_id);
  const location = state.locations.find((candidate) => candidate.id === locationId);
  if (!locationId) errors.add('location_id', 'Location Id cannot be blank.');
  else if (!location) errors.add('location_id', 'location_id provided is not valid');
  const method = input.payment_method;
  if (method !== 'cc' && method !== 'ach') errors.add('payment_method', 'Payment Method must be cc or ach.');
  checkText(input, errors);
  checkContact(state, input.contact_id, errors);
  if (errors.any || !location || (method !== 'cc' && method !== 'ach')) return errors.response();
  checkApiId(state, location.id, input.account_vault_api_id, errors);
  if (method === 'ach' && !location.product_transactions.some((product) => product.payment_method === 'ach'))
    return statusError(403, 'ACH is not enabled for this location.');

  let account: StoredAccount | undefined;
  const previous = sources.filter((field) => given(input[field]));
  const accountNumber = str(input.account_number);
  if (previous.length > 1) {
    errors.add(previous[1]!, 'Only one previous transaction or account vault can be given.');
  } else if (previous.length === 1) {
    const found = previousAccount(state, location.id, input);
    if (Array.isArray(found)) errors.add(found[0], found[1]);
    else if (found.payment_method !== method)
      errors.add(
        'payment_method',
        `Payment Method must match the previous record (${found.payment_method}).`,
      );
    else account = found;
  } else if (given(input.ticket)) {
    // How a ticket is made is not documented: the simulator knows none.
    errors.add('ticket', 'Ticket is invalid.');
  } else if (!accountNumber) {
    errors.add('account_number', 'Account Number cannot be blank.');
  } else if (method === 'cc') {
    if (!/^\d{13,19}$/.test(accountNumber)) errors.add('account_number', 'Account Number is invalid.');
    if (!given(input.exp_date)) errors.add('exp_date', 'Exp Date cannot be blank.');
    account = {
      payment_method: 'cc',
      first_six: accountNumber.slice(0, 6),
      last_four: accountNumber.slice(-4),
      account_type: cardBrand(accountNumber),
      account_holder_name: str(input.account_holder_name) ?? null,
      exp_date: str(input.exp_date) ?? null,
      routing: null,
    };
  } else {
    if (!/^\d{4,19}$/.test(accountNumber)) errors.add('account_number', 'Account Number is invalid.');
    if (!/^\d{9}$/.test(String(input.routing ?? ''))) errors.add('routing', 'Routing must be 9 digits.');
    if (input.account_type !== 'checking' && input.account_type !== 'savings')
      errors.add('account_type', 'Account Type must be checking or savings.');
    if (![true, false, 1, 0, '1', '0'].includes(input.is_company as never))
      errors.add('is_company', 'Is Company cannot be blank.');
    if (!given(input.account_holder_name))
      errors.add('account_holder_name', 'Account Holder Name cannot be blank.');
    account = {
      payment_method: 'ach',
      first_six: accountNumber.slice(0, 6),
      last_four: accountNumber.slice(-4),
      account_type: String(input.account_type),
      account_holder_name: str(input.account_holder_name) ?? null,
      exp_date: null,
      routing: str(input.routing) ?? null,
      is_company: input.is_company,
    };
  }
  if (errors.any || !account) return errors.response();
  const vault = storeVault(state, context, location.id, account, input);
  return json(201, { accountvault: vaultToWire(vault, context.now()) });
}

function storeVault(
  state: PayaSimState,
  context: TransactionContext,
  locationId: string,
  account: StoredAccount,
  input: Record<string, unknown>,
  id: string = newHexId(),
): SimAccountVault {
  const now = context.now();
  const data: Record<string, unknown> = {
    id,
    payment_method: account.payment_method,
    title: null,
    account_holder_name: account.account_holder_name,
    first_six: account.first_six,
    last_four: account.last_four,
    billing_address: null,
    billing_zip: null,
    exp_date: account.payment_method === 'cc' ? (str(input.exp_date) ?? account.exp_date) : null,
    routing: null,
    account_type: account.account_type,
    location_id: locationId,
    contact_id: null,
    created_ts: now,
    modified_ts: now,
    account_vault_api_id: null,
    dl_number: null,
    dl_state: null,
    customer_id: null,
    ssn4: null,
    dob_year: null,
    billing_state: null,
    billing_city: null,
    billing_phone: null,
    accountvault_c1: null,
    accountvault_c2: null,
    accountvault_c3: null,
    expiring_in_months: null,
    has_recurring: false,
    // Paya's ACH example answers "WEB" although none was sent.
    ach_sec_code: account.payment_method === 'ach' ? 'WEB' : null,
    active: 1,
    _links: { self: { href: `${context.baseUrl()}/v2/accountvaults/${id}` } },
  };
  for (const field of echoed) if (given(input[field])) data[field] = input[field];
  const vault: SimAccountVault = { data, deleted: false, routing: account.routing };
  state.accountVaults.push(vault);
  state.accountVaultsById.set(id, vault);
  context.postback?.(state, vaultEvent(state, vault, 'CREATE', now));
  return vault;
}

/** A fresh state's card vault ({@link payaSimulatorDefaults}.cardVaultId), stored without a postback. */
export function seedDefaultVaults(state: PayaSimState, now: number, baseUrl: string): PayaSimState {
  storeVault(
    state,
    { now: () => now, baseUrl: () => baseUrl },
    payaSimulatorDefaults.locationId,
    {
      payment_method: 'cc',
      first_six: '545454',
      last_four: '5454',
      account_type: 'mc',
      account_holder_name: 'Simulated Cardholder',
      exp_date: '1230',
      routing: null,
    },
    { title: 'Seeded card' },
    payaSimulatorDefaults.cardVaultId,
  );
  return state;
}

/** The vault a request names: by id, or by `account_vault_api_id` with `?api_id=1&location_id=`. */
function findVault(state: PayaSimState, request: SimRequest): SimAccountVault | SimResponse {
  const key = request.params.id ?? '';
  let vault: SimAccountVault | undefined;
  if (request.query.get('api_id') === '1') {
    const locationId = request.query.get('location_id');
    if (!locationId) return json(422, { errors: { location_id: ['Location Id cannot be blank.'] } });
    const matches = state.accountVaults.filter(
      (candidate) => candidate.data.location_id === locationId && candidate.data.account_vault_api_id === key,
    );
    vault = matches.find((candidate) => !candidate.deleted) ?? matches[0];
  } else {
    vault = state.accountVaultsById.get(key);
  }
  if (!vault) return statusError(404, 'Account vault not found.');
  if (vault.deleted) return statusError(409, 'The account vault has been deleted.');
  return vault;
}

function isVault(value: SimAccountVault | SimResponse): value is SimAccountVault {
  return 'data' in value && 'deleted' in value;
}

function updateVault(request: SimRequest, state: PayaSimState, context: TransactionContext): SimResponse {
  const vault = findVault(state, request);
  if (!isVault(vault)) return vault;
  const body = envelopeOf(request, 'accountvault');
  if ('error' in body) return body.error;
  const { input } = body;
  const errors = new FieldErrors();
  for (const key of Object.keys(input)) {
    if (putFields.has(key)) continue;
    if (postFields.has(key)) errors.add(key, `${label(key)} cannot be changed.`);
    else errors.add(key, `${key} is not an accountvault field.`);
  }
  checkText(input, errors);
  checkContact(state, input.contact_id, errors);
  if (vault.data.payment_method === 'ach' && given(input.exp_date))
    errors.add('exp_date', 'Exp Date is only used by card vaults.');
  checkApiId(state, vault.data.location_id, input.account_vault_api_id, errors, vault);
  if (errors.any) return errors.response();
  for (const field of putFields) {
    if (input[field] === undefined || field === 'dl_number' || field === 'ssn4') continue;
    vault.data[field] = input[field];
  }
  const now = context.now();
  vault.data.modified_ts = now;
  context.postback?.(state, vaultEvent(state, vault, 'UPDATE', now));
  return json(200, { accountvault: vaultToWire(vault, now) });
}

/** BIN data the simulator answers for a card, by brand (values space-padded as in Paya's example). */
function binInfo(vault: SimAccountVault): Record<string, unknown> {
  const brand = String(vault.data.account_type);
  const product: Record<string, string> = { visa: 'V', mc: 'M', amex: 'A', disc: 'D', jcb: 'D', diners: 'D' };
  const network: Record<string, string> = { disc: '00', diners: '01', jcb: '02' };
  return {
    issuer_bank_name: 'PAYWEAVE SIMULATED BANK'.padEnd(60, ' '),
    country_code: brand === 'amex' ? '   ' : 'USA',
    detail_card_product: product[brand] ?? 'N',
    detail_card_indicator: 'X ',
    fsa_indicator: ' ',
    prepaid_indicator: ' ',
    product_id: brand === 'visa' ? 'A  ' : brand === 'mc' ? 'MCC' : '   ',
    regulator_indicator: 'N',
    visa_product_sub_type: '  ',
    visa_large_ticket_indicator: ' ',
    account_fund_source: 'C',
    card_class: 'C',
    token_ind: ' ',
    issuing_network: network[brand] ?? null,
  };
}

/** Reads a vault field for filters and sorting (`has_recurring: false` reads as 0, as Paya's flags). */
function readVault(record: SimRecord, field: string): unknown {
  const value = readRecord(record, field);
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

const vaultFilters: FilterSpec<SimRecord> = {
  read: readVault,
  text: new Set([
    'title',
    'account_holder_name',
    'account_vault_api_id',
    'customer_id',
    'billing_address',
    'billing_city',
    'billing_zip',
  ]),
  timestamps: new Set(['created_ts', 'modified_ts']),
  amounts: new Set(),
};

/** The vault a charge names (`account_vault_id` or `account_vault_api_id`), or the field and message refusing it. */
export function chargedVault(
  state: PayaSimState,
  locationId: string,
  input: Record<string, unknown>,
  method: 'cc' | 'ach',
): { vault: SimAccountVault } | { field: string; message: string } | undefined {
  const field = given(input.account_vault_id)
    ? 'account_vault_id'
    : given(input.account_vault_api_id)
      ? 'account_vault_api_id'
      : undefined;
  if (!field) return undefined;
  const vault =
    field === 'account_vault_id'
      ? state.accountVaultsById.get(String(input.account_vault_id))
      : state.accountVaults.find(
          (candidate) =>
            !candidate.deleted &&
            candidate.data.location_id === locationId &&
            candidate.data.account_vault_api_id === input.account_vault_api_id,
        );
  if (!vault || vault.deleted || vault.data.location_id !== locationId)
    return { field, message: `${field} provided is not valid` };
  if (vault.data.payment_method !== method)
    return { field, message: `The account vault is not a ${method === 'cc' ? 'card' : 'bank'} account.` };
  return { vault };
}

/** What a charge copies from the vault it uses. */
export function vaultAccount(vault: SimAccountVault): {
  first_six: string | null;
  last_four: string | null;
  account_type: string | null;
  account_holder_name: string | null;
  routing: string | null;
} {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    first_six: text(vault.data.first_six),
    last_four: text(vault.data.last_four),
    account_type: text(vault.data.account_type),
    account_holder_name: text(vault.data.account_holder_name),
    routing: vault.routing,
  };
}

/** A vault's wire record for a transaction's `account_vault` expand (`null` when none). */
export function accountVaultOf(
  state: PayaSimState,
  id: string | null,
  now: number,
): Record<string, unknown> | null {
  const vault = id === null ? undefined : state.accountVaultsById.get(id);
  return vault ? vaultToWire(vault, now) : null;
}

/**
 * `save_account: 1` on a transaction (or a PayForm): stores the account it was made with as a
 * vault titled `save_account_title`, and returns the vault's id (`undefined` when not asked).
 */
export function saveAccount(
  state: PayaSimState,
  context: TransactionContext,
  record: SimTransaction,
  input: Record<string, unknown>,
): string | undefined {
  const flag = input.save_account;
  if (flag !== 1 && flag !== '1' && flag !== true) return undefined;
  const accountNumber = str(input.account_number);
  const account: StoredAccount = {
    payment_method: record.payment_method,
    first_six: accountNumber ? accountNumber.slice(0, 6) : record.first_six,
    last_four: record.last_four,
    account_type: record.account_type,
    account_holder_name: record.account_holder_name,
    exp_date: record.payment_method === 'cc' ? (str(input.exp_date) ?? null) : null,
    routing: record.routing,
  };
  const vault = storeVault(state, context, record.location_id, account, {
    title: str(input.save_account_title),
    contact_id: record.contact_id ?? undefined,
  });
  return String(vault.data.id);
}

/** The `/v2/accountvaults` routes. */
export function accountVaultRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'POST',
      path: '/v2/accountvaults',
      handle: (request, state) => {
        const body = envelopeOf(request, 'accountvault');
        return 'error' in body ? body.error : createVault(state, context, body.input);
      },
    },
    {
      method: 'GET',
      path: '/v2/accountvaults/:id/bininfo',
      handle: (request, state) => {
        const vault = findVault(state, request);
        if (!isVault(vault)) return vault;
        if (vault.data.payment_method !== 'cc')
          return json(422, {
            errors: { payment_method: ['BIN info is only available for card account vaults.'] },
          });
        return json(200, { bininfo: binInfo(vault) });
      },
    },
    {
      method: 'GET',
      path: '/v2/accountvaults/:id',
      handle: (request, state) => {
        const vault = findVault(state, request);
        if (!isVault(vault)) return vault;
        const wire = vaultToWire(vault, context.now());
        return json(200, { accountvault: expandVault(state, vault, wire, request.query.get('expand')) });
      },
    },
    {
      method: 'PUT',
      path: '/v2/accountvaults/:id',
      handle: (request, state) => updateVault(request, state, context),
    },
    {
      method: 'DELETE',
      path: '/v2/accountvaults/:id',
      handle: (request, state) => {
        const vault = findVault(state, request);
        if (!isVault(vault)) return vault;
        if (vault.data.has_recurring === true)
          return json(422, {
            errors: { id: ['The account vault is used by a recurring payment and cannot be deleted.'] },
          });
        vault.deleted = true;
        context.postback?.(state, vaultEvent(state, vault, 'DELETE', context.now()));
        return json(204);
      },
    },
    {
      method: 'GET',
      path: '/v2/accountvaults',
      handle: (request, state) =>
        answerList<SimRecord>(
          request,
          {
            path: '/v2/accountvaults',
            key: 'accountvaults',
            filters: vaultFilters,
            records: state.accountVaults.filter((vault) => !vault.deleted),
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (vault, expand) =>
            expandVault(
              state,
              vault as SimAccountVault,
              vaultToWire(vault as SimAccountVault, context.now()),
              expand,
            ),
        ),
    },
  ];
}
