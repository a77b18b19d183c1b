import { inspect } from 'node:util';
import { captureLogger, findSecrets, payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const location_id = ids.locationId;
const test = usePayaSimulator();

const cardNumber = '5454545454545454';
const bankAccount = '2079951060953';
const routingNumber = '072000326';
const card = {
  location_id,
  payment_method: 'cc' as const,
  account_number: cardNumber,
  exp_date: '1230',
  account_holder_name: 'Rick Sanchez',
};
const bank = {
  location_id,
  payment_method: 'ach' as const,
  account_number: bankAccount,
  routing: routingNumber,
  account_type: 'checking' as const,
  is_company: false,
  account_holder_name: 'Rick Sanchez',
};

type Body = { accountvault: Record<string, unknown> };
const sent = (index = 0) => test.simulator.log[index]?.body as Body | undefined;

describe('accountVaults.create', () => {
  it('posts the card vault envelope with the auth headers and a generated account_vault_api_id', async () => {
    const vault = (
      await test.paya.accountVaults.create({ ...card, title: 'Visa ending', billing_zip: '32606' })
    ).unwrap();
    const request = test.simulator.log[0];
    expect(request).toMatchObject({ method: 'POST', path: '/v2/accountvaults', outcome: 201 });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(authHeadersOf(request)).toEqual({
      'user-id': test.simulator.credentials.userId,
      'user-api-key': test.simulator.credentials.userApiKey,
      'developer-id': test.simulator.credentials.developerId,
    });
    const reference = sent()?.accountvault.account_vault_api_id as string;
    expect(reference).toMatch(/^pw[0-9a-f]{32}$/);
    expect(sent()).toEqual({
      accountvault: { ...card, title: 'Visa ending', billing_zip: '32606', account_vault_api_id: reference },
    });
    expect(vault).toMatchObject({
      payment_method: 'cc',
      first_six: '545454',
      last_four: '5454',
      account_type: 'mc',
      exp_date: '1230',
      title: 'Visa ending',
      billing_zip: '32606',
      account_vault_api_id: reference,
      location_id,
      routing: null,
      active: 1,
      has_recurring: false,
    });
    expect(vault.expiring_in_months).toBeGreaterThan(0);
    expect(JSON.stringify(vault)).not.toContain(cardNumber);
  });

  it('stores a bank account (ACH) with is_company as given; Paya never echoes the routing number', async () => {
    const vault = (
      await test.paya.accountVaults.create({ ...bank, account_vault_api_id: 'acct77' })
    ).unwrap();
    expect(sent()).toEqual({ accountvault: { ...bank, account_vault_api_id: 'acct77' } });
    expect(vault).toMatchObject({
      payment_method: 'ach',
      account_type: 'checking',
      last_four: '0953',
      routing: null,
      ach_sec_code: 'WEB',
      account_vault_api_id: 'acct77',
      expiring_in_months: null,
    });
  });

  it.each([
    [
      'a card without exp_date',
      { ...card, exp_date: undefined },
      { exp_date: ['is required for a card vault (MMYY)'] },
    ],
    [
      'a card number that is too short',
      { ...card, account_number: '4111' },
      { account_number: ['must be 13 to 19 digits (a card number)'] },
    ],
    [
      'a routing number on a card vault',
      { ...card, routing: routingNumber },
      { routing: ['is only used by ACH vaults (payment_method is "cc")'] },
    ],
    [
      'an ACH vault without its required fields',
      { location_id, payment_method: 'ach', account_number: bankAccount },
      {
        routing: ['is required for an ACH vault (the bank routing number)'],
        account_type: ['is required for an ACH vault (checking or savings)'],
        is_company: ['is required for an ACH vault (whether the account is a company account)'],
        account_holder_name: ['is required for an ACH vault (the name on the account)'],
      },
    ],
    [
      'an exp_date on an ACH vault',
      { ...bank, exp_date: '1230' },
      { exp_date: ['is only used by card vaults (payment_method is "ach")'] },
    ],
    [
      'no account at all',
      { location_id, payment_method: 'cc' },
      { account_number: ['is required for a card vault (with exp_date), unless a ticket is given'] },
    ],
    [
      'an account number and a ticket',
      { ...card, ticket: 'T1' },
      { ticket: ['give account_number or ticket, not both'] },
    ],
    [
      'a CVV',
      { ...card, cvv: '123' },
      {
        cvv: [
          'is not stored in a vault (PCI forbids keeping it): send it with the transaction that charges the vault',
        ],
      },
    ],
    [
      'a previous transaction',
      { ...card, previous_transaction_id: '11eb8bdf1ae2385e9ec6747a' },
      {
        previous_transaction_id: [
          'is a source of accountVaults.createFromTransaction: use that method to store the account of a previous transaction or vault',
        ],
      },
    ],
    [
      'a reference with a dash',
      { ...card, account_vault_api_id: 'order-1' },
      { account_vault_api_id: ['must be 1 to 36 letters or digits (Paya allows nothing else)'] },
    ],
    ['no location', { ...card, location_id: undefined }, { location_id: ['is required'] }],
    [
      'a licence number without its state',
      { ...bank, dl_number: 'D4927381' },
      { dl_state: ['is required with dl_number (send both or neither)'] },
    ],
    [
      "Paya's envelope",
      { ...card, accountvault: {} },
      { accountvault: ["is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)"] },
    ],
    ['an unknown field', { ...card, nickname: 'x' }, { nickname: ['is not a known field'] }],
  ])('refuses %s before sending anything, saying which field and why', async (_name, input, fieldErrors) => {
    const clean = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const result = await test.paya.accountVaults.create(clean as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    expect(result.isErr() && result.error.fieldErrors).toEqual(fieldErrors);
    expect(test.simulator.log).toHaveLength(0);
    expect(result.isErr() && inspect(result.error, { depth: 8 })).not.toContain(cardNumber);
  });

  it('sends a ticket (a bearer secret) and maps the 422 to invalid_request without showing it', async () => {
    const ticket = 'tkt8Jq2Vx7Lm4Rp9Zs3';
    const logger = captureLogger();
    const paya = test.client({ logger, logLevel: 'debug' });
    const result = await paya.accountVaults.create({ location_id, payment_method: 'cc', ticket });
    expect(test.simulator.log[0]?.body).toMatchObject({ accountvault: { ticket } });
    expect(result.isErr() && result.error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
      operation: 'paya.accountVaults.create',
      fieldErrors: { ticket: ['Ticket is invalid.'] },
    });
    const shown = [logger.text(), JSON.stringify(result), inspect(result, { depth: 8 })].join('\n');
    expect(findSecrets(shown, [ticket])).toEqual([]);
  });

  it("maps Paya's 422 on a duplicate account_vault_api_id to invalid_request with field errors", async () => {
    await test.paya.accountVaults.create({ ...card, account_vault_api_id: 'dup1' });
    const again = await test.paya.accountVaults.create({ ...card, account_vault_api_id: 'dup1' });
    expect(again.isErr() && again.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    expect(again.isErr() && again.error.fieldErrors?.account_vault_api_id?.[0]).toMatch(/already been taken/);
    const badContact = await test.paya.accountVaults.create({
      ...card,
      contact_id: 'cccccccccccccccccccccccc',
    });
    expect(badContact.isErr() && badContact.error.fieldErrors).toEqual({
      contact_id: ['contact_id provided is not valid'],
    });
  });
});

describe('reconcile through account_vault_api_id (never a blind resend)', () => {
  it('finds the vault after the connection is reset once Paya recorded it', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const vault = (await test.paya.accountVaults.create(card)).unwrap();
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST reset',
      'GET 200',
    ]);
    const reference = sent()?.accountvault.account_vault_api_id as string;
    const lookup = test.simulator.log[1];
    expect(lookup?.path).toBe(`/v2/accountvaults/${reference}`);
    expect(lookup?.query).toEqual({ api_id: '1', location_id });
    expect(authHeadersOf(lookup)['user-api-key']).toBe(test.simulator.credentials.userApiKey);
    expect(vault).toMatchObject({ account_vault_api_id: reference, last_four: '5454' });
    expect(test.simulator.state.accountVaults.filter((stored) => !stored.deleted)).toHaveLength(2);
  });

  it('resends exactly once, with the same reference, when the lookup finds nothing (404)', async () => {
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST' } });
    const vault = (
      await test.paya.accountVaults.create({ ...bank, account_vault_api_id: 'mine42' })
    ).unwrap();
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'POST 503',
      'GET 404',
      'POST 201',
    ]);
    expect(sent(0)?.accountvault.account_vault_api_id).toBe('mine42');
    expect(sent(2)?.accountvault.account_vault_api_id).toBe('mine42');
    expect(vault.account_vault_api_id).toBe('mine42');
  });

  it('reports outcomeUnknown with the reference, and sends once, when the lookup itself fails', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    test.simulator.faults.failNext(5, 401, { match: { method: 'GET' } });
    const result = await test.paya.accountVaults.createFromTransaction({
      location_id,
      payment_method: 'cc',
      previous_account_vault_id: ids.cardVaultId,
      account_vault_api_id: 'copy1',
    });
    expect(result.isErr() && result.error).toMatchObject({
      outcomeUnknown: true,
      retryable: false,
      reference: 'copy1',
    });
    expect(result.isErr() && result.error.message).toMatch(/outcome is unknown/);
    expect(test.simulator.log.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});

