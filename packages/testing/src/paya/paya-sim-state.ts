/** The credentials the simulator accepts (sent as `user-id`, `user-api-key`, `developer-id`). */
export interface PayaSimCredentials {
  /** `user-id` header. */
  readonly userId: string;
  /** `user-api-key` header. */
  readonly userApiKey: string;
  /** `developer-id` header. */
  readonly developerId: string;
  /** The user's `user_hash_key`, which signs hosted form URLs (`hash-key`). */
  readonly userHashKey: string;
}

/** Ids of the records every fresh simulator starts with. */
export const payaSimulatorDefaults = {
  /** The credentials a default simulator accepts. */
  credentials: {
    userId: 'sim-user-11e919aa3d639af2',
    userApiKey: 'sim-user-api-key-5f0c2d7e9a',
    developerId: 'sim-developer-id',
    userHashKey: 'sim-user-hash-key-8c41f07b2e',
  },
  /** The user's direct location (card + ACH WEB + ACH CCD). */
  locationId: '11e919aa3c4a4ed6a04860ff',
  /** Its default card product transaction. */
  ccProductTransactionId: '11e919aa3c630002afd9e7db',
  /** Its default ACH product transaction (WEB). */
  achProductTransactionId: '11ea4f5216b3141c91042a55',
  /** Its ACH CCD product transaction (for partial returns by credit). */
  achCcdProductTransactionId: '11ea4f51cb20259e9187cd73',
  /** A child location with a card product only. */
  childLocationId: '11e9a0c7d3b54f1a1fd296f4',
  /** The child location's card product transaction. */
  childCcProductTransactionId: '11e9a0c7d3b54f1a1fd29700',
  /** The simulated user's id (`created_user_id`). */
  userRecordId: '11e919aa3d639af2a5c5d689',
  /** A card vault (Mastercard 5454, exp 12/30) every fresh simulator holds, in the direct location. */
  cardVaultId: '11eb8bdf1ae2385e9ec6747a',
} as const;

/** A product transaction (deposit account) of a simulated location. */
export interface SimProductTransaction {
  id: string;
  payment_method: 'cc' | 'ach';
  processor: string;
  title: string;
  industry_type: string;
  active: number;
  /** The SEC code an ACH product is set up for. */
  sec_code: string | null;
}

/** A simulated location. */
export interface SimLocation {
  id: string;
  name: string;
  relationship: 'direct' | 'child';
  city: string;
  state: string;
  zip: string;
  tz: string;
  branding_domain_url: string;
  product_transactions: SimProductTransaction[];
  default_cc: string | null;
  default_ach: string | null;
  created_ts: number;
}

/** A simulated transaction, kept compact (the wire record is built when sent). */
export interface SimTransaction {
  id: string;
  location_id: string;
  product_transaction_id: string;
  payment_method: 'cc' | 'ach';
  type_id: number;
  status_id: number;
  reason_code_id: number;
  amount_cents: number;
  auth_cents: number;
  refunded_cents: number;
  transaction_api_id: string | null;
  order_num: string;
  contact_id: string | null;
  created_ts: number;
  modified_ts: number;
  settle_date: string | null;
  void_date: string | null;
  previous_transaction_id: string | null;
  ach_sec_code: string | null;
  account_type: string | null;
  first_six: string | null;
  last_four: string | null;
  account_holder_name: string | null;
  routing: string | null;
  account_vault_id: string | null;
  description: string | null;
  verbiage: string;
  auth_code: string;
  avs: string | null;
  paylink_id: string | null;
  /** Other request fields kept as sent (billing, custom fields), or null. */
  extra: Record<string, unknown> | null;
  /** The recurring that ran it (recurring billing), when one did. */
  recurring_id?: string | null;
  /** The batch an approved card transaction landed in, and its number (`batch` on the wire). */
  transaction_batch_id?: string | null;
  batch_num?: number | null;
}

/** A stored record (contact, paylink) with its deletion flag. */
export interface SimRecord {
  /** The wire fields. */
  data: Record<string, unknown>;
  /** Set by DELETE: later access answers 409. */
  deleted: boolean;
}

/**
 * A stored account vault: its wire fields, plus what Paya keeps but never sends back.
 *
 * @example
 * ```ts
 * const vault: SimAccountVault | undefined = simulator.state.accountVaultsById.get(vaultId);
 * ```
 */
export interface SimAccountVault extends SimRecord {
  /** The ACH routing number (the wire record says `routing: null`). */
  routing: string | null;
}

/** One paylink email or SMS the simulator "sent". */
export interface SimNotification {
  paylink_id: string;
  channel: 'email' | 'sms';
  to: string;
  kind: 'created' | 'resend';
}

/**
 * A transaction batch: the card transactions of one deposit account until it closes.
 *
 * @example
 * ```ts
 * const open: SimTransactionBatch[] = simulator.state.transactionBatches.filter((batch) => batch.is_open === 1);
 * ```
 */
export interface SimTransactionBatch {
  id: string;
  batch_num: number;
  location_id: string;
  product_transaction_id: string;
  created_ts: number;
  modified_ts: number;
  /** 1 To Settle, 2 Settled, 3 Error, 4 Re-process, 5 Processing, 6 Forced Closed. */
  processing_status_id: number;
  is_open: 0 | 1;
  batch_close_ts: number | null;
  settlement_file_name: string | null;
  status_message: string | null;
}

/**
 * A stored recurring: its wire fields, plus where it stands in its schedule.
 *
 * @example
 * ```ts
 * const plan: SimRecurring | undefined = simulator.state.recurringsById.get(recurringId);
 * console.log(plan?.runs, plan?.data.next_run_date);
 * ```
 */
