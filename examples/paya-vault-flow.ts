// Paya's recommended path: collect the card in a hosted AccountForm (out of your PCI scope), keep
// the account_vault_id, and charge it through the API — here twice, on a monthly recurring
// schedule run by the simulator's clock. Runs against the simulator on loopback.
//   npx tsx examples/paya-vault-flow.ts
import { createPaya } from '@payweave/paya';
import { createPayaSimulator } from '@payweave/testing';

/** What the flow did, for printing and for the example test. */
export interface VaultFlowSummary {
  formUrlHost: string;
  vault: { id: string; last_four: string | undefined };
  recurring: { id: string; state: string };
  charges: { id: string; amount: string; status: string; account_vault_id: string | undefined }[];
}

const day = 24 * 60 * 60 * 1000;

/** Runs the flow and returns its summary. */
export async function main(): Promise<VaultFlowSummary> {
  const simulator = createPayaSimulator();
  const baseUrl = await simulator.listen();
  try {
    const paya = createPaya({ baseUrl, ...simulator.credentials });
    const { location_id } = (await paya.locationInfos.defaults()).unwrap();

    // 1. Your server signs an AccountForm URL (userHashKey never leaves it); the page embeds it.
    const link = (await paya.forms.accountFormUrl({ payment_method: 'cc', location_id })).unwrap();

    // 2. The payer fills the form in (the simulator plays them); Paya stores the card in a vault.
    await simulator.forms.submit(link.url, { account_number: '4111111111111111', exp_date: '1230' });

    // 3. Your server learns the vault by the reference it put in the form (Paya's recommended way).
    const result = (await paya.forms.findResult(link)).unwrap();
    if (result?.form !== 'accountform') throw new Error('the AccountForm made no vault');
    const vault = result.accountVault;

    // 4. Charge it monthly, starting in two days.
    const start = new Date(simulator.clock.now() * 1000 + 2 * day).toISOString().slice(0, 10);
    const recurring = (
      await paya.recurrings.create({
        account_vault_id: vault.id,
        location_id,
        transaction_amount: '19.99',
        interval: 1,
        interval_type: 'm',
        start_date: start,
      })
    ).unwrap();

    // 5. Time passes: the first run, then a month later the second.
    simulator.clock.advance(3 * day);
    simulator.runDueRecurrings();
    simulator.clock.advance(31 * day);
    simulator.runDueRecurrings();

    // 6. The charges, listed through the API.
    const charges = await paya.transactions.list({ recurring_id: recurring.id }).toArray({ limit: 10 });
    return {
      formUrlHost: new URL(link.url).host,
      vault: { id: vault.id, last_four: vault.last_four === undefined ? undefined : String(vault.last_four) },
      recurring: { id: recurring.id, state: recurring.state },
      charges: charges.unwrap().map((charge) => ({
        id: charge.id,
        amount: String(charge.transaction_amount),
        status: charge.status,
        account_vault_id: typeof charge.account_vault_id === 'string' ? charge.account_vault_id : undefined,
      })),
    };
  } finally {
    await simulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await main(), null, 2));
}
