import { createConnectFi } from '@payweave/connectfi';
import { createPayConnect, type PayConnectClient } from '@payweave/payconnect';
import { createConnectFiSimulator, createPayConnectSimulator } from '@payweave/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisSessionStore } from './index.js';
import { clientKinds, inspector, type TestConnection, testPrefix } from './test-support/clients.js';

// Issue 18, "Done means": N instances make one PayConnect session per expiry.
const port = inject('redisPort');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const payconnect = createPayConnectSimulator({ sessionTtlMs: 6_000 });
const connectfi = createConnectFiSimulator();
let payconnectUrl = '';
let connectfiUrl = '';
const connections: TestConnection[] = [];
beforeAll(async () => {
  payconnectUrl = await payconnect.listen();
  connectfiUrl = await connectfi.listen();
  for (let index = 0; index < 6; index += 1) {
    connections.push(await (clientKinds[index % 2] as (typeof clientKinds)[0]).connect(port));
  }
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await payconnect.close();
  await connectfi.close();
});

describe('sessions shared through Redis', () => {
  it('6 PayConnect instances x 20 concurrent calls: one session per expiry, and one after a 401', async () => {
    const prefix = testPrefix('payconnect');
    const instances: PayConnectClient[] = connections.map((connection) =>
      createPayConnect({
        baseUrl: payconnectUrl,
        ...payconnect.credentials,
        renewBeforeSeconds: 2,
        sessionStore: redisSessionStore(connection.redis, { name: 'payconnect:sandbox', prefix }),
      }),
    );
    const round = async () => {
      const results = await Promise.all(
        instances.flatMap((client) =>
          Array.from({ length: 20 }, () => client.invoices.retrieve(payconnect.defaults.invoiceIds[0]!)),
        ),
      );
      expect(results.filter((result) => result.isErr()).map((result) => result.unwrapErr().message)).toEqual(
        [],
      );
    };
    const started = Date.now();
    await round();
    expect(payconnect.sessionsIssued).toBe(1);
    await round();
    expect(payconnect.sessionsIssued).toBe(1);
    // Inside the renewal window (the session lasts 6 s, renewed 2 s before): one new session for all.
    await sleep(Math.max(0, started + 4_300 - Date.now()));
    await round();
    expect(payconnect.sessionsIssued).toBe(2);
    // The provider ends every session: each instance meets a 401, and still only one new session is opened.
    payconnect.expireSessions();
    await round();
    expect(payconnect.sessionsIssued).toBe(3);
    expect(instances.reduce((sum, client) => sum + client.session.issuedCount, 0)).toBe(3);
    // The session token is a value in Redis, never part of a key.
    const raw = await inspector(port);
    try {
      const keys = await raw.keys(`${prefix}*`);
      const stored = await raw.hget(`${prefix}session:{payconnect:sandbox}`, 'token');
      expect(stored).toBeTruthy();
      for (const key of keys) expect(key).not.toContain(stored!);
    } finally {
      raw.disconnect();
    }
  });

  it('6 connectFi instances log in once', async () => {
    const prefix = testPrefix('connectfi');
    const instances = connections.map((connection) =>
      createConnectFi({
        baseUrl: connectfiUrl,
        ...connectfi.credentials,
        sessionStore: redisSessionStore(connection.redis, {
          name: `connectfi:${connectfi.credentials.login}`,
          prefix,
        }),
      }),
    );
    const results = await Promise.all(
      instances.flatMap((client) =>
        Array.from({ length: 10 }, () => client.paymentLinks.retrieve(connectfi.defaults.paymentLinkId)),
      ),
    );
    expect(results.filter((result) => result.isErr()).map((result) => result.unwrapErr().message)).toEqual(
      [],
    );
    expect(connectfi.tokensIssued).toBe(1);
  });
});
