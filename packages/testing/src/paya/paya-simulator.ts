import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { newHexId } from '../simulator/sim-helpers.js';
import { batchEvent, closeBatch, openBatches, transactionBatchRoutes } from './paya-sim-batches.js';
import { contactRoutes } from './paya-sim-contacts.js';
import { statusError } from './paya-sim-errors.js';
import { createFormHelpers, formRoutes, isFormPath, type PayaSimForms } from './paya-sim-forms.js';
import { locationRoutes } from './paya-sim-locations.js';
import { paylinkRoutes } from './paya-sim-paylinks.js';
import { createPostbackSender, type PayaSimPostbacks, postbackConfigRoutes } from './paya-sim-postbacks.js';
import { payQuickInvoice, quickInvoiceRoutes } from './paya-sim-quick-invoices.js';
import {
  createSimClock,
  type PayaSimClock,
  recurringRoutes,
  runDueRecurrings,
  type SimRecurringRun,
} from './paya-sim-recurrings.js';
import {
  initialPayaState,
  type PayaSimCredentials,
  type PayaSimState,
  payaSimulatorDefaults,
  type SimTransaction,
  type SimTransactionBatch,
} from './paya-sim-state.js';
import { transactionActionRoutes } from './paya-sim-transaction-actions.js';
import {
  settleTransactions,
  storeTransaction,
  transactionEvent,
  transactionRoutes,
} from './paya-sim-transactions.js';
import { accountVaultRoutes, seedDefaultVaults } from './paya-sim-vaults.js';

/** Paya Connect's sandbox base URL, which the simulator's msw handlers intercept by default. */
export const payaSandboxBaseUrl = 'https://api.sandbox.payaconnect.com';

/** Options of {@link createPayaSimulator}. */
export interface PayaSimulatorOptions {
  /** Credentials to accept (default {@link payaSimulatorDefaults}.credentials). */
  credentials?: Partial<PayaSimCredentials> | undefined;
  /** The clock in unix seconds (default the real time). */
  now?: (() => number) | undefined;
  /** How postbacks are sent (default the global `fetch`). */
  postbackFetch?: typeof fetch | undefined;
}

/** Options of {@link PayaSimulator.seedTransactions}. */
export interface SeedTransactionsOptions {
  /** Location of the records (default the direct location). */
  location_id?: string | undefined;
  /** Amount in cents of every record (default varies 1.00-100.99). */
  amountCents?: number | undefined;
  /** `status_id` of every record (default 101 approved). */
  status_id?: number | undefined;
  /** Newest `created_ts` (default now); records are one second apart, oldest first. */
  newestTs?: number | undefined;
}

/** The Paya simulator: the generic simulator plus Paya helpers. */
export interface PayaSimulator extends Simulator<PayaSimState> {
  /**
   * The settings a client needs: `userId`, `userApiKey` and `developerId` as this simulator
   * accepts them (`createPaya({ baseUrl, ...simulator.credentials })`).
   */
  readonly credentials: PayaSimCredentials;
  /** The seeded ids (locations, product transactions, user): {@link payaSimulatorDefaults}. */
  readonly defaults: typeof payaSimulatorDefaults;
  /**
   * Adds `count` approved card sales directly to the state, without HTTP: compact records
   * sharing their constant strings, 100,000 in well under a second.
   */
  seedTransactions(count: number, options?: SeedTransactionsOptions): void;
  /**
   * Runs a settlement batch: card sales get a settle date (refundable), ACH moves to settled;
   * partial ACH WEB refunds are rejected (136). Posts a transaction UPDATE per settled
   * transaction, and closes every open transaction batch (`is_open` 0, `processing_status_id`
   * 2) with a transactionbatch UPDATE each.
   */
  settle(): number;
  /**
   * Closes every open transaction batch, as Paya's nightly close (or
   * `POST /v2/transactionbatches/{id}/settle`) does: the batch's approved card sales get a settle
   * date (a transaction UPDATE postback each), the batch turns `is_open` 0 and
   * `processing_status_id` 2 (a transactionbatch UPDATE postback). ACH is left to `settle()`.
   * Returns the batches it closed.
   */
  settleBatches(): SimTransactionBatch[];
  /**
   * The simulator's clock: `advance(ms)`, `set(date)`, `now()`, `today()`. Every timestamp the
   * simulator writes and every recurring schedule reads it; `reset()` puts it back.
   */
  readonly clock: PayaSimClock;
  /**
   * Runs the recurrings due by the clock's today (`next_run_date` today or earlier; a clock
   * moved past several dates makes each run): a sale (or ACH debit) of the recurring's account
   * vault per run, with `recurring_id` and `trx_source_id` 13, then the next date. Recurrings on
   * hold or ended do not run; skip and defer have already moved their dates.
   */
  runDueRecurrings(): SimRecurringRun[];
  /**
   * Pays a quick invoice as its pay page would: a sale (ACH debit for an ACH-only invoice) of
   * `amountCents` (default the remaining balance) with the invoice's `quick_invoice_id` and
   * `trx_source_id` 8; the invoice's balance and `payment_status_id` follow. Returns the
   * transaction id.
   */
  payQuickInvoice(quickInvoiceId: string, options?: { amountCents?: number }): string;
  /** Pays a paylink as its pay page would: a sale referencing the paylink, which becomes paid (`status_id` 1). Returns the transaction id. */
  payPaylink(paylinkId: string, options?: { amountCents?: number }): string;
  /**
   * The postbacks the simulator posts to the active `/v2/postbackconfigs` (form bodies, Basic
   * auth when the config has a username, re-sent on non-2xx up to `number_of_attempts`):
   * transaction CREATE (every POST, a paid paylink) and UPDATE (void, completion, a refund's
   * original, settlement), contact CREATE / UPDATE / DELETE, transactionbatch UPDATE when a
   * batch closes (`settle()`, `settleBatches()`, `POST /v2/transactionbatches/{id}/settle`).
   */
  readonly postbacks: PayaSimPostbacks;
  /**
   * The payer's side of the hosted PayForm / AccountForm: `submit(url, fields)` checks the
   * signed URL as Paya does and makes the transaction or vault (account vault postbacks, CREATE
   * / UPDATE / DELETE, go through `postbacks` too).
   */
  readonly forms: PayaSimForms;
}