export interface SimRecurring extends SimRecord {
  /** Schedule slots used so far: runs, skips, defers, and slots missed while on hold. */
  slot: number;
  /** Runs made, approved or declined. */
  runs: number;
  /** Installment runs skipped (each lowers what an installment plan collects). */
  skipped: number;
  /** Installment runs moved to the end of the plan. */
  deferred: number;
  /** The schedule's anchor date (`start_date`, or a `next_run_date` set by PUT) and the slot it is. */
  anchor: string;
  anchorSlot: number;
}

/**
 * One quick invoice e-mail the simulator "sent".
 *
 * @example
 * ```ts
 * const sent: SimQuickInvoiceEmail[] = simulator.state.quickInvoiceEmails;
 * console.log(sent.map((email) => `${email.kind} -> ${email.to}`));
 * ```
 */
export interface SimQuickInvoiceEmail {
  quick_invoice_id: string;
  to: string;
  kind: 'created' | 'resend';
}

/** The whole in-memory state of the Paya simulator. */
export interface PayaSimState {
  credentials: PayaSimCredentials;
  locations: SimLocation[];
  transactions: SimTransaction[];
  transactionsById: Map<string, SimTransaction>;
  /** `location_id|transaction_api_id` -> transaction. */
  transactionApiIds: Map<string, SimTransaction>;
  contacts: SimRecord[];
  contactsById: Map<string, SimRecord>;
  paylinks: SimRecord[];
  paylinksById: Map<string, SimRecord>;
  notifications: SimNotification[];
  /** Postback configs (`/v2/postbackconfigs`), the Basic credentials included. */
  postbackConfigs: SimRecord[];
  postbackConfigsById: Map<string, SimRecord>;
  /** The last transaction batch number handed out (batches open as card transactions land). */
  lastBatchNum: number;
  /** Account vaults (`/v2/accountvaults`), deleted ones kept (flagged). */
  accountVaults: SimAccountVault[];
  accountVaultsById: Map<string, SimAccountVault>;
  /** Hosted forms: whether PayForm hash-keys are one-time (the location opted in), and those used. */
  forms: { oneTimeHashKeys: boolean; usedHashKeys: Set<string> };
  /** Transaction batches (`/v2/transactionbatches`), open and closed. */
  transactionBatches: SimTransactionBatch[];
  transactionBatchesById: Map<string, SimTransactionBatch>;
  /** Recurring billing schedules (`/v2/recurrings`), deleted ones kept (flagged). */
  recurrings: SimRecurring[];
  recurringsById: Map<string, SimRecurring>;
  /** Quick invoices (`/v2/quickinvoices`), deleted ones kept (flagged). */
  quickInvoices: SimRecord[];
  quickInvoicesById: Map<string, SimRecord>;
  /** Quick invoice e-mails "sent" (on create with `send_email`, and by `resend`). */
  quickInvoiceEmails: SimQuickInvoiceEmail[];
}

function product(
  id: string,
  method: 'cc' | 'ach',
  title: string,
  secCode: string | null,
): SimProductTransaction {
  return {
    id,
    payment_method: method,
    processor: method === 'cc' ? 'zgate' : 'ach',
    title,
    industry_type: 'ecommerce',
    active: 1,
    sec_code: secCode,
  };
}

/** A fresh state: two locations, no records. */
export function initialPayaState(credentials: PayaSimCredentials, now: number): PayaSimState {
  const d = payaSimulatorDefaults;
  return {
    credentials,
    locations: [
      {
        id: d.locationId,
        name: 'Simulated Retail Location',
        relationship: 'direct',
        city: 'Gainesville',
        state: 'FL',
        zip: '32606',
        tz: 'America/New_York',
        branding_domain_url: 'payweave-sim.sandbox.payaconnect.com',
        product_transactions: [
          product(d.ccProductTransactionId, 'cc', 'Card Product', null),
          product(d.achProductTransactionId, 'ach', 'ACH WEB Product', 'WEB'),
          product(d.achCcdProductTransactionId, 'ach', 'ACH CCD Product', 'CCD'),
        ],
        default_cc: d.ccProductTransactionId,
        default_ach: d.achProductTransactionId,
        created_ts: now - 86_400 * 365,
      },
      {
        id: d.childLocationId,
        name: 'Simulated Child Location',
        relationship: 'child',
        city: 'Atlanta',
        state: 'GA',
        zip: '30346',
        tz: 'America/New_York',
        branding_domain_url: 'payweave-sim.sandbox.payaconnect.com',
        product_transactions: [product(d.childCcProductTransactionId, 'cc', 'Child Card Product', null)],
        default_cc: d.childCcProductTransactionId,
        default_ach: null,
        created_ts: now - 86_400 * 200,
      },
    ],
    transactions: [],
    transactionsById: new Map(),
    transactionApiIds: new Map(),
    contacts: [],
    contactsById: new Map(),
    paylinks: [],
    paylinksById: new Map(),
    notifications: [],
    postbackConfigs: [],
    postbackConfigsById: new Map(),
    lastBatchNum: 0,
    accountVaults: [],
    accountVaultsById: new Map(),
    forms: { oneTimeHashKeys: true, usedHashKeys: new Set() },
    transactionBatches: [],
    transactionBatchesById: new Map(),
    recurrings: [],
    recurringsById: new Map(),
    quickInvoices: [],
    quickInvoicesById: new Map(),
    quickInvoiceEmails: [],
  };
}
