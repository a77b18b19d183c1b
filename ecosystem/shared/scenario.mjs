// The calls every ecosystem app makes, whatever its runtime: at least one real HTTP call per
// provider against the loopback simulators started by ../run.mjs, plus one through the facade.
// `sdk` holds the factories as the app imported them (ESM, CJS, Bun, Deno or workerd);
// `config` is what run.mjs passed: per provider, the client settings and the seeded ids.
export async function scenario(sdk, config) {
  const lines = [];
  const check = (ok, what) => {
    if (!ok) throw new Error(`check failed: ${what}`);
    lines.push(`ok ${what}`);
  };

  const paya = sdk.createPaya(config.paya.settings);
  const locations = (await paya.locationInfos.list().firstPage()).unwrap();
  check(
    locations.items.length > 0,
    `paya locationInfos.list().firstPage(): ${locations.items.length} location(s)`,
  );
  const sale = (
    await paya.transactions.sale({
      location_id: config.paya.locationId,
      transaction_amount: '42.00',
      account_number: '4111111111111111',
      exp_date: '1230',
    })
  ).unwrap();
  check(sale.status === 'approved', `paya transactions.sale 42.00: ${sale.id} ${sale.status}`);
  const declined = (
    await paya.transactions.sale({
      location_id: config.paya.locationId,
      transaction_amount: '5.00',
      account_number: '4111111111111111',
      exp_date: '1230',
    })
  ).unwrap();
  check(declined.status === 'declined', `paya transactions.sale 5.00: ${declined.status}`);

  const payconnect = sdk.createPayConnect(config.payconnect.settings);
  const invoice = (
    await payconnect.invoices.create({
      customer: { name: 'Ecosystem Cafe', email: 'owner@ecosystem.test' },
      lineItems: [{ description: 'Runtime check', quantity: 1, unitPrice: '10.00' }],
      dueDate: '2030-12-31',
    })
  ).unwrap();
  check(
    typeof invoice.invoiceId === 'string',
    `payconnect invoices.create: ${invoice.invoiceId} ${invoice.status}`,
  );

  const connectfi = sdk.createConnectFi(config.connectfi.settings);
  const link = (await connectfi.paymentLinks.retrieve(config.connectfi.paymentLinkId)).unwrap();
  check(
    link.cFiTransactionId === config.connectfi.paymentLinkId,
    `connectfi paymentLinks.retrieve: ${link.status}`,
  );

  const leadconnector = sdk.createLeadConnector(config.leadconnector.settings);
  const orders = (await leadconnector.orders.list({ limit: 10 }).firstPage()).unwrap();
  check(orders.items.length > 0, `leadconnector orders.list().firstPage(): ${orders.items.length} order(s)`);

  // A typed error crosses the runtime too: a wrong API key is an Err, not a throw.
  const denied = await sdk
    .createPayConnect({ ...config.payconnect.settings, apiKey: 'wrong-key' })
    .invoices.retrieve(invoice.invoiceId);
  check(
    denied.isErr() && sdk.isPaymentsError(denied.error),
    `payconnect with a wrong key: Err ${denied.isErr() ? denied.error.code : '(none)'}`,
  );

  const pw = sdk.createPayweave({
    providers: {
      paya: config.paya.settings,
      payconnect: config.payconnect.settings,
      connectfi: config.connectfi.settings,
      leadconnector: config.leadconnector.settings,
    },
  });
  const unified = (
    await pw.paymentRequests.retrieve({ provider: 'payconnect', id: invoice.invoiceId })
  ).unwrap();
  check(
    unified.id === invoice.invoiceId,
    `payweave paymentRequests.retrieve (payconnect): ${unified.provider} ${unified.id}`,
  );

  // Webhooks verify on WebCrypto in every runtime: a HighLevel delivery signed with a key made
  // here (Ed25519), a tampered copy, and a Paya postback with its basic-auth pair.
  const keys = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...spki))}\n-----END PUBLIC KEY-----`;
  const hooks = sdk.createPayweave({
    providers: {},
    webhooks: {
      leadconnector: sdk.leadConnectorWebhooks({ publicKeys: [pem] }),
      paya: sdk.payaPostbacks({ basicAuth: { username: 'eco', password: 'a-long-postback-secret' } }),
    },
  });
  const body = JSON.stringify({
    type: 'OrderStatusUpdate',
    _id: 'ord_eco',
    status: 'completed',
    amount: 12.5,
    currency: 'USD',
    timestamp: new Date().toISOString(),
    webhookId: 'wh_eco',
  });
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, new TextEncoder().encode(body)),
  );
  const signed = { 'x-ghl-signature': btoa(String.fromCharCode(...signature)) };
  const event = (
    await hooks.webhooks.unwrap({ provider: 'leadconnector', rawBody: body, headers: signed })
  ).unwrap();
  check(
    event.unified?.type === 'payment_request.paid',
    `payweave webhooks.unwrap (leadconnector, Ed25519): ${event.raw.type} -> ${event.unified?.type}`,
  );
  const tampered = await hooks.webhooks.unwrap({
    provider: 'leadconnector',
    rawBody: body.replace('12.5', '1.25'),
    headers: signed,
  });
  check(
    tampered.isErr() && tampered.error.code === 'webhook_signature',
    `payweave webhooks.unwrap (tampered body): Err ${tampered.isErr() ? tampered.error.code : '(none)'}`,
  );
  const form = new URLSearchParams({
    type: 'CREATE',
    resource: 'transaction',
    number_of_attempts: '1',
    data: JSON.stringify({ id: 'tx_eco', transaction_amount: '3.00', status_id: 101, type_id: 20 }),
  }).toString();
  const postback = await hooks.webhooks.unwrap({
    provider: 'paya',
    rawBody: form,
    headers: { authorization: `Basic ${btoa('eco:a-long-postback-secret')}` },
  });
  check(
    postback.isOk() && postback.value.unified?.type === 'transaction.created',
    `payweave webhooks.unwrap (paya postback): ${postback.isOk() ? postback.value.unified?.type : postback.error.code}`,
  );

  // @payweave/redis loads without its optional peers (ioredis, redis) and runs its script path
  // in every runtime: the script's SHA1 on WebCrypto, EVALSHA, then EVAL after NOSCRIPT. The
  // client is a stub here (no Redis in these runtimes); the package's tests use a real redis-server.
  const sent = [];
  const stub = {
    evalSha: async (sha1) => {
      sent.push(sha1);
      throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    },
    eval: async () => [null, null],
  };
  const stored = await sdk.redisTokenStore(stub, { name: 'leadconnector:eco' }).read();
  check(
    stored === undefined && /^[0-9a-f]{40}$/.test(sent[0] ?? ''),
    `@payweave/redis redisTokenStore(stub).read(): EVALSHA ${String(sent[0]).slice(0, 8)}..., then EVAL`,
  );
  return lines;
}
