/** The twelve payment-link statuses of connectFi. */
export const paymentLinkStatuses = [
  'Initiated',
  'Sent',
  'Cancelled',
  'Rejected',
  'Error',
  'Expired',
  'Processing',
  'SentToPay',
  'Completed',
  'Settled',
  'Returned',
  'Declined',
] as const;

/** A connectFi payment-link status. */
export type PaymentLinkStatus = (typeof paymentLinkStatuses)[number];

/**
 * The statuses `set-status` works between: both the link's current status and the requested
 * one must be among these.
 */
export const manuallySettableStatuses = [
  'Error',
  'SentToPay',
  'Completed',
  'Settled',
  'Returned',
  'Declined',
] as const;

/** A status that `set-status` can set. */
export type ManuallySettableStatus = (typeof manuallySettableStatuses)[number];

/** The statuses a link can be cancelled from. */
export const cancellableStatuses = ['Initiated', 'Sent', 'Processing'] as const;

/** What each status means (from the connectFi docs). */
export const paymentLinkStatusMeanings: Readonly<Record<PaymentLinkStatus, string>> = Object.freeze({
  Initiated: 'Created.',
  Sent: 'Sent to the payer.',
  Processing: 'The payer submitted the payment.',
  SentToPay: 'Sent to the bank or card processor.',
  Completed: 'Acknowledged by the bank or processor.',
  Settled: 'Funds settled.',
  Returned: 'Returned by the bank.',
  Declined: 'Declined.',
  Expired: 'Expired before payment.',
  Cancelled: 'Cancelled (only from Initiated, Sent or Processing).',
  Rejected: 'Too many failed card attempts.',
  Error: 'An error occurred.',
});

/** True when `set-status` accepts `status` as a current or requested status. */
export function isManuallySettable(status: string): status is ManuallySettableStatus {
  return (manuallySettableStatuses as readonly string[]).includes(status);
}

/** True when a link in `status` can be cancelled. */
export function isCancellable(status: string): boolean {
  return (cancellableStatuses as readonly string[]).includes(status);
}
