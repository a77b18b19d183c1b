import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const card = { account_number: '5454545454545454', exp_date: '1230' };
const check = {
  product_transaction_id: ids.achProductTransactionId,
  account_number: '2079951060953',
  routing: '072000326',
  account_holder_name: 'SDK Test',
  account_type: 'checking' as const,
};
const test = usePayaSimulator();

const body = (index: number) =>
  (test.simulator.log[index]?.body as { transaction: Record<string, unknown> })?.transaction;

describe('transactions.force', () => {
  it('posts action force with the auth code and a transaction_api_id, and decodes reason forced', async () => {
    const forced = (
      await test.paya.transactions.force({ transaction_amount: '42.00', auth_code: 'A1B2C3', ...card })
    ).unwrap();
    const request = test.simulator.log[0];
    expect(request).toMatchObject({ method: 'POST', path: '/v2/transactions', outcome: 201 });
    expect(authHeadersOf(request)['developer-id']).toBe(test.simulator.credentials.developerId);
    expect(body(0)).toMatchObject({
      action: 'force',
      payment_method: 'cc',
      transaction_amount: '42.00',
      auth_code: 'A1B2C3',
      ...card,
    });
    expect(body(0)?.transaction_api_id).toMatch(/^pw-/);
    expect(forced).toMatchObject({
      reason_code_id: 1002,
      reason: 'forced',
      auth_code: 'A1B2C3',
      transaction_amount_money: { amountMinor: 4200, currency: 'USD' },
      transaction_api_id: body(0)?.transaction_api_id,
    });
  });

  it('charges a stored vault', async () => {
    const forced = (
      await test.paya.transactions.force({
        transaction_amount: 9,
        auth_code: '123456',
        account_vault_id: ids.cardVaultId,
        transaction_api_id: 'voice-auth-1',
      })
    ).unwrap();
    expect(forced).toMatchObject({ account_vault_id: ids.cardVaultId, transaction_api_id: 'voice-auth-1' });
  });

  it.each([
    ['no auth code', { auth_code: undefined }, 'auth_code'],
    ['a 5-character auth code', { auth_code: '12345' }, 'auth_code'],
    ['an auth code with a space', { auth_code: '12 345' }, 'auth_code'],
    ['no card source', { account_number: undefined, exp_date: undefined }, 'account_vault_id'],
    ['an ACH payment method', { payment_method: 'ach' }, 'payment_method'],
    ['another action', { action: 'sale' }, 'action'],
  ])('refuses %s before sending anything', async (_name, change, field) => {
    const input = { transaction_amount: '1.00', auth_code: 'ABC123', ...card, ...change } as Record<
      string,
      unknown
    >;
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete input[key];
    const result = await test.paya.transactions.force(input as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    expect(result.isErr() && Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    expect(test.simulator.log).toHaveLength(0);
  });

  it('reconciles like a sale: after a lost answer the transaction is found by its transaction_api_id', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const forced = (
      await test.paya.transactions.force({ transaction_amount: '3.00', auth_code: 'ZZ9999', ...card })
    ).unwrap();
    expect(test.simulator.state.transactions).toHaveLength(1);
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST reset',
      'GET 200',
    ]);
    expect(test.simulator.log[1]?.query.transaction_api_id).toBe(forced.transaction_api_id);
  });

  it("maps Paya's 422 (a reused transaction_api_id) to invalid_request", async () => {
    await test.paya.transactions.force({
      transaction_amount: '1.00',
      auth_code: 'ABC123',
      transaction_api_id: 'f-1',
      ...card,
    });
    const again = await test.paya.transactions.force({
      transaction_amount: '1.00',
      auth_code: 'ABC123',
      transaction_api_id: 'f-1',
      ...card,
    });
    expect(again.isErr() && again.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    expect(again.isErr() && again.error.fieldErrors?.transaction_api_id?.[0]).toMatch(/already been taken/);
  });
});

