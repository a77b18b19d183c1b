import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const card = { account_number: '5454545454545454', exp_date: '1230', cvv: '999' };
const bank = {
  account_number: '2079951060953',
  routing: '072000326',
  account_holder_name: 'SDK Test',
  account_type: 'checking' as const,
};
const test = usePayaSimulator();

describe('transactions.sale', () => {
  it('posts the transaction envelope with the three auth headers and decodes the result', async () => {
    const result = await test.paya.transactions.sale({
      transaction_amount: '10.00',
      location_id: ids.locationId,
      product_transaction_id: ids.ccProductTransactionId,
      billing_street: '5800 NW 39th AVE',
      billing_zip: '32606',
      ...card,
    });
    const sale = result.unwrap();
    expect(sale).toMatchObject({
      status_id: 101,
      status: 'approved',
      type: 'sale',
      reason: 'approved',
      transaction_amount: '10.00',
      transaction_amount_money: { amountMinor: 1000, currency: 'USD' },
      last_four: '5454',
      avs: 'GOOD',
    });
    const [request] = test.simulator.log;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v2/transactions');
    expect(authHeadersOf(request)).toEqual({
      'user-id': test.simulator.credentials.userId,
      'user-api-key': test.simulator.credentials.userApiKey,
      'developer-id': test.simulator.credentials.developerId,
    });
    expect(request?.headers['content-type']).toBe('application/json');
    const body = request?.body as { transaction: Record<string, unknown> };
    expect(body.transaction).toMatchObject({
      action: 'sale',
      payment_method: 'cc',
      transaction_amount: '10.00',
      ...card,
    });
    expect(body.transaction.transaction_api_id).toMatch(/^pw-[0-9a-f-]{36}$/);
    expect(sale.transaction_api_id).toBe(body.transaction.transaction_api_id);
  });

  it('keeps a caller transaction_api_id and charges a stored vault', async () => {
    const sale = (
      await test.paya.transactions.sale({
        transaction_amount: 1,
        account_vault_id: '11eb8bdf1ae2385e9ec6747a',
        transaction_api_id: 'order-77',
      })
    ).unwrap();
    expect(sale.transaction_api_id).toBe('order-77');
    expect(
      (test.simulator.log[0]?.body as { transaction: Record<string, unknown> } | undefined)?.transaction,
    ).toMatchObject({
      account_vault_id: '11eb8bdf1ae2385e9ec6747a',
      transaction_amount: 1,
      transaction_api_id: 'order-77',
    });
  });

  it('returns a decline as Ok with status declined (sandbox $5.00 -> 1500, $6.16 -> 1616)', async () => {
    const denied = (await test.paya.transactions.sale({ transaction_amount: '5.00', ...card })).unwrap();
    expect(denied).toMatchObject({
      status_id: 301,
      status: 'declined',
      reason_code_id: 1500,
      reason: 'deny',
    });
    const insufficient = (
      await test.paya.transactions.sale({ transaction_amount: '6.16', ...card })
    ).unwrap();
    expect(insufficient).toMatchObject({
      status: 'declined',
      reason_code_id: 1616,
      reason: 'insufficientFunds',
    });
    const other = (await test.paya.transactions.sale({ transaction_amount: '6.03', ...card })).unwrap();
    expect(other).toMatchObject({ status: 'declined', reason_code_id: 1603, reason: 'declined' });
    expect(test.simulator.log.every((request) => request.outcome === 201)).toBe(true);
  });

  it('refuses bad input before sending anything', async () => {
    const cases: unknown[] = [
      { transaction_amount: '10.00' },
      { transaction_amount: '10.00', ...card, account_vault_id: '11eb8bdf1ae2385e9ec6747a' },
      { transaction_amount: '10.001', ...card },
      { transaction_amount: '10.00', account_number: '5454545454545454' },
      { transaction_amount: '10.00', ...card, billing_phone: '12345' },
      { transaction_amount: '10.00', ...card, description: 'x'.repeat(65) },
      { transaction_amount: '10.00', ...card, surprise: true },
    ];
    for (const input of cases) {
      const result = await test.paya.transactions.sale(input as never);
      expect(result.isErr() && result.error.code).toBe('validation');
      expect(result.isErr() && result.error.message).not.toContain('Invalid input');
    }
    const missing = await test.paya.transactions.sale({ transaction_amount: '10.00' } as never);
    expect(missing.isErr() && missing.error.fieldErrors).toHaveProperty('account_vault_id');
    expect(test.simulator.log).toHaveLength(0);
  });

  it('says why each field is refused', async () => {
    const reasons = async (input: Record<string, unknown>) => {
      const result = await test.paya.transactions.sale({
        transaction_amount: '10.00',
        ...card,
        ...input,
      } as never);
      return result.isErr() ? result.error.fieldErrors : undefined;
    };
    expect(await reasons({ location_id: 'abc' })).toEqual({ location_id: ['must be 24 to 36 characters'] });
    expect(await reasons({ product_transaction_id: 'x'.repeat(37) })).toEqual({
      product_transaction_id: ['must be 24 to 36 characters'],
    });
    expect(await reasons({ description: 'x'.repeat(65) })).toEqual({
      description: ['must be 1 to 64 characters'],
    });
    expect(await reasons({ billing_phone: '12345' })).toEqual({ billing_phone: ['must be 10 digits'] });
    expect(await reasons({ contact_id: 42 })).toEqual({ contact_id: ['must be a string'] });
    expect(await reasons({ custom_data: 'cog' })).toEqual({ custom_data: ['must be an object'] });
    expect(await reasons({ surprise: true })).toEqual({ surprise: ['is not a known field'] });
    const noOriginal = await test.paya.transactions.refund({ transaction_amount: '1.00' } as never);
    expect(noOriginal.isErr() && noOriginal.error.fieldErrors).toEqual({
      previous_transaction_id: ['is required'],
    });
    const list = await test.paya.transactions
      .list({ status_id: 'approved', ach_sec_code: 'XYZ' } as never)
      .firstPage();
    expect(list.isErr() && list.error.fieldErrors).toEqual({
      status_id: ['must be a number or an array'],
      ach_sec_code: ['must be one of: PPD, CCD, WEB, TEL, POP, C21 or an array'],
    });
    expect(test.simulator.log).toHaveLength(0);
  });

  it('turns a 422 into fieldErrors', async () => {
    await test.paya.transactions.sale({ transaction_amount: '1.00', transaction_api_id: 'dup-1', ...card });
    const again = await test.paya.transactions.sale({
      transaction_amount: '1.00',
      transaction_api_id: 'dup-1',
      ...card,
    });
    expect(again.isErr()).toBe(true);
    const error = again.isErr() ? again.error : undefined;
    expect(error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
      operation: 'paya.transactions.sale',
    });
    expect(error?.fieldErrors?.transaction_api_id?.[0]).toMatch(/already been taken/);
    const badProduct = await test.paya.transactions.sale({
      transaction_amount: '1.00',
      product_transaction_id: ids.achProductTransactionId,
      ...card,
    });
    expect(badProduct.isErr() && badProduct.error.fieldErrors).toHaveProperty('product_transaction_id');
  });
});

