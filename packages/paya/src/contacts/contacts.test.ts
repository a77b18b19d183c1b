import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const location_id = payaSimulatorDefaults.locationId;
const test = usePayaSimulator();

describe('contacts', () => {
  it('creates with every documented field and reads it back', async () => {
    const input = {
      location_id,
      last_name: 'Sanchez',
      first_name: 'Rick',
      account_number: '1234',
      contact_api_id: '137',
      company_name: 'Citadel',
      email: 'rick@example.com',
      address: '1 Main St',
      city: 'Seattle',
      state: 'WA',
      zip: '98101',
      home_phone: '2065550100',
      cell_phone: '1234567890',
      office_phone: '2065550101',
      office_ext_phone: '12',
      date_of_birth: '1950-01-01',
      contact_balance: '245.65',
      email_trx_receipt: 1 as const,
      header_message: 'hi',
      header_message_type: 0,
      contact_c1: 'a',
    };
    const contact = (await test.paya.contacts.create(input)).unwrap();
    expect(contact).toMatchObject({
      ...input,
      contact_balance_money: { amountMinor: 24565, currency: 'USD' },
    });
    expect(test.simulator.log[0]).toMatchObject({
      method: 'POST',
      path: '/v2/contacts',
      body: { contact: input },
    });
    expect(authHeadersOf(test.simulator.log[0])['developer-id']).toBe(test.simulator.credentials.developerId);
    const read = (await test.paya.contacts.retrieve(contact.id, { expand: ['notes', 'location'] })).unwrap();
    expect(read).toMatchObject({ id: contact.id, notes: [], location: { id: location_id } });
    expect(test.simulator.log[1]).toMatchObject({
      method: 'GET',
      path: `/v2/contacts/${contact.id}`,
      query: { expand: 'notes,location' },
    });
  });

  it('refuses a duplicate contact_api_id with fieldErrors, and upserts with update_if_exists', async () => {
    const first = (
      await test.paya.contacts.create({ location_id, last_name: 'One', contact_api_id: 'c-1' })
    ).unwrap();
    const duplicate = await test.paya.contacts.create({
      location_id,
      last_name: 'Two',
      contact_api_id: 'c-1',
    });
    expect(duplicate.isErr() && duplicate.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    expect(duplicate.isErr() && duplicate.error.fieldErrors?.contact_api_id).toHaveLength(1);
    const upserted = (
      await test.paya.contacts.create({
        location_id,
        last_name: 'Two',
        contact_api_id: 'c-1',
        update_if_exists: 1,
      })
    ).unwrap();
    expect(upserted).toMatchObject({ id: first.id, last_name: 'Two' });
    expect(test.simulator.state.contacts).toHaveLength(1);
  });

  it('updates partially with PUT, lists with filters, deletes with 204 then 409', async () => {
    const contact = (
      await test.paya.contacts.create({ location_id, last_name: 'Smithson', first_name: 'Ann' })
    ).unwrap();
    await test.paya.contacts.create({ location_id, last_name: 'Jones' });
    const updated = (await test.paya.contacts.update(contact.id, { email: 'ann@example.com' })).unwrap();
    expect(updated).toMatchObject({ last_name: 'Smithson', email: 'ann@example.com' });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v2/contacts/${contact.id}`,
      body: { contact: { email: 'ann@example.com' } },
    });
    const found = (await test.paya.contacts.list({ last_name: 'smith' }).toArray({ limit: 10 })).unwrap();
    expect(found.map((item) => item.id)).toEqual([contact.id]);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({ last_name: 'smith' });
    const removed = (await test.paya.contacts.delete(contact.id)).unwrap();
    expect(removed).toEqual({ id: contact.id, deleted: true });
    expect(test.simulator.log.at(-1)).toMatchObject({ method: 'DELETE', outcome: 204 });
    const gone = await test.paya.contacts.retrieve(contact.id);
    expect(gone.isErr() && gone.error).toMatchObject({ code: 'conflict', httpStatus: 409 });
    const unknown = await test.paya.contacts.delete('bbbbbbbbbbbbbbbbbbbbbbbb');
    expect(unknown.isErr() && unknown.error.code).toBe('not_found');
  });

  it('validates lengths and phones before sending', async () => {
    const bad = await test.paya.contacts.create({ location_id, last_name: '', cell_phone: '555-1234' });
    expect(bad.isErr() && Object.keys(bad.error.fieldErrors ?? {}).sort()).toEqual([
      'cell_phone',
      'last_name',
    ]);
    const shortLocation = await test.paya.contacts.create({ location_id: 'abc', last_name: 'X' });
    expect(shortLocation.isErr() && shortLocation.error.fieldErrors).toHaveProperty('location_id');
    expect(test.simulator.log).toHaveLength(0);
  });

  it('finds a contact by contact_api_id after a reset, and does not resend without one', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const found = (
      await test.paya.contacts.create({ location_id, last_name: 'Ref', contact_api_id: 'r-9' })
    ).unwrap();
    expect(found.contact_api_id).toBe('r-9');
    expect(test.simulator.state.contacts).toHaveLength(1);
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const unknown = await test.paya.contacts.create({ location_id, last_name: 'NoRef' });
    expect(unknown.isErr() && unknown.error.code).toBe('network');
    expect(test.simulator.state.contacts).toHaveLength(2);
  });
});
