// A HighLevel custom payment provider whose processor is Paya: HighLevel's queryUrl calls become
// Paya calls. Payment methods are the contact's Paya account vaults (HighLevel contact id =
// Paya `contact_api_id`), a charge is a vault sale (idempotent per HighLevel transaction id: the
// kit answers a repeat with the first outcome), a refund is a Paya refund, and verify looks the
// Paya transaction up.
import { formatMoney, money } from '@payweave/core';
import {
  type ChargeOutcome,
  type CustomProviderApiKeys,
  createCustomProviderHandler,
  type RefundOutcome,
  type VerifyOutcome,
} from '@payweave/leadconnector';
import type { PayaClient } from '@payweave/paya';

/** The Paya ids HighLevel cannot know: where to charge. */
export interface PayaProviderSettings {
  /** The Paya client (its credentials never reach HighLevel). */
  paya: PayaClient;
  /** The Paya location the provider charges in. */
  locationId: string;
  /** The api keys given to HighLevel by `customProviders.connect`, per location and mode. */
  apiKeys: CustomProviderApiKeys;
}

const cents = (amount: unknown) => Math.round(Number(amount) * 100);

/** The queryUrl handler, fetch-style: `(Request) => Promise<Response>`. */
export function createPayaProvider(settings: PayaProviderSettings) {
  const { paya, locationId } = settings;

  async function payaContactId(highLevelContactId: string): Promise<string | undefined> {
    const page = (await paya.contacts.list({ contact_api_id: highLevelContactId }).firstPage()).unwrap();
    // The list filter matches substrings: compare exactly.
    return page.items.find((contact) => contact.contact_api_id === highLevelContactId)?.id;
  }

  return createCustomProviderHandler({
    apiKeys: settings.apiKeys,

    async listPaymentMethods({ contactId }) {
      const contact = await payaContactId(contactId);
      if (contact === undefined) return [];
      const vaults = (await paya.accountVaults.list({ contact_id: contact }).toArray({ limit: 50 })).unwrap();
      return vaults.map((vault) => ({
        id: vault.id,
        type: vault.payment_method === 'ach' ? 'us_bank_account' : 'card',
        title: vault.payment_method === 'ach' ? 'Bank account' : `Card ${vault.account_type ?? ''}`.trim(),
        subTitle: `•••• ${vault.last_four ?? ''}`,
        expiry:
          typeof vault.exp_date === 'string' && vault.exp_date.length === 4
            ? `${vault.exp_date.slice(0, 2)}/${vault.exp_date.slice(2)}`
            : undefined,
        customerId: contact,
      }));
    },

    async chargePayment(query): Promise<ChargeOutcome> {
      const sale = await paya.transactions.sale({
        location_id: locationId,
        account_vault_id: query.paymentMethodId,
        transaction_amount: formatMoney(query.amount),
        description: query.chargeDescription,
      });
      if (sale.isErr()) {
        // Nothing was charged unless the outcome is unknown: then throwing lets HighLevel retry
        // after the kit releases the claim, and Paya's reconcile finds the first sale.
        if (sale.error.outcomeUnknown) throw sale.error;
        return { status: 'failed', message: sale.error.message };
      }
      const transaction = sale.value;
      if (transaction.status !== 'approved') {
        return { status: 'failed', chargeId: transaction.id, message: `Paya: ${transaction.status}` };
      }
      return { status: 'succeeded', chargeId: transaction.id, amount: query.amount };
    },

    async verify({ chargeId }): Promise<VerifyOutcome> {
      if (chargeId === undefined) return { status: 'pending' };
      const found = await paya.transactions.retrieve(chargeId);
      if (found.isErr())
        return found.error.code === 'not_found' ? { status: 'failed' } : { status: 'pending' };
      const transaction = found.value;
      if (transaction.status === 'declined') return { status: 'failed', message: 'Declined by Paya' };
      if (transaction.status !== 'approved' && transaction.status !== 'settled') return { status: 'pending' };
      return {
        status: 'succeeded',
        charge: {
          chargeId,
          status: 'succeeded',
          amount: money(cents(transaction.transaction_amount), 'USD'),
        },
      };
    },

    async refund(query): Promise<RefundOutcome> {
      const amount = query.amountIn('USD');
      const refund = await paya.transactions.refund({
        previous_transaction_id: query.chargeId,
        transaction_amount: formatMoney(amount),
      });
      if (refund.isErr()) return { status: 'failed', message: refund.error.message };
      return { status: 'succeeded', id: refund.value.id, amount };
    },
  });
}