describe('accountVaults.createFromTransaction', () => {
  it("stores a previous sale's card, found by id or by transaction_api_id", async () => {
    const sale = (
      await test.paya.transactions.sale({
        transaction_amount: '3.00',
        account_number: '4111111111111111',
        exp_date: '0528',
        account_holder_name: 'Morty Smith',
        transaction_api_id: 'sale77',
      })
    ).unwrap();
    test.simulator.clearLog();
    const byId = (
      await test.paya.accountVaults.createFromTransaction({
        location_id,
        payment_method: 'cc',
        previous_transaction_id: sale.id,
        exp_date: '0528',
      })
    ).unwrap();
    expect(test.simulator.log[0]).toMatchObject({ method: 'POST', path: '/v2/accountvaults' });
    expect(sent()?.accountvault).toMatchObject({ previous_transaction_id: sale.id, payment_method: 'cc' });
    expect(byId).toMatchObject({
      last_four: '1111',
      account_type: 'visa',
      account_holder_name: 'Morty Smith',
    });
    const byApiId = (
      await test.paya.accountVaults.createFromTransaction({
        location_id,
        payment_method: 'cc',
        previous_transaction_api_id: 'sale77',
      })
    ).unwrap();
    expect(byApiId).toMatchObject({ last_four: '1111' });
    expect(byApiId.id).not.toBe(byId.id);
  });

  it('refuses no source, two sources, or a new account number, before sending', async () => {
    const none = await test.paya.accountVaults.createFromTransaction({ location_id, payment_method: 'cc' });
    expect(none.isErr() && none.error.fieldErrors).toEqual({
      previous_transaction_id: [
        'one source is required: previous_transaction_id, previous_transaction_api_id, previous_account_vault_id, previous_account_vault_api_id',
      ],
    });
    const two = await test.paya.accountVaults.createFromTransaction({
      location_id,
      payment_method: 'cc',
      previous_transaction_id: ids.cardVaultId,
      previous_account_vault_id: ids.cardVaultId,
    });
    expect(two.isErr() && two.error.fieldErrors).toEqual({
      previous_account_vault_id: [
        'give only one source (got previous_transaction_id and previous_account_vault_id)',
      ],
    });
    const number = await test.paya.accountVaults.createFromTransaction({
      location_id,
      payment_method: 'cc',
      previous_transaction_id: ids.cardVaultId,
      account_number: cardNumber,
    } as never);
    expect(number.isErr() && Object.keys(number.error.fieldErrors ?? {})).toEqual(['account_number']);
    expect(test.simulator.log).toHaveLength(0);
  });

  it('maps an unknown previous transaction to invalid_request', async () => {
    const result = await test.paya.accountVaults.createFromTransaction({
      location_id,
      payment_method: 'cc',
      previous_transaction_id: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    });
    expect(result.isErr() && result.error).toMatchObject({
      code: 'invalid_request',
      fieldErrors: { previous_transaction_id: ['Previous Transaction Id is invalid.'] },
    });
  });
});

