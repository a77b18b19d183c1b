/**
 * Fault cases left out of the committed matrix because they expose a provider-package
 * behaviour that is reported rather than fixed here (see reliability/README.md). Keyed by
 * `operation id / fault name`; the value says what goes wrong.
 */
export const excludedCases: Readonly<Record<string, string>> = {
  'connectfi.paymentLinks.setStatus / connection reset after the write was recorded':
    'retry "safe" resends the status change after the first one was applied: the link gets two identical statusChangeHistory entries',
  'connectfi.paymentLinks.setStatus / body stalled past the timeout after the write was recorded':
    'same as the reset case: the timed-out status change is sent again and recorded twice',
  'connectfi.paymentLinks.setRefundStatus / connection reset after the write was recorded':
    'same as setStatus: the refund status change is recorded twice',
  'connectfi.paymentLinks.setRefundStatus / body stalled past the timeout after the write was recorded':
    'same as setStatus: the refund status change is recorded twice',
};
