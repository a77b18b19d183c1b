import {
  type AnyOperation,
  buildError,
  type OperationContext,
  type PaymentsError,
  parseMoney,
} from '@payweave/core';
import type { PayaTransaction } from './transaction-schemas.js';

const operation = 'paya.transactions.refund';
const why =
  'a partial refund of an ACH WEB debit is accepted and then rejected days later; refund the full amount, or use transactions.credit with ach_sec_code "CCD" and previous_transaction_id for a partial return';

/** The refund fields the rule reads. */
interface RefundFields {
  readonly previous_transaction_id: string;
  readonly transaction_amount: string | number;
  readonly payment_method?: string | undefined;
  readonly ach_sec_code?: string | undefined;
}

/** The refusal, when `amount` is a partial refund of an ACH WEB debit. */
export function partialWebRefund(
  original: PayaTransaction,
  amount: string | number,
  secCode: string | undefined,
): PaymentsError | undefined {
  if (original.payment_method !== 'ach' || (original.ach_sec_code ?? secCode) !== 'WEB') return undefined;
  const requested = parseMoney(amount, 'USD');
  const full = original.transaction_amount_money;
  if (requested.isErr() || full === undefined || requested.value.amountMinor >= full.amountMinor)
    return undefined;
  return buildError(
    { provider: 'paya', operation },
    {
      code: 'validation',
      detail: `${why} (nothing was sent).`,
      fieldErrors: { transaction_amount: [why] },
      retryable: false,
    },
  );
}

/**
 * The refund's guard: an ACH WEB partial refund looks approved and is rejected days later,
 * so it is refused before sending, which needs the original transaction's SEC code and amount.
 */
export function refuseWebPartialRefund(
  retrieve: () => AnyOperation,
): (input: RefundFields, context: OperationContext) => Promise<PaymentsError | undefined> {
  return async (input, context) => {
    if (input.payment_method !== 'ach' && input.ach_sec_code !== 'WEB') return undefined;
    const original = await context.run(retrieve(), { id: input.previous_transaction_id });
    if (original.isErr()) return original.error.with({ operation });
    return partialWebRefund(original.value as PayaTransaction, input.transaction_amount, input.ach_sec_code);
  };
}