/**
 * Creates a stateful Paya Connect simulator, written from Paya's reference: location infos
 * (a direct location with card, ACH WEB and ACH CCD products and a child location), contacts,
 * card and ACH transactions with the sandbox amounts ($5.00 and $6.01-$6.31 decline),
 * paylinks, filters, paging and Paya's error bodies. It checks the three auth headers.
 *
 * @example
 * ```ts
 * const simulator = createPayaSimulator();
 * const baseUrl = await simulator.listen();
 * const paya = createPaya({ baseUrl, ...simulator.credentials });
 * simulator.seedTransactions(100_000);
 * ```
 */
export function createPayaSimulator(options: PayaSimulatorOptions = {}): PayaSimulator {
  const credentials: PayaSimCredentials = {
    ...payaSimulatorDefaults.credentials,
    ...stripUndefined(options.credentials ?? {}),
  };
  const clock = createSimClock(options.now ?? (() => Date.now() / 1000));
  const now = clock.now;
  let simulator: Simulator<PayaSimState> | undefined;
  const postbacks = createPostbackSender(options.postbackFetch);
  const context = {
    now,
    baseUrl: () => simulator?.url ?? payaSandboxBaseUrl,
    postback: postbacks.emit,
  };
  simulator = createSimulator<PayaSimState>({
    name: 'paya',
    baseUrl: payaSandboxBaseUrl,
    initialState: () =>
      seedDefaultVaults(initialPayaState(credentials, now()), now(), simulator?.url ?? payaSandboxBaseUrl),
    routes: [
      ...locationRoutes(context),
      ...contactRoutes(context),
      ...transactionRoutes(context),
      ...paylinkRoutes(context),
      ...postbackConfigRoutes(context),
      ...accountVaultRoutes(context),
      ...formRoutes(context),
      ...recurringRoutes(context),
      ...quickInvoiceRoutes(context),
      ...transactionActionRoutes(context),
      ...transactionBatchRoutes({
        ...context,
        closed: (state, batch, settled) => {
          for (const record of settled)
            postbacks.emit(state, transactionEvent(state, record, 'UPDATE', context.baseUrl()));
          postbacks.emit(state, batchEvent(batch, context.baseUrl()));
        },
      }),
    ],
    before: (request, state) => {
      // A hosted form carries its own credentials (the signed hash-key), checked by its route.
      if (isFormPath(request.path)) return undefined;
      const headers = request.headers;
      if (
        headers['user-id'] !== state.credentials.userId ||
        headers['user-api-key'] !== state.credentials.userApiKey ||
        headers['developer-id'] !== state.credentials.developerId
      ) {
        return statusError(401, 'Your request was made with invalid credentials.');
      }
      return undefined;
    },
    notFound: () => statusError(404, 'Page not found.'),
  });
  const base = simulator;
  const resetState = base.reset;
  base.reset = () => {
    clock.reset();
    resetState();
    postbacks.reset();
  };
  let seedCounter = 0;
  const sim = Object.assign(base, {
    credentials,
    defaults: payaSimulatorDefaults,
    forms: createFormHelpers(() => base.state, context),
    postbacks: {
      settled: () => postbacks.settled(),
      get attempts() {
        return postbacks.attempts;
      },
      deliveryPlan: (plan: Parameters<PayaSimPostbacks['deliveryPlan']>[0]) => postbacks.deliveryPlan(plan),
    },
    seedTransactions(count: number, seed: SeedTransactionsOptions = {}) {
      const state = base.state;
      const location =
        state.locations.find(
          (candidate) => candidate.id === (seed.location_id ?? payaSimulatorDefaults.locationId),
        ) ?? state.locations[0]!;
      const productId = location.default_cc ?? location.product_transactions[0]!.id;
      const newest = seed.newestTs ?? now();
      const statusId = seed.status_id ?? 101;
      const prefix = newHexId().slice(0, 12);
      for (let index = 0; index < count; index += 1) {
        seedCounter += 1;
        const cents = seed.amountCents ?? 100 + (seedCounter % 10_000);
        const created = newest - (count - 1 - index);
        const record: SimTransaction = {
          id: prefix + seedCounter.toString(16).padStart(12, '0'),
          location_id: location.id,
          product_transaction_id: productId,
          payment_method: 'cc',
          type_id: 20,
          status_id: statusId,
          reason_code_id: statusId === 301 ? 1500 : 1000,
          amount_cents: cents,
          auth_cents: cents,
          refunded_cents: 0,
          transaction_api_id: null,
          order_num: 'seed',
          contact_id: null,
          created_ts: created,
          modified_ts: created,
          settle_date: null,
          void_date: null,
          previous_transaction_id: null,
          ach_sec_code: null,
          account_type: 'visa',
          first_six: '411111',
          last_four: '1111',
          account_holder_name: 'Seeded Customer',
          routing: null,
          account_vault_id: null,
          description: null,
          verbiage: statusId === 301 ? 'DENY' : 'APPROVED',
          auth_code: '000000',
          avs: null,
          paylink_id: null,
          extra: null,
        };
        storeTransaction(state, record);
      }
    },
    clock,
    settleBatches() {
      const state = base.state;
      const stamp = now();
      const closed = openBatches(state);
      for (const batch of closed) {
        closeBatch(state, batch, stamp, (record) =>
          postbacks.emit(state, transactionEvent(state, record, 'UPDATE', context.baseUrl())),
        );
        postbacks.emit(state, batchEvent(batch, context.baseUrl()));
      }
      return closed;
    },
    runDueRecurrings() {
      return runDueRecurrings(base.state, context);
    },
    payQuickInvoice(quickInvoiceId: string, pay: { amountCents?: number } = {}) {
      return payQuickInvoice(base.state, context, quickInvoiceId, pay.amountCents);
    },
    settle() {
      const state = base.state;
      const stamp = now();
      const count = settleTransactions(state, stamp, (record) => {
        postbacks.emit(state, transactionEvent(state, record, 'UPDATE', context.baseUrl()));
      });
      // The batches close after their transactions settled (their UPDATEs are already out).
      for (const batch of openBatches(state)) {
        closeBatch(state, batch, stamp);
        postbacks.emit(state, batchEvent(batch, context.baseUrl()));
      }
      return count;
    },
    payPaylink(paylinkId: string, pay: { amountCents?: number } = {}) {
      const state = base.state;
      const paylink = state.paylinksById.get(paylinkId);
      if (!paylink || paylink.deleted) throw new Error(`paya simulator: no paylink ${paylinkId}`);
      const data = paylink.data;
      const cents = pay.amountCents ?? Math.round(Number(data.amount_due) * 100);
      const ach = data.ach_product_transaction_id !== null && data.ach_product_transaction_id !== undefined;
      const stamp = now();
      const id = newHexId();
      const record: SimTransaction = {
        id,
        location_id: String(data.location_id),
        product_transaction_id: String(
          ach ? data.ach_product_transaction_id : data.cc_product_transaction_id,
        ),
        payment_method: ach ? 'ach' : 'cc',
        type_id: ach ? 50 : 20,
        status_id: ach ? 131 : 101,
        reason_code_id: 1000,
        amount_cents: cents,
        auth_cents: cents,
        refunded_cents: 0,
        transaction_api_id: null,
        order_num: String(Math.floor(Math.random() * 1e12)).padStart(12, '0'),
        contact_id: (data.contact_id as string | null) ?? null,
        created_ts: stamp,
        modified_ts: stamp,
        settle_date: null,
        void_date: null,
        previous_transaction_id: null,
        ach_sec_code: ach ? 'WEB' : null,
        account_type: ach ? 'checking' : 'visa',
        first_six: ach ? null : '411111',
        last_four: ach ? '7890' : '1111',
        account_holder_name: 'Paylink Payer',
        routing: ach ? '072000326' : null,
        account_vault_id: null,
        description: typeof data.description === 'string' ? data.description : null,
        verbiage: 'APPROVED',
        auth_code: '123456',
        avs: null,
        paylink_id: paylinkId,
        extra: null,
      };
      storeTransaction(state, record);
      data.status_id = 1;
      data.modified_ts = stamp;
      postbacks.emit(state, transactionEvent(state, record, 'CREATE', context.baseUrl()));
      return id;
    },
  });
  return sim;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
