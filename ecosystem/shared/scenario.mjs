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
  return lines;
}