describe('retrieve, retrieveByApiId, update, delete, list, binInfo', () => {
  it('retrieves by id with expand, and by account_vault_api_id with ?api_id=1', async () => {
    const contact = (await test.paya.contacts.create({ location_id, last_name: 'Sanchez' })).unwrap();
    const vault = (
      await test.paya.accountVaults.create({ ...card, contact_id: contact.id, account_vault_api_id: 'rick1' })
    ).unwrap();
    test.simulator.clearLog();
    const read = (
      await test.paya.accountVaults.retrieve(vault.id, { expand: ['contact', 'location'] })
    ).unwrap();
    expect(read).toMatchObject({ id: vault.id, contact: { id: contact.id }, location: { id: location_id } });
    expect(test.simulator.log[0]).toMatchObject({
      method: 'GET',
      path: `/v2/accountvaults/${vault.id}`,
      query: { expand: 'contact,location' },
    });
    const byReference = (await test.paya.accountVaults.retrieveByApiId('rick1', { location_id })).unwrap();
    expect(byReference.id).toBe(vault.id);
    expect(test.simulator.log[1]).toMatchObject({
      method: 'GET',
      path: '/v2/accountvaults/rick1',
      query: { api_id: '1', location_id },
    });
    const missing = await test.paya.accountVaults.retrieveByApiId('nobody', { location_id });
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
    const elsewhere = await test.paya.accountVaults.retrieveByApiId('rick1', {
      location_id: ids.childLocationId,
    });
    expect(elsewhere.isErr() && elsewhere.error.code).toBe('not_found');
  });

  it('updates with PUT (only what Paya lets change) and refuses the rest with why', async () => {
    const vault = (await test.paya.accountVaults.create(card)).unwrap();
    test.simulator.clearLog();
    const updated = (
      await test.paya.accountVaults.update(vault.id, {
        exp_date: '0131',
        title: 'Renewed',
        billing_city: 'Seattle',
      })
    ).unwrap();
    expect(test.simulator.log[0]).toMatchObject({
      method: 'PUT',
      path: `/v2/accountvaults/${vault.id}`,
      body: { accountvault: { exp_date: '0131', title: 'Renewed', billing_city: 'Seattle' } },
    });
    expect(updated).toMatchObject({
      exp_date: '0131',
      title: 'Renewed',
      billing_city: 'Seattle',
      last_four: '5454',
    });
    const refused = await test.paya.accountVaults.update(vault.id, {
      account_number: '4111111111111111',
      payment_method: 'ach',
    } as never);
    expect(refused.isErr() && refused.error.fieldErrors).toEqual({
      account_number: ['cannot be changed: store the new account with accountVaults.create'],
      payment_method: ['cannot be changed: store the new account with accountVaults.create'],
    });
    expect(test.simulator.log).toHaveLength(1);
    const missing = await test.paya.accountVaults.update('cccccccccccccccccccccccc', { title: 'x' });
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('deletes with 204, then answers conflict (409) for the deleted vault', async () => {
    const vault = (await test.paya.accountVaults.create(card)).unwrap();
    expect((await test.paya.accountVaults.delete(vault.id)).unwrap()).toEqual({
      id: vault.id,
      deleted: true,
    });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v2/accountvaults/${vault.id}`,
      outcome: 204,
    });
    const gone = await test.paya.accountVaults.retrieve(vault.id);
    expect(gone.isErr() && gone.error).toMatchObject({ code: 'conflict', httpStatus: 409 });
    const unknown = await test.paya.accountVaults.delete('dddddddddddddddddddddddd');
    expect(unknown.isErr() && unknown.error.code).toBe('not_found');
  });

  it('lists with filters on the wire and pages through all of them', async () => {
    for (let index = 0; index < 23; index += 1)
      await test.paya.accountVaults.create({ ...card, title: `Card ${index}` });
    await test.paya.accountVaults.create(bank);
    test.simulator.clearLog();
    const cards = (
      await test.paya.accountVaults
        .list({ payment_method: 'cc', location_id, page_size: 10, created_ts: 'today' })
        .toArray({ limit: 100 })
    ).unwrap();
    expect(cards).toHaveLength(24); // 23 and the seeded card vault
    expect(test.simulator.log.map((request) => request.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(test.simulator.log[0]).toMatchObject({
      method: 'GET',
      path: '/v2/accountvaults',
      query: { payment_method: 'cc', location_id, page_size: '10', created_ts: 'today' },
    });
    const ach = (
      await test.paya.accountVaults.list({ payment_method: ['ach'] }).toArray({ limit: 10 })
    ).unwrap();
    expect(ach.map((vault) => vault.payment_method)).toEqual(['ach']);
    const bad = await test.paya.accountVaults.list({ payment_method: 'card' } as never).firstPage();
    expect(bad.isErr() && bad.error.code).toBe('validation');
  });

  it('reads the BIN info of a card vault, codes decoded; an ACH vault has none (422)', async () => {
    const info = (await test.paya.accountVaults.binInfo(ids.cardVaultId)).unwrap();
    expect(test.simulator.log[0]).toMatchObject({
      method: 'GET',
      path: `/v2/accountvaults/${ids.cardVaultId}/bininfo`,
    });
    expect(info).toMatchObject({
      detail_card_product: 'M',
      card_brand: 'mastercard',
      fund_source: 'credit',
      card_class_name: 'consumer',
      prepaid: false,
      fsa: false,
      token_bin: false,
      regulated: false,
    });
    const achVault = (await test.paya.accountVaults.create(bank)).unwrap();
    const none = await test.paya.accountVaults.binInfo(achVault.id);
    expect(none.isErr() && none.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
  });
});

describe('every vault operation', () => {
  it('sends the three auth headers, JSON only when there is a body, and the documented method and path', async () => {
    const vault = (await test.paya.accountVaults.create({ ...card, account_vault_api_id: 'hdr1' })).unwrap();
    await test.paya.accountVaults.createFromTransaction({
      location_id,
      payment_method: 'cc',
      previous_account_vault_id: vault.id,
    });
    await test.paya.accountVaults.retrieve(vault.id);
    await test.paya.accountVaults.retrieveByApiId('hdr1', { location_id });
    await test.paya.accountVaults.update(vault.id, { title: 'Headers' });
    await test.paya.accountVaults.list({ page_size: 1 }).firstPage();
    await test.paya.accountVaults.binInfo(vault.id);
    await test.paya.accountVaults.delete(vault.id);
    expect(
      test.simulator.log.map((request) => `${request.method} ${request.path} ${request.outcome}`),
    ).toEqual([
      'POST /v2/accountvaults 201',
      'POST /v2/accountvaults 201',
      `GET /v2/accountvaults/${vault.id} 200`,
      'GET /v2/accountvaults/hdr1 200',
      `PUT /v2/accountvaults/${vault.id} 200`,
      'GET /v2/accountvaults 200',
      `GET /v2/accountvaults/${vault.id}/bininfo 200`,
      `DELETE /v2/accountvaults/${vault.id} 204`,
    ]);
    for (const request of test.simulator.log) {
      expect(authHeadersOf(request)).toEqual({
        'user-id': test.simulator.credentials.userId,
        'user-api-key': test.simulator.credentials.userApiKey,
        'developer-id': test.simulator.credentials.developerId,
      });
      expect(request.headers['content-type']).toBe(request.rawBody ? 'application/json' : undefined);
    }
  });
});

describe('charging a vault', () => {
  it('a sale and an auth-only with account_vault_id charge the stored card', async () => {
    const vault = (
      await test.paya.accountVaults.create({ ...card, account_number: '4111111111111111' })
    ).unwrap();
    const sale = (
      await test.paya.transactions.sale({ transaction_amount: '9.99', account_vault_id: vault.id })
    ).unwrap();
    expect(sale).toMatchObject({
      status: 'approved',
      account_vault_id: vault.id,
      last_four: '1111',
      first_six: '411111',
      account_type: 'visa',
      account_holder_name: 'Rick Sanchez',
    });
    const auth = (
      await test.paya.transactions.authOnly({
        transaction_amount: '5.55',
        account_vault_api_id: vault.account_vault_api_id!,
      })
    ).unwrap();
    expect(auth).toMatchObject({ status: 'authOnly', account_vault_id: vault.id });
    const expanded = (await test.paya.transactions.retrieve(sale.id, { expand: ['account_vault'] })).unwrap();
    expect(expanded).toMatchObject({ account_vault: { id: vault.id, last_four: '1111' } });
  });

  it('debits a stored bank account; an unknown, deleted or card vault is refused by Paya (422)', async () => {
    const vault = (await test.paya.accountVaults.create(bank)).unwrap();
    const debit = (
      await test.paya.transactions.debit({
        transaction_amount: '12.00',
        ach_sec_code: 'WEB',
        product_transaction_id: ids.achProductTransactionId,
        account_vault_id: vault.id,
      })
    ).unwrap();
    expect(debit).toMatchObject({
      status: 'pendingOrigination',
      account_vault_id: vault.id,
      last_four: '0953',
    });
    const unknown = await test.paya.transactions.sale({
      transaction_amount: '1.00',
      account_vault_id: 'eeeeeeeeeeeeeeeeeeeeeeee',
    });
    expect(unknown.isErr() && unknown.error).toMatchObject({
      code: 'invalid_request',
      fieldErrors: { account_vault_id: ['account_vault_id provided is not valid'] },
    });
    const wrongKind = await test.paya.transactions.sale({
      transaction_amount: '1.00',
      account_vault_id: vault.id,
    });
    expect(wrongKind.isErr() && wrongKind.error.fieldErrors?.account_vault_id).toEqual([
      'The account vault is not a card account.',
    ]);
    await test.paya.accountVaults.delete(vault.id);
    const deleted = await test.paya.transactions.debit({
      transaction_amount: '2.00',
      ach_sec_code: 'WEB',
      product_transaction_id: ids.achProductTransactionId,
      account_vault_id: vault.id,
    });
    expect(deleted.isErr() && deleted.error.code).toBe('invalid_request');
  });
});

describe('secrets and hostile ids', () => {
  it('keeps card, bank and routing numbers out of errors and debug logs, even when Paya echoes them', async () => {
    const logger = captureLogger();
    const paya = test.client({ logger, logLevel: 'debug' });
    test.simulator.faults.failNext(1, 422, {
      match: { method: 'POST' },
      body: {
        errors: {
          account_number: [`${cardNumber} is not accepted`],
          routing: [`routing ${routingNumber} unknown`],
        },
        echo: { accountvault: { account_number: bankAccount, routing: routingNumber, cvv: '6937' } },
      },
    });
    const refused = await paya.accountVaults.create(card);
    expect(refused.isErr() && refused.error.code).toBe('invalid_request');
    await paya.accountVaults.create(bank);
    test.simulator.faults.failNext(3, 500, { match: { method: 'POST' } });
    const failed = await paya.accountVaults.create({ ...bank, account_vault_api_id: 'boom1' });
    const shown = [
      logger.text(),
      JSON.stringify(refused),
      inspect(refused, { depth: 8 }),
      JSON.stringify(failed),
      inspect(failed, { depth: 8 }),
      inspect(paya, { depth: 8 }),
    ].join('\n');
    expect(logger.lines.length).toBeGreaterThan(3);
    expect(
      findSecrets(shown, [cardNumber, bankAccount, routingNumber, test.simulator.credentials.userApiKey]),
    ).toEqual([]);
    expect(shown).toContain('[REDACTED]');
  });

  it.each([
    ['a slash', 'abc/def'],
    ['a dot-dot segment', '..'],
    ['__proto__', '__proto__'],
    ['a huge value', 'a'.repeat(100_000)],
    ['a dot-dot path of id length', '../../../../v2/transactions'],
  ])('refuses an id with %s before sending anything', async (_name, id) => {
    for (const call of [
      () => test.paya.accountVaults.retrieve(id),
      () => test.paya.accountVaults.update(id, { title: 'x' }),
      () => test.paya.accountVaults.delete(id),
      () => test.paya.accountVaults.binInfo(id),
      () => test.paya.accountVaults.retrieveByApiId(id, { location_id }),
    ]) {
      const result = await call();
      expect(result.isErr() && result.error.code).toBe('validation');
    }
    expect(test.simulator.log).toHaveLength(0);
  });

  it('sends an id of the right length holding a slash as one encoded path segment', async () => {
    const id = 'abcdefghijkl/mnopqrstuvwxyz';
    const result = await test.paya.accountVaults.retrieve(id);
    expect(result.isErr() && result.error.code).toBe('not_found');
    expect(test.simulator.log[0]?.path).toBe('/v2/accountvaults/abcdefghijkl%2Fmnopqrstuvwxyz');
  });
});
