import { inspect } from 'node:util';
import { Redactor, type RequestEvent } from '@payweave/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger, findSecrets } from '../capture-logger.js';
import { createLedgerClient, createLedgerSimulator } from './ledger.js';

const apiKey = 'sk_live_S3CR3T_value_98765';
const cardNumber = '4111111111111111';
const secrets = [apiKey, cardNumber];

const simulator = createLedgerSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());

describe('secrets never leak', () => {
  it('scans logs, hook payloads, errors, inspect and JSON of the client and errors', async () => {
    const logger = captureLogger();
    const hookEvents: RequestEvent[] = [];
    const client = createLedgerClient({
      baseUrl,
      apiKey,
      logger,
      logLevel: 'debug',
      hooks: { onRequest: (event) => hookEvents.push(event) },
    });
    const ok = await client.charges.create({ amount: '1.00', card_number: cardNumber });
    expect(ok.isOk()).toBe(true);
    // The provider echoes the card and the key back in an error body.
    simulator.faults.failNext(1, 422, {
      body: { errors: { card_number: [`card ${cardNumber} refused for key ${apiKey}`] } },
    });
    const failed = await client.charges.createOnce({ amount: '1.00', card_number: cardNumber });
    const error = failed.unwrapErr();
    expect(error.fieldErrors).toBeDefined();
    // A validation error that quotes the bad value must not quote a secret either.
    const invalid = await client.charges.create({ amount: '1.001', card_number: cardNumber });

    const observed = [
      logger.text(),
      JSON.stringify(hookEvents),
      error.message,
      error.providerMessage ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      JSON.stringify(invalid.unwrapErr()),
      inspect(client, { depth: 10 }),
      JSON.stringify(client),
      String(client),
    ].join('\n');

    expect(logger.lines.length).toBeGreaterThan(3);
    expect(observed).toContain('[REDACTED]');
    expect(findSecrets(observed, secrets)).toEqual([]);
    // It did go over the wire: the provider needs it.
    expect(simulator.log.some((entry) => entry.headers['api-key'] === apiKey)).toBe(true);
  });

  it('redacts by field name, header name, registered value and card-like digits', () => {
    const redactor = new Redactor();
    redactor.addSecret('tok_abcdef');
    expect(
      redactor.value({
        account_number: '123456789',
        routing: '021000021',
        cvv: '123',
        ssn4: '1234',
        dob_year: '1980',
        dl_number: 'D1234567',
        date_of_birth: '1980-01-01',
        nested: [{ password: 'hunter2', note: 'uses tok_abcdef and 4111 1111 1111 1111' }],
        status: 'approved',
        code: '0',
      }),
    ).toEqual({
      account_number: '[REDACTED]',
      routing: '[REDACTED]',
      cvv: '[REDACTED]',
      ssn4: '[REDACTED]',
      dob_year: '[REDACTED]',
      dl_number: '[REDACTED]',
      date_of_birth: '[REDACTED]',
      nested: [{ password: '[REDACTED]', note: 'uses [REDACTED] and [REDACTED]1111' }],
      status: 'approved',
      code: '0',
    });
    expect(
      redactor.headers({ 'user-api-key': 'k', 'x-connectfi-token': 't', accept: 'application/json' }),
    ).toEqual({
      'user-api-key': '[REDACTED]',
      'x-connectfi-token': '[REDACTED]',
      accept: 'application/json',
    });
  });

  it('scrubs values a request held at sensitive fields when the provider quotes them back', () => {
    const redactor = new Redactor();
    const request = { transaction: { cvv: '6937', ssn4: '1234', dl_number: 'D99887', amount: '10.00' } };
    const echoed = redactor.sensitiveValues(request);
    expect(echoed).toEqual(['D99887', '6937', '1234']);
    expect(redactor.text('"6937" is not a valid cvv; licence D99887 expired; 10.00 ok', echoed)).toBe(
      '"[REDACTED]" is not a valid cvv; licence [REDACTED] expired; 10.00 ok',
    );
    expect(redactor.value({ errors: { transaction: ['cvv 6937 refused'] } }, echoed)).toEqual({
      errors: { transaction: ['cvv [REDACTED] refused'] },
    });
  });

  it('treats `code` as secret in an OAuth token request, and as a plain status elsewhere', () => {
    const redactor = new Redactor();
    expect(
      redactor.value({ grant_type: 'authorization_code', code: 'sim-code-abc', client_id: 'c' }),
    ).toMatchObject({
      code: '[REDACTED]',
    });
    expect(redactor.value({ code: 'paymentNotFound', message: 'x' })).toEqual({
      code: 'paymentNotFound',
      message: 'x',
    });
  });
});
