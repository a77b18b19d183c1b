/** The invoice statuses PayConnect is assumed to report (`status`, returned as `providerStatus` in rows). */
export const payConnectInvoiceStatuses = [
  'Draft',
  'Open',
  'Sent',
  'PartiallyPaid',
  'Paid',
  'Void',
  'Overdue',
] as const;

/** A PayConnect invoice status; other strings pass through untouched. */
export type PayConnectInvoiceStatus = (typeof payConnectInvoiceStatuses)[number];

/** Statuses in which an invoice can still take a payment. */
export const payableInvoiceStatuses: readonly PayConnectInvoiceStatus[] = [
  'Open',
  'Sent',
  'PartiallyPaid',
  'Overdue',
];