describe('retries without double charges', () => {
  it('finds the transaction after the connection is reset once the simulator recorded it', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const result = await test.paya.transactions.sale({ transaction_amount: '12.34', ...card });
    const sale = result.unwrap();
    expect(test.simulator.state.transactions).toHaveLength(1);
    expect(sale.id).toBe(test.simulator.state.transactions[0]?.id);
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST reset',
      'GET 200',
    ]);
    const lookup = test.simulator.log[1];
    expect(lookup?.path).toBe('/v2/transactions');
    expect(lookup?.query.transaction_api_id).toBe(sale.transaction_api_id);
    expect(authHeadersOf(lookup)['user-api-key']).toBe(test.simulator.credentials.userApiKey);
  });

  it('resends exactly once after a 503 that recorded nothing', async () => {
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST' } });
    const sale = (await test.paya.transactions.sale({ transaction_amount: '2.00', ...card })).unwrap();
    expect(test.simulator.state.transactions).toHaveLength(1);
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST 503',
      'GET 200',
      'POST 201',
    ]);
    const [first, , second] = test.simulator.log;
    const reference = (request: typeof first) =>
      (request?.body as { transaction: { transaction_api_id: string } } | undefined)?.transaction
        .transaction_api_id;
    expect(reference(first)).toBe(reference(second));
    expect(sale.transaction_api_id).toBe(reference(first));
  });

  it('does not resend when the lookup itself fails', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    test.simulator.faults.failNext(5, 401, { match: { method: 'GET' } });
    const result = await test.paya.transactions.debit({
      transaction_amount: '3.00',
      ach_sec_code: 'WEB',
      product_transaction_id: ids.achProductTransactionId,
      ...bank,
    });
    expect(result.isErr()).toBe(true);
    expect(result.isErr() && result.error.message).toMatch(/outcome is unknown/);
    expect(result.isErr() && result.error).toMatchObject({ outcomeUnknown: true, retryable: false });
    expect(test.simulator.log.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});