describe('transactions.authIncrement', () => {
  it('raises an auth-only with PUT action authincrement; it stays auth-only (Paya example)', async () => {
    const auth = (await test.paya.transactions.authOnly({ transaction_amount: '1.00', ...card })).unwrap();
    const raised = (
      await test.paya.transactions.authIncrement(auth.id, { transaction_amount: '100.00' })
    ).unwrap();
    expect(test.simulator.log[1]).toMatchObject({ method: 'PUT', path: `/v2/transactions/${auth.id}` });
    expect(JSON.parse(test.simulator.log[1]?.rawBody ?? '')).toEqual({
      transaction: { action: 'authincrement', transaction_amount: '100.00' },
    });
    expect(raised).toMatchObject({
      id: auth.id,
      status: 'authOnly',
      status_id: 102,
      transaction_amount: '100.00',
      auth_amount: '1.00',
    });
    const completed = (await test.paya.transactions.authComplete(auth.id)).unwrap();
    expect(completed.transaction_amount).toBe('100.00');
  });

  it('is never resent: a 503 ends the call, naming the transaction to re-read', async () => {
    const auth = (await test.paya.transactions.authOnly({ transaction_amount: '1.00', ...card })).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    const result = await test.paya.transactions.authIncrement(auth.id, { transaction_amount: '2.00' });
    expect(result.isErr() && result.error).toMatchObject({
      code: 'provider_unavailable',
      outcomeUnknown: true,
      reference: auth.id,
    });
    expect(test.simulator.log.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('reports outcomeUnknown when the answer to a recorded increment is lost, without a resend', async () => {
    const auth = (await test.paya.transactions.authOnly({ transaction_amount: '1.00', ...card })).unwrap();
    test.simulator.faults.resetNext({ method: 'PUT' }, { afterHandling: true });
    const result = await test.paya.transactions.authIncrement(auth.id, { transaction_amount: '5.00' });
    expect(result.isErr() && result.error).toMatchObject({ code: 'network', outcomeUnknown: true });
    expect(test.simulator.log.filter((request) => request.method === 'PUT')).toHaveLength(1);
    expect((await test.paya.transactions.retrieve(auth.id)).unwrap().transaction_amount).toBe('5.00');
  });

  it("maps Paya's 422 (not an auth-only) and 404, and refuses a zero amount before sending", async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '1.00', ...card })).unwrap();
    const notAuth = await test.paya.transactions.authIncrement(sale.id, { transaction_amount: '2.00' });
    expect(notAuth.isErr() && notAuth.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    const missing = await test.paya.transactions.authIncrement('c'.repeat(24), {
      transaction_amount: '2.00',
    });
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
    test.simulator.clearLog();
    const zero = await test.paya.transactions.authIncrement(sale.id, { transaction_amount: '0.00' });
    expect(zero.isErr() && zero.error.code).toBe('validation');
    expect(test.simulator.log).toHaveLength(0);
  });
});

describe('transactions.partialReversal', () => {
  it('reduces a sale to its final amount with PUT action partialreversal', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '50.00', ...card })).unwrap();
    const reduced = (
      await test.paya.transactions.partialReversal(sale.id, {
        transaction_amount: 20,
        description: 'two items back',
      })
    ).unwrap();
    expect(JSON.parse(test.simulator.log[1]?.rawBody ?? '')).toEqual({
      transaction: { action: 'partialreversal', transaction_amount: 20, description: 'two items back' },
    });
    expect(test.simulator.log[1]).toMatchObject({ method: 'PUT', path: `/v2/transactions/${sale.id}` });
    expect(reduced).toMatchObject({
      status: 'approved',
      transaction_amount: '20.00',
      transaction_amount_money: { amountMinor: 2000, currency: 'USD' },
    });
  });

  it('refuses what the matrix does not accept, and maps a larger amount to invalid_request', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '50.00', ...card })).unwrap();
    test.simulator.clearLog();
    const extra = await test.paya.transactions.partialReversal(sale.id, {
      transaction_amount: '10.00',
      order_num: 'A1',
    } as never);
    expect(extra.isErr() && extra.error.fieldErrors).toEqual({ order_num: ['is not a known field'] });
    expect(test.simulator.log).toHaveLength(0);
    const larger = await test.paya.transactions.partialReversal(sale.id, { transaction_amount: '60.00' });
    expect(larger.isErr() && larger.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    expect(larger.isErr() && larger.error.fieldErrors?.transaction_amount?.[0]).toMatch(/less than/);
  });

  it('is never resent after a 503', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '50.00', ...card })).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    const result = await test.paya.transactions.partialReversal(sale.id, { transaction_amount: '10.00' });
    expect(result.isErr() && result.error).toMatchObject({
      code: 'provider_unavailable',
      reference: sale.id,
    });
    expect(test.simulator.log.filter((request) => request.method === 'PUT')).toHaveLength(1);
    // What Paya recommends before sending again: re-read it, with the expand that says what is allowed.
    expect(
      (await test.paya.transactions.retrieve(sale.id, { expand: ['is_reversible', 'is_settled'] })).unwrap(),
    ).toMatchObject({ transaction_amount: '50.00', is_reversible: true, is_settled: false });
  });
});

