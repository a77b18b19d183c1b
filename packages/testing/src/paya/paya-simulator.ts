import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { newHexId } from '../simulator/sim-helpers.js';
import { contactRoutes } from './paya-sim-contacts.js';
import { statusError } from './paya-sim-errors.js';
import { locationRoutes } from './paya-sim-locations.js';
import { paylinkRoutes } from './paya-sim-paylinks.js';
import { createPostbackSender, type PayaSimPostbacks, postbackConfigRoutes } from './paya-sim-postbacks.js';
import {
  initialPayaState,
  type PayaSimCredentials,
  type PayaSimState,
  payaSimulatorDefaults,
  type SimTransaction,
} from './paya-sim-state.js';
import {
  settleTransactions,
  storeTransaction,
  transactionEvent,
  transactionRoutes,
} from './paya-sim-transactions.js';

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
   * transaction, and a transactionbatch UPDATE (`is_open` 0, `processing_status_id` 2) per
   * card deposit account that had transactions in the batch.
   */
  settle(): number;
  /** Pays a paylink as its pay page would: a sale referencing the paylink, which becomes paid (`status_id` 1). Returns the transaction id. */
  payPaylink(paylinkId: string, options?: { amountCents?: number }): string;
  /**
   * The postbacks the simulator posts to the active `/v2/postbackconfigs` (form bodies, Basic
   * auth when the config has a username, re-sent on non-2xx up to `number_of_attempts`):
   * transaction CREATE (every POST, a paid paylink) and UPDATE (void, completion, a refund's
   * original, settlement), contact CREATE / UPDATE / DELETE, transactionbatch UPDATE on
   * `settle()`.
   */
  readonly postbacks: PayaSimPostbacks;
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
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
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
    initialState: () => initialPayaState(credentials, now()),
    routes: [
      ...locationRoutes(context),
      ...contactRoutes(context),
      ...transactionRoutes(context),
      ...paylinkRoutes(context),
      ...postbackConfigRoutes(context),
    ],
    before: (request, state) => {
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
    resetState();
    postbacks.reset();
  };
  let seedCounter = 0;
  const sim = Object.assign(base, {
    credentials,
    defaults: payaSimulatorDefaults,
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
    settle() {
      const state = base.state;
      const stamp = now();
      const settled: SimTransaction[] = [];
      const count = settleTransactions(state, stamp, (record) => {
        settled.push(record);
        postbacks.emit(state, transactionEvent(state, record, 'UPDATE', context.baseUrl()));
      });
      const cardProducts = new Map<string, SimTransaction[]>();
      for (const record of settled) {
        if (record.payment_method !== 'cc') continue;
        const group = cardProducts.get(record.product_transaction_id) ?? [];
        group.push(record);
        cardProducts.set(record.product_transaction_id, group);
      }
      for (const [productId, records] of cardProducts) {
        state.lastBatchNum += 1;
        const batch = {
          id: newHexId(),
          batch_num: state.lastBatchNum,
          product_transaction_id: productId,
          created_ts: records.reduce((oldest, record) => Math.min(oldest, record.created_ts), stamp),
          processing_status_id: 2,
          is_open: 0,
          batch_close_ts: stamp,
          settlement_file_name: null,
          status_message: null,
        };
        postbacks.emit(state, {
          resource: 'transactionbatch',
          action: 'UPDATE',
          location_id: records[0]!.location_id,
          product_transaction_id: productId,
          data: (expands) =>
            expands.split(',').includes('changelogs')
              ? {
                  ...batch,
                  changelogs: [
                    {
                      action: 'update',
                      model: 'TransactionBatch',
                      model_id: batch.id,
                      user_id: null,
                      changelog_details: [
                        { field: 'is_open', old_value: '1' },
                        { field: 'processing_status_id', old_value: '1' },
                      ],
                    },
                  ],
                }
              : { ...batch },
        });
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
