import { payaSimulatorDefaults } from '@payweave/testing';
import { createRecord, uniqueRef } from '../support/create-record.js';
import type { FixtureSet, ProviderEnv } from '../support/provider-harness.js';
import type { PayaEnv } from './paya-harness.js';
import { sensitive } from './test-data.js';

const location_id = payaSimulatorDefaults.locationId;
const card = {
  account_number: sensitive.cardNumber,
  exp_date: '1230',
  cvv: sensitive.cvv,
  billing_zip: '32606',
};

/** A fresh approved card sale (or auth-only) to act on. */
async function newSale(env: ProviderEnv, id = 'paya.transactions.sale'): Promise<string> {
  const sale = await createRecord<{ id: string }>(env.client, id, {
    location_id,
    transaction_amount: '10.00',
    ...card,
  });
  return sale.id;
}

async function newContact(env: ProviderEnv): Promise<string> {
  const contact = await createRecord<{ id: string }>(env.client, 'paya.contacts.create', {
    location_id,
    last_name: 'Sanchez',
    contact_api_id: uniqueRef('c'),
  });
  return contact.id;
}

async function newPaylink(env: ProviderEnv): Promise<string> {
  const paylink = await createRecord<{ id: string }>(env.client, 'paya.paylinks.create', {
    location_id,
    amount_due: '25.00',
    email: 'rick@example.com',
    delivery_method: 1,
    paylink_api_id: uniqueRef('pl'),
  });
  return paylink.id;
}

// Inactive, and on a loopback port nothing listens on: the suite never posts anywhere.
const postbackConfig = {
  location_id,
  resource: 'transaction',
  product_transaction_id: payaSimulatorDefaults.ccProductTransactionId,
  url: 'https://127.0.0.1:9/webhooks/paya/reliability?source=paya',
  basic_auth_username: 'reliability',
  basic_auth_password: sensitive.postbackPassword,
  expands: 'changelogs,tags',
  on_create: 1,
  on_update: 1,
  on_delete: 0,
  is_active: 0,
  number_of_attempts: 3,
  attempt_interval: 300,
};

const cardVault = {
  location_id,
  payment_method: 'cc',
  account_number: sensitive.cardNumber,
  exp_date: '1230',
  account_holder_name: 'Rick Sanchez',
};

/** A fresh card vault to act on, with its `account_vault_api_id`. */
async function newVault(env: ProviderEnv): Promise<{ id: string; account_vault_api_id: string }> {
  return createRecord<{ id: string; account_vault_api_id: string }>(env.client, 'paya.accountVaults.create', {
    ...cardVault,
    account_vault_api_id: uniqueRef('v'),
  });
}

async function newPostbackConfig(env: ProviderEnv): Promise<string> {
  const config = await createRecord<{ id: string }>(
    env.client,
    'paya.postbackConfigs.create',
    postbackConfig,
  );
  return config.id;
}

const recurring = {
  account_vault_id: payaSimulatorDefaults.cardVaultId,
  location_id,
  interval: 1,
  interval_type: 'm',
  start_date: '2099-01-15',
  transaction_amount: '9.99',
  description: 'Reliability plan',
};

async function newRecurring(env: ProviderEnv, change: Record<string, unknown> = {}): Promise<string> {
  const created = await createRecord<{ id: string }>(env.client, 'paya.recurrings.create', {
    ...recurring,
    ...change,
  });
  return created.id;
}

const quickInvoice = {
  location_id,
  title: 'Reliability invoice',
  due_date: '2099-03-31',
  item_list: { Support: '15.00', Consulting: 6 },
  email: 'rick@example.com',
  allow_partial_pay: 1,
};

async function newQuickInvoice(env: ProviderEnv): Promise<string> {
  const created = await createRecord<{ id: string }>(env.client, 'paya.quickInvoices.create', quickInvoice);
  return created.id;
}

/** A fresh ACH debit with this SEC code (TEL can be overridden, POP updated). */
async function newCheckDebit(env: ProviderEnv, ach_sec_code: 'TEL' | 'POP'): Promise<string> {
  const debit = await createRecord<{ id: string }>(env.client, 'paya.transactions.debit', {
    location_id,
    product_transaction_id: payaSimulatorDefaults.achProductTransactionId,
    ach_sec_code,
    transaction_amount: '12.00',
    account_number: sensitive.bankAccount,
    routing: sensitive.routing,
    account_holder_name: 'Rick Sanchez',
    account_type: 'checking',
  });
  return debit.id;
}

/** The open batch a fresh sale landed in. */
async function openBatch(env: ProviderEnv): Promise<string> {
  const sale = await newSale(env);
  const batch = (env as PayaEnv).paya.state.transactionsById.get(sale)?.transaction_batch_id;
  if (!batch) throw new Error('fixture setup: the sale landed in no batch');
  return batch;
}