describe('auth-only, complete, void and refund', () => {
  it('authorises then completes with PUT /v2/transactions/{id}', async () => {
    const auth = (await test.paya.transactions.authOnly({ transaction_amount: '120.00', ...card })).unwrap();
    expect(auth).toMatchObject({ status: 'authOnly', type: 'sale' });
    const done = (
      await test.paya.transactions.authComplete(auth.id, { transaction_amount: '60.00' })
    ).unwrap();
    expect(done).toMatchObject({
      id: auth.id,
      status: 'approved',
      reason: 'authCompleted',
      transaction_amount_money: { amountMinor: 6000, currency: 'USD' },
    });
    const put = test.simulator.log[1];
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/v2/transactions/${auth.id}`,
      body: { transaction: { action: 'authcomplete', transaction_amount: '60.00' } },
    });
    const twice = await test.paya.transactions.authComplete(auth.id);
    expect(twice.isErr() && twice.error.fieldErrors).toHaveProperty('action');
  });

  it('voids before settlement and refuses a refund of an unsettled sale', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '20.00', ...card })).unwrap();
    const early = await test.paya.transactions.refund({
      previous_transaction_id: sale.id,
      transaction_amount: '20.00',
    });
    expect(early.isErr() && early.error.fieldErrors?.previous_transaction_id?.[0]).toMatch(/void it instead/);
    const voided = (await test.paya.transactions.void(sale.id)).unwrap();
    expect(voided).toMatchObject({ status: 'voided', reason: 'voided', status_id: 201 });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v2/transactions/${sale.id}`,
      body: { transaction: { action: 'void' } },
    });
    const again = await test.paya.transactions.void({ id: sale.id });
    expect(again.isErr() && again.error.code).toBe('invalid_request');
  });

  it('refunds a settled sale as a new transaction', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '20.00', ...card })).unwrap();
    test.simulator.settle();
    const refund = (
      await test.paya.transactions.refund({ previous_transaction_id: sale.id, transaction_amount: '5.00' })
    ).unwrap();
    expect(refund).toMatchObject({
      status: 'refunded',
      type: 'refund',
      transaction_amount_money: { amountMinor: 500, currency: 'USD' },
    });
    expect(refund.id).not.toBe(sale.id);
    expect(test.simulator.log.at(-1)?.body).toMatchObject({
      transaction: {
        action: 'refund',
        payment_method: 'cc',
        previous_transaction_id: sale.id,
        transaction_amount: '5.00',
      },
    });
    const tooMuch = await test.paya.transactions.refund({
      previous_transaction_id: sale.id,
      transaction_amount: '15.01',
    });
    expect(tooMuch.isErr() && tooMuch.error.fieldErrors).toHaveProperty('transaction_amount');
  });

  it('checks the address with avsOnly', async () => {
    const avs = (
      await test.paya.transactions.avsOnly({ ...card, billing_street: '1 Wrong St', billing_zip: '10001' })
    ).unwrap();
    expect(avs).toMatchObject({ status: 'avsOnly', type: 'avsOnly', avs: 'BAD' });
    expect(test.simulator.log[0]?.body).toMatchObject({
      transaction: { action: 'avsonly', payment_method: 'cc', transaction_amount: '0.00' },
    });
  });
});