describe('transactions.edit', () => {
  it('links a contact and changes the description with PUT action edit (retried as safe)', async () => {
    const contact = (
      await test.paya.contacts.create({ location_id: ids.locationId, last_name: 'Sanchez' })
    ).unwrap();
    const sale = (
      await test.paya.transactions.sale({ transaction_amount: '5.00', account_vault_id: ids.cardVaultId })
    ).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    const edited = (
      await test.paya.transactions.edit(sale.id, {
        contact_id: contact.id,
        move_account_vault: 1,
        description: 'this is a description',
      })
    ).unwrap();
    expect(edited).toMatchObject({ contact_id: contact.id, description: 'this is a description' });
    expect(test.simulator.log.at(-1)?.body).toEqual({
      transaction: {
        action: 'edit',
        contact_id: contact.id,
        move_account_vault: 1,
        description: 'this is a description',
      },
    });
    expect(test.simulator.state.accountVaultsById.get(ids.cardVaultId)?.data.contact_id).toBe(contact.id);
    const detached = (await test.paya.transactions.edit(sale.id, { contact_id: '' })).unwrap();
    expect(detached.contact_id).toBeNull();
  });

  it.each([
    ['nothing to change', {}, 'contact_id', /at least one change/],
    [
      'moving the vault without a contact',
      { move_account_vault: 1 },
      'contact_id',
      /moving the account vault/,
    ],
    ['an amount', { transaction_amount: '1.00' }, 'transaction_amount', /not a known field/],
  ])('refuses %s before sending', async (_name, change, field, why) => {
    const result = await test.paya.transactions.edit('a'.repeat(24), change as never);
    expect(result.isErr() && result.error.fieldErrors?.[field]?.[0]).toMatch(why);
    expect(test.simulator.log).toHaveLength(0);
  });
});

describe('ACH override and achUpdate', () => {
  it('overrides a TEL debit with POST /override and an empty payload; never resent', async () => {
    const debit = (
      await test.paya.transactions.debit({ transaction_amount: '12.00', ach_sec_code: 'TEL', ...check })
    ).unwrap();
    const override = (await test.paya.transactions.override(debit.id)).unwrap();
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/transactions/${debit.id}/override`,
      body: {},
    });
    expect(override).toMatchObject({
      transaction: { previous_transaction_id: debit.id, status: 'pendingOrigination', type: 'debit' },
    });
    const original = (await test.paya.transactions.retrieve(debit.id)).unwrap();
    expect(original.status).toBe('voided');

    const again = (
      await test.paya.transactions.debit({ transaction_amount: '3.00', ach_sec_code: 'TEL', ...check })
    ).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /override$/ } });
    const lost = await test.paya.transactions.override(again.id);
    expect(lost.isErr() && lost.error).toMatchObject({ code: 'provider_unavailable', reference: again.id });
    expect(test.simulator.log.filter((request) => request.path.endsWith('/override'))).toHaveLength(2);
  });

  it('re-runs a voided same-day POP debit with POST /achupdate, sending transaction_amount spelled right', async () => {
    const debit = (
      await test.paya.transactions.debit({ transaction_amount: '30.00', ach_sec_code: 'POP', ...check })
    ).unwrap();
    await test.paya.transactions.void(debit.id);
    const updated = (
      await test.paya.transactions.achUpdate(debit.id, { transaction_amount: '34.09' })
    ).unwrap();
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/transactions/${debit.id}/achupdate`,
      body: { transaction: { transaction_amount: '34.09' } },
    });
    expect(updated.transaction).toMatchObject({
      transaction_amount: '34.09',
      previous_transaction_id: debit.id,
    });
  });

  it('refuses an update with nothing to change before sending, and maps a 422 (not voided)', async () => {
    const empty = await test.paya.transactions.achUpdate('a'.repeat(24), {});
    expect(empty.isErr() && empty.error.fieldErrors?.transaction_amount?.[0]).toMatch(
      /transaction_amount and \/ or track_data/,
    );
    expect(test.simulator.log).toHaveLength(0);
    const debit = (
      await test.paya.transactions.debit({ transaction_amount: '30.00', ach_sec_code: 'POP', ...check })
    ).unwrap();
    const notVoided = await test.paya.transactions.achUpdate(debit.id, { transaction_amount: '31.00' });
    expect(notVoided.isErr() && notVoided.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
  });
});