/** One valid input per Paya operation; records to act on are created first. */
export const payaFixtures: FixtureSet = {
  'paya.locationInfos.list': { input: () => ({ relationship: 'all' }) },
  'paya.contacts.create': {
    input: () => ({ location_id, last_name: 'Sanchez', first_name: 'Rick', contact_api_id: uniqueRef('c') }),
  },
  'paya.contacts.retrieve': { input: async (env) => ({ id: await newContact(env) }) },
  'paya.contacts.update': {
    input: async (env) => ({ id: await newContact(env), first_name: 'Morty', city: 'Seattle' }),
  },
  'paya.contacts.delete': {
    input: async (env) => ({ id: await newContact(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.contacts.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.transactions.sale': {
    input: () => ({ location_id, transaction_amount: '10.00', order_num: 'R1', ...card }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.authOnly': {
    input: () => ({ location_id, transaction_amount: '60.00', ...card }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.authComplete': {
    input: async (env) => ({
      id: await newSale(env, 'paya.transactions.authOnly'),
      transaction_amount: '55.00',
    }),
    replayCodes: ['conflict', 'invalid_request', 'provider_error'],
  },
  'paya.transactions.void': {
    input: async (env) => ({ id: await newSale(env) }),
    replayCodes: ['conflict', 'invalid_request', 'provider_error'],
  },
  'paya.transactions.refund': {
    input: async (env) => {
      const id = await newSale(env);
      (env as PayaEnv).paya.settle();
      return { location_id, previous_transaction_id: id, transaction_amount: '4.00' };
    },
    filled: ['transaction_api_id'],
  },
  'paya.transactions.avsOnly': { input: () => ({ location_id, ...card }), filled: ['transaction_api_id'] },
  'paya.transactions.debit': {
    input: () => ({
      location_id,
      product_transaction_id: payaSimulatorDefaults.achProductTransactionId,
      ach_sec_code: 'WEB',
      transaction_amount: '12.00',
      account_number: sensitive.bankAccount,
      routing: sensitive.routing,
      account_holder_name: 'Rick Sanchez',
      account_type: 'checking',
      ssn4: sensitive.ssn4,
      dl_number: sensitive.licence,
      dl_state: 'FL',
    }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.credit': {
    input: () => ({
      location_id,
      product_transaction_id: payaSimulatorDefaults.achCcdProductTransactionId,
      ach_sec_code: 'CCD',
      transaction_amount: '7.00',
      account_number: sensitive.bankAccount,
      routing: sensitive.routing,
      account_holder_name: 'Rick Sanchez',
      account_type: 'checking',
    }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.retrieve': { input: async (env) => ({ id: await newSale(env) }) },
  'paya.transactions.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.paylinks.create': {
    input: () => ({
      location_id,
      amount_due: '25.00',
      email: 'rick@example.com',
      delivery_method: 1,
      paylink_api_id: uniqueRef('pl'),
    }),
  },
  'paya.paylinks.retrieve': { input: async (env) => ({ id: await newPaylink(env) }) },
  'paya.paylinks.update': {
    input: async (env) => ({ id: await newPaylink(env), description: 'Updated', amount_due: '30.00' }),
  },
  'paya.paylinks.delete': {
    input: async (env) => ({ id: await newPaylink(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.paylinks.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.paylinks.resend': { input: async (env) => ({ id: await newPaylink(env) }) },
  'paya.postbackConfigs.create': { input: () => ({ ...postbackConfig }) },
  'paya.postbackConfigs.retrieve': { input: async (env) => ({ id: await newPostbackConfig(env) }) },
  'paya.postbackConfigs.update': {
    input: async (env) => ({
      id: await newPostbackConfig(env),
      url: 'https://127.0.0.1:9/webhooks/paya/rotated',
      basic_auth_password: `${sensitive.postbackPassword}-2`,
      on_delete: 1,
      number_of_attempts: 2,
    }),
  },
  'paya.postbackConfigs.delete': {
    input: async (env) => ({ id: await newPostbackConfig(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.postbackConfigs.list': { input: () => ({ location_id, resource: 'transaction', page_size: 5 }) },
  'paya.accountVaults.create': {
    input: () => ({ ...cardVault, title: 'Reliability' }),
    filled: ['account_vault_api_id'],
  },
  'paya.accountVaults.createFromTransaction': {
    input: async (env) => ({
      location_id,
      payment_method: 'cc',
      previous_transaction_id: await newSale(env),
      exp_date: '1230',
    }),
    filled: ['account_vault_api_id'],
  },
  'paya.accountVaults.retrieve': {
    input: async (env) => ({ id: (await newVault(env)).id, expand: ['contact'] }),
  },
  'paya.accountVaults.retrieveByApiId': {
    input: async (env) => ({ account_vault_api_id: (await newVault(env)).account_vault_api_id, location_id }),
  },
  'paya.accountVaults.update': {
    input: async (env) => ({
      id: (await newVault(env)).id,
      exp_date: '0131',
      title: 'Renewed',
      billing_zip: '32606',
    }),
  },
  'paya.accountVaults.delete': {
    input: async (env) => ({ id: (await newVault(env)).id }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.accountVaults.list': { input: () => ({ location_id, payment_method: 'cc', page_size: 5 }) },
  'paya.accountVaults.binInfo': { input: async (env) => ({ id: (await newVault(env)).id }) },
  'paya.recurrings.create': { input: () => ({ ...recurring, installment_total_count: 12 }) },
  'paya.recurrings.retrieve': {
    input: async (env) => ({ id: await newRecurring(env), expand: ['transactions'] }),
  },
  'paya.recurrings.update': {
    input: async (env) => ({
      id: await newRecurring(env),
      description: 'Updated',
      next_run_date: '2099-02-01',
    }),
  },
  'paya.recurrings.delete': {
    input: async (env) => ({ id: await newRecurring(env) }),
    replayCodes: ['not_found'],
  },
  'paya.recurrings.list': { input: () => ({ location_id, status: 'active', page_size: 5 }) },
  'paya.recurrings.skip': { input: async (env) => ({ id: await newRecurring(env), skip_count: 1 }) },
  'paya.recurrings.defer': {
    input: async (env) => ({ id: await newRecurring(env, { installment_total_count: 6 }), defer_count: 1 }),
  },
  'paya.recurrings.hold': {
    input: async (env) => ({ id: await newRecurring(env) }),
    replayCodes: ['invalid_request'],
  },
  'paya.recurrings.activate': {
    input: async (env) => {
      const id = await newRecurring(env);
      await createRecord(env.client, 'paya.recurrings.hold', { id });
      return { id };
    },
    replayCodes: ['invalid_request'],
  },
  'paya.quickInvoices.create': { input: () => ({ ...quickInvoice, send_email: 1 }) },
  'paya.quickInvoices.retrieve': {
    input: async (env) => ({ id: await newQuickInvoice(env), expand: ['files'] }),
  },
  'paya.quickInvoices.update': {
    input: async (env) => ({
      id: await newQuickInvoice(env),
      note: 'Updated',
      item_list: { Support: '20.00' },
    }),
  },
  'paya.quickInvoices.delete': {
    input: async (env) => ({ id: await newQuickInvoice(env) }),
    replayCodes: ['not_found'],
  },
  'paya.quickInvoices.list': { input: () => ({ location_id, payment_status_id: 1, page_size: 5 }) },
  'paya.quickInvoices.addTransaction': {
    input: async (env) => ({ id: await newQuickInvoice(env), transaction_id: await newSale(env) }),
  },
  'paya.quickInvoices.removeTransaction': {
    input: async (env) => {
      const id = await newQuickInvoice(env);
      const transaction_id = await newSale(env);
      await createRecord(env.client, 'paya.quickInvoices.addTransaction', { id, transaction_id });
      return { id, transaction_id };
    },
  },
  'paya.quickInvoices.resend': { input: async (env) => ({ id: await newQuickInvoice(env) }) },
  'paya.transactionBatches.list': {
    input: async (env) => {
      await openBatch(env);
      return { is_open: 1, sort: '-created_ts', page_size: 5 };
    },
  },
  'paya.transactionBatches.retrieve': { input: async (env) => ({ id: await openBatch(env) }) },
  'paya.transactionBatches.settle': {
    input: async (env) => ({ id: await openBatch(env) }),
    replayCodes: ['invalid_request'],
  },
  'paya.transactions.force': {
    input: () => ({ location_id, transaction_amount: '15.00', auth_code: 'A1B2C3', ...card }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.authIncrement': {
    input: async (env) => ({
      id: await newSale(env, 'paya.transactions.authOnly'),
      transaction_amount: '25.00',
    }),
  },
  'paya.transactions.partialReversal': {
    input: async (env) => ({ id: await newSale(env), transaction_amount: '4.00' }),
  },
  'paya.transactions.edit': {
    input: async (env) => ({ id: await newSale(env), description: 'Edited by the reliability suite' }),
  },
  'paya.transactions.override': { input: async (env) => ({ id: await newCheckDebit(env, 'TEL') }) },
  'paya.transactions.achUpdate': {
    input: async (env) => {
      const id = await newCheckDebit(env, 'POP');
      await createRecord(env.client, 'paya.transactions.void', { id });
      return { id, transaction_amount: '13.00' };
    },
  },
};