describe('ACH', () => {
  const web = { ach_sec_code: 'WEB' as const, product_transaction_id: ids.achProductTransactionId };

  it('debits with account holder, routing and identity fields', async () => {
    const debit = (
      await test.paya.transactions.debit({
        transaction_amount: '10.00',
        ...web,
        ...bank,
        dob_year: '1990',
        ssn4: '1234',
        dl_number: '012345678',
        dl_state: 'GA',
      })
    ).unwrap();
    expect(debit).toMatchObject({
      status: 'pendingOrigination',
      type: 'debit',
      payment_method: 'ach',
      last_four: '0953',
    });
    expect(test.simulator.log[0]?.body).toMatchObject({
      transaction: {
        action: 'debit',
        payment_method: 'ach',
        ach_sec_code: 'WEB',
        routing: '072000326',
        ssn4: '1234',
      },
    });
  });

  it('requires the ACH fields before sending', async () => {
    const noRouting = await test.paya.transactions.debit({
      transaction_amount: '1.00',
      ...web,
      account_number: '2079951060953',
      account_holder_name: 'A',
      account_type: 'checking',
    });
    expect(noRouting.isErr() && noRouting.error.fieldErrors).toHaveProperty('routing');
    const badRouting = await test.paya.transactions.debit({
      transaction_amount: '1.00',
      ...web,
      ...bank,
      routing: '12345',
    });
    expect(badRouting.isErr() && badRouting.error.fieldErrors).toHaveProperty('routing');
    const noSec = await test.paya.transactions.debit({
      transaction_amount: '1.00',
      product_transaction_id: ids.achProductTransactionId,
      ...bank,
    } as never);
    expect(noSec.isErr() && noSec.error.fieldErrors).toHaveProperty('ach_sec_code');
    const noProduct = await test.paya.transactions.credit({
      transaction_amount: '1.00',
      ach_sec_code: 'CCD',
      ...bank,
    } as never);
    expect(noProduct.isErr() && noProduct.error.fieldErrors).toHaveProperty('product_transaction_id');
    expect(test.simulator.log).toHaveLength(0);
  });

  it('refuses a partial ACH WEB refund and points to a CCD credit, which works', async () => {
    const debit = (
      await test.paya.transactions.debit({ transaction_amount: '10.00', ...web, ...bank })
    ).unwrap();
    const partial = await test.paya.transactions.refund({
      previous_transaction_id: debit.id,
      transaction_amount: '4.00',
      payment_method: 'ach',
      ach_sec_code: 'WEB',
      product_transaction_id: ids.achProductTransactionId,
    });
    expect(partial.isErr() && partial.error.code).toBe('validation');
    expect(partial.isErr() && partial.error.message).toMatch(/CCD/);
    expect(test.simulator.log.filter((request) => request.method === 'POST')).toHaveLength(1);
    const viaExecute = await test.paya.execute('paya.transactions.refund', {
      previous_transaction_id: debit.id,
      transaction_amount: '4.00',
      payment_method: 'ach',
    });
    expect(viaExecute.isErr() && viaExecute.error.code).toBe('validation');
    const credit = (
      await test.paya.transactions.credit({
        transaction_amount: '4.00',
        ach_sec_code: 'CCD',
        product_transaction_id: ids.achCcdProductTransactionId,
        previous_transaction_id: debit.id,
      })
    ).unwrap();
    expect(credit).toMatchObject({ type: 'credit', status: 'pendingOrigination', ach_sec_code: 'CCD' });
    const other = (
      await test.paya.transactions.debit({ transaction_amount: '7.00', ...web, ...bank })
    ).unwrap();
    const full = (
      await test.paya.transactions.refund({
        previous_transaction_id: other.id,
        transaction_amount: '7.00',
        payment_method: 'ach',
        ach_sec_code: 'WEB',
        product_transaction_id: ids.achProductTransactionId,
      })
    ).unwrap();
    expect(full).toMatchObject({ type: 'refund', payment_method: 'ach' });
  });
});

