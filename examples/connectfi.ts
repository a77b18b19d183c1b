// connectFi in a few calls: find a payment link, move it to SentToPay exactly as connectFi's
// set-status example does, and read it back. Runs against the connectFi simulator on loopback
// unless CONNECTFI_BASE_URL, CONNECTFI_LOGIN and CONNECTFI_PASSWORD are set (and then
// CONNECTFI_TRANSACTION_ID names the link to move).
//
//   npx tsx examples/connectfi.ts
import { pathToFileURL } from 'node:url';
import { type ConnectFiPayment, createConnectFi } from '@payweave/connectfi';
import {
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  seedPaymentLinkId,
} from '@payweave/testing';

/** What the flow did, for printing and for the example's test. */
export interface ConnectFiDemoResult {
  /** Where it ran. */
  target: 'simulator' | 'instance';
  /** The link's status before. */
  before: string;
  /** The link as set-status returned it. */
  updated: ConnectFiPayment;
  /** The link as read back through list. */
  readBack: ConnectFiPayment;
  /** Links counted by walking every list page. */
  listed: number;
}

/** Runs the flow; throws on any failed step. */
export async function main(): Promise<ConnectFiDemoResult> {
  const live = Boolean(
    process.env.CONNECTFI_BASE_URL && process.env.CONNECTFI_LOGIN && process.env.CONNECTFI_PASSWORD,
  );
  const simulator = live ? undefined : createConnectFiSimulator();
  const baseUrl = simulator ? await simulator.listen() : undefined;
  try {
    const connectfi = live
      ? createConnectFi()
      : createConnectFi({ baseUrl, login: connectFiSimulatorLogin, password: connectFiSimulatorPassword });
    const cFiTransactionId = (live ? process.env.CONNECTFI_TRANSACTION_ID : seedPaymentLinkId) ?? '';
    const current = (await connectfi.paymentLinks.retrieve(cFiTransactionId)).unwrap();

    // manualStatus: true (also the provider's default) locks the status against automatic updates.
    const updated = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId,
        status: 'SentToPay',
        description: 'Set to SentToPay',
        manualStatus: true,
      })
    ).unwrap();
    const readBack = (await connectfi.paymentLinks.retrieve(cFiTransactionId)).unwrap();

    let listed = 0;
    for await (const _link of connectfi.paymentLinks.list({ numberOfRecords: 10 })) listed += 1;
    return { target: live ? 'instance' : 'simulator', before: current.status, updated, readBack, listed };
  } finally {
    await simulator?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (result) => {
      console.log(
        `connectFi (${result.target}) ${result.updated.cFiTransactionId}: ${result.before} -> ${result.updated.status}`,
      );
      console.log(
        `manualStatus ${result.updated.manualStatus}; history: ${result.readBack.statusChangeHistory?.map((entry) => entry.status).join(' -> ')}`,
      );
      console.log(`${result.listed} payment links listed`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