describe('retrieve and list', () => {
  it('retrieves with expand and maps 404', async () => {
    const sale = (await test.paya.transactions.sale({ transaction_amount: '9.99', ...card })).unwrap();
    const found = (
      await test.paya.transactions.retrieve(sale.id, { expand: ['is_voidable', 'product_transaction'] })
    ).unwrap();
    expect(found).toMatchObject({
      id: sale.id,
      is_voidable: true,
      product_transaction: { payment_method: 'cc' },
      status: 'approved',
    });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/transactions/${sale.id}`,
      query: { expand: 'is_voidable,product_transaction' },
    });
    const missing = await test.paya.transactions.retrieve('aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('writes the filter grammar on the wire and the simulator applies it', async () => {
    await test.paya.transactions.sale({ transaction_amount: '10.50', ...card });
    await test.paya.transactions.sale({ transaction_amount: '5.00', ...card });
    await test.paya.transactions.authOnly({ transaction_amount: '30.00', ...card });
    const now = Math.floor(Date.now() / 1000);
    const page = (
      await test.paya.transactions
        .list({
          status_id: [101, 102],
          transaction_amount: { from: '10.00', to: '40.00' },
          created_ts: 'today',
          page_size: 50,
        })
        .firstPage()
    ).unwrap();
    expect(page.items.map((transaction) => transaction.status).sort()).toEqual(['approved', 'authOnly']);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({
      status_id: '101,102',
      transaction_amount: '10.00|40.00',
      created_ts: 'today',
      page_size: '50',
    });
    const custom = (
      await test.paya.transactions
        .list({ created_ts: { from: now - 60, to: now + 60 }, status_id: 301 })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(custom.map((transaction) => transaction.reason)).toEqual(['deny']);
    expect(test.simulator.log.at(-1)?.search).toContain('created_ts=custom');
    expect(test.simulator.log.at(-1)?.query).toMatchObject({
      created_ts_from: String(now - 60),
      created_ts_to: String(now + 60),
    });
    const holder = (
      await test.paya.transactions.list({ last_four: '5454', payment_method: 'cc' }).toArray({ limit: 10 })
    ).unwrap();
    expect(holder).toHaveLength(3);
  });

  it('pages through 2,500 transactions', async () => {
    test.simulator.seedTransactions(2_500);
    let count = 0;
    const seen = new Set<string>();
    for await (const transaction of test.paya.transactions.list({ page_size: 500 })) {
      count += 1;
      seen.add(transaction.id);
    }
    expect(count).toBe(2_500);
    expect(seen.size).toBe(2_500);
    const pages = test.simulator.log.map((request) => request.query.page);
    expect(pages).toEqual([undefined, '2', '3', '4', '5']);
  });
});

describe("Paya's own request bodies (copied from its docs) are accepted", () => {
  const body = (index = 0) =>
    (
      test.simulator.log.filter((request) => request.method !== 'GET')[index]?.body as
        | { transaction: Record<string, unknown> }
        | undefined
    )?.transaction;

  it('takes the sale body of the integration guide, action and payment_method included', async () => {
    // seed 003 "Recommended Path of Integration", with its product_transction_id typo corrected
    const sale = await test.paya.transactions.sale({
      action: 'sale',
      payment_method: 'cc',
      account_vault_id: '11eb8bdf1ae2385e9ec6747a',
      transaction_amount: 1,
      location_id: ids.locationId,
      product_transaction_id: ids.ccProductTransactionId,
      billing_street: '5800 NW 39th AVE',
      billing_zip: '32606',
    });
    expect(sale.unwrap()).toMatchObject({ status: 'approved', type: 'sale', avs: 'GOOD' });
    expect(test.simulator.log).toHaveLength(1);
    expect(body()).toEqual({
      action: 'sale',
      payment_method: 'cc',
      account_vault_id: '11eb8bdf1ae2385e9ec6747a',
      transaction_amount: 1,
      location_id: ids.locationId,
      product_transaction_id: ids.ccProductTransactionId,
      billing_street: '5800 NW 39th AVE',
      billing_zip: '32606',
      transaction_api_id: expect.stringMatching(/^pw-/),
    });
  });

  it('takes the Postman card samples (sale, authonly, refund) and the authcomplete/void bodies', async () => {
    const sale = await test.paya.transactions.sale({
      action: 'sale',
      payment_method: 'cc',
      account_type: 'mc',
      location_id: ids.locationId,
      product_transaction_id: ids.ccProductTransactionId,
      transaction_amount: '1.00',
      order_num: 'SDKTest 1700000000',
      account_number: '5454545454545454',
      exp_date: '1230',
      cvv: '999',
      billing_street: '123 Main St',
      billing_zip: '31405',
    });
    expect(sale.unwrap().status).toBe('approved');
    const auth = await test.paya.transactions.authOnly({
      action: 'authonly',
      payment_method: 'cc',
      location_id: ids.locationId,
      product_transaction_id: ids.ccProductTransactionId,
      transaction_amount: '1.00',
      tax: '0.00',
      po_number: '123456',
      order_num: 'SDKTest 1700000001',
      account_number: '5454545454545454',
      exp_date: '1230',
      cvv: '999',
      billing_street: '580 Executive Place',
      billing_zip: '31405',
      custom_data: { item_name: 'cog', item_sku: '123456', item_value: '1.00' },
    });
    const authId = auth.unwrap().id;
    expect(body(1)).toMatchObject({
      action: 'authonly',
      payment_method: 'cc',
      custom_data: { item_name: 'cog' },
    });
    const completed = await test.paya.transactions.authComplete(authId, {
      action: 'authcomplete',
      transaction_amount: '1.00',
    });
    expect(completed.unwrap().status).toBe('approved');
    expect(body(2)).toEqual({ action: 'authcomplete', transaction_amount: '1.00' });
    const voided = await test.paya.transactions.void(authId, { action: 'void' });
    expect(voided.unwrap().status).toBe('voided');
    expect(body(3)).toEqual({ action: 'void' });
    test.simulator.settle();
    const refund = await test.paya.transactions.refund({
      action: 'refund',
      payment_method: 'cc',
      previous_transaction_id: sale.unwrap().id,
      transaction_amount: '1.00',
      location_id: ids.locationId,
    });
    expect(refund.unwrap()).toMatchObject({ type: 'refund', status: 'refunded' });
    expect(body(4)).toMatchObject({ action: 'refund', payment_method: 'cc', transaction_amount: '1.00' });
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST 201',
      'POST 201',
      'PUT 200',
      'PUT 200',
      'POST 201',
    ]);
  });

  it('takes the Postman ACH samples (debit, credit) and avsonly', async () => {
    const debit = await test.paya.transactions.debit({
      action: 'debit',
      location_id: ids.locationId,
      product_transaction_id: ids.achProductTransactionId,
      account_number: '2079951060953',
      routing: '072000326',
      payment_method: 'ach',
      transaction_amount: '1.00',
      account_type: 'checking',
      account_holder_name: 'SDK Test',
      ach_sec_code: 'WEB',
      transaction_api_id: 'sdk1700000000',
    });
    expect(debit.unwrap()).toMatchObject({ type: 'debit', transaction_api_id: 'sdk1700000000' });
    expect(body(0)).toMatchObject({ action: 'debit', payment_method: 'ach', ach_sec_code: 'WEB' });
    const credit = await test.paya.transactions.credit({
      action: 'credit',
      location_id: ids.locationId,
      product_transaction_id: ids.achCcdProductTransactionId,
      previous_transaction_id: debit.unwrap().id,
      payment_method: 'ach',
      transaction_amount: '1.00',
      account_type: 'checking',
      account_holder_name: 'SDK Test',
      ach_sec_code: 'CCD',
    });
    expect(credit.unwrap()).toMatchObject({ type: 'credit', ach_sec_code: 'CCD' });
    expect(body(1)).toMatchObject({ action: 'credit', payment_method: 'ach' });
    const avs = await test.paya.transactions.avsOnly({ action: 'avsonly', payment_method: 'cc', ...card });
    expect(avs.unwrap().type).toBe('avsOnly');
    expect(body(2)).toMatchObject({ action: 'avsonly', payment_method: 'cc', transaction_amount: '0.00' });
    const viaExecute = await test.paya.execute('paya.transactions.sale', {
      action: 'sale',
      payment_method: 'cc',
      transaction_amount: '2.00',
      ...card,
    });
    expect(viaExecute.isOk()).toBe(true);
    expect(body(3)).toMatchObject({ action: 'sale', payment_method: 'cc' });
  });

  it('refuses an action or payment method that contradicts the method, naming the one to use; nothing is sent', async () => {
    const refusals: [Promise<{ isErr(): boolean; error?: unknown }>, string, string][] = [
      [
        test.paya.transactions.sale({ action: 'authonly', transaction_amount: '1.00', ...card } as never),
        'action',
        'must be "sale" for transactions.sale (use transactions.authOnly for "authonly")',
      ],
      [
        test.paya.transactions.authOnly({ action: 'sale', transaction_amount: '1.00', ...card } as never),
        'action',
        'must be "authonly" for transactions.authOnly (use transactions.sale for "sale")',
      ],
      [
        test.paya.transactions.sale({ action: 'SALE', transaction_amount: '1.00', ...card } as never),
        'action',
        'must be "sale" for transactions.sale',
      ],
      [
        test.paya.transactions.sale({ action: 'force', transaction_amount: '1.00', ...card } as never),
        'action',
        'must be "sale" for transactions.sale (use transactions.force for "force")',
      ],
      [
        test.paya.transactions.sale({ payment_method: 'ach', transaction_amount: '1.00', ...card } as never),
        'payment_method',
        'must be "cc" for transactions.sale (use transactions.debit for "ach")',
      ],
      [
        test.paya.transactions.avsOnly({ payment_method: 'ach', ...card } as never),
        'payment_method',
        'must be "cc" for transactions.avsOnly',
      ],
      [
        test.paya.transactions.debit({
          action: 'debit',
          payment_method: 'cc',
          transaction_amount: '1.00',
          ach_sec_code: 'WEB',
          product_transaction_id: ids.achProductTransactionId,
          ...bank,
        } as never),
        'payment_method',
        'must be "ach" for transactions.debit (use transactions.sale for "cc")',
      ],
      [
        test.paya.transactions.credit({
          action: 'refund',
          transaction_amount: '1.00',
          ach_sec_code: 'CCD',
          product_transaction_id: ids.achCcdProductTransactionId,
          previous_transaction_id: 'a'.repeat(24),
        } as never),
        'action',
        'must be "credit" for transactions.credit (use transactions.refund for "refund")',
      ],
      [
        test.paya.transactions.refund({
          action: 'credit',
          previous_transaction_id: 'a'.repeat(24),
          transaction_amount: '1.00',
        } as never),
        'action',
        'must be "refund" for transactions.refund (use transactions.credit for "credit")',
      ],
      [
        test.paya.transactions.refund({
          payment_method: 'check',
          previous_transaction_id: 'a'.repeat(24),
          transaction_amount: '1.00',
        } as never),
        'payment_method',
        'must be one of: cc, ach',
      ],
      [
        test.paya.transactions.authComplete('a'.repeat(24), { action: 'void' } as never),
        'action',
        'must be "authcomplete" for transactions.authComplete (use transactions.void for "void")',
      ],
      [
        test.paya.transactions.void('a'.repeat(24), { action: 'refund' } as never),
        'action',
        'must be "void" for transactions.void (use transactions.refund for "refund")',
      ],
    ];
    for (const [pending, field, reason] of refusals) {
      const result = (await pending) as Awaited<ReturnType<typeof test.paya.transactions.sale>>;
      expect(result.isErr() && result.error.code).toBe('validation');
      expect(result.isErr() && result.error.fieldErrors).toEqual({ [field]: [reason] });
      expect(result.isErr() && result.error.message).toContain(`${field}: ${reason}`);
    }
    expect(test.simulator.log).toHaveLength(0);
  });

  it("refuses the guide's product_transction_id typo and Paya's envelope with what to do instead", async () => {
    const typo = await test.paya.transactions.sale({
      action: 'sale',
      payment_method: 'cc',
      account_vault_id: '11eb8bdf1ae2385e9ec6747a',
      transaction_amount: 1,
      product_transction_id: ids.ccProductTransactionId,
    } as never);
    expect(typo.isErr() && typo.error.fieldErrors).toEqual({
      product_transction_id: ["is misspelled in Paya's guide: send product_transaction_id"],
    });
    const enveloped = await test.paya.transactions.sale({
      transaction: { action: 'sale', payment_method: 'cc', transaction_amount: 1, ...card },
    } as never);
    expect(enveloped.isErr() && enveloped.error.fieldErrors?.transaction).toEqual([
      "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)",
    ]);
    expect(test.simulator.log).toHaveLength(0);
  });
});
