/** One invoice as the PayConnect simulator stores it (the assumed wire shape of the reference). */
export interface PayConnectSimInvoice {
  invoiceId: string;
  invoiceNumber: string;
  correlationId: string;
  customer: { name: string; email?: string };
  lineItems: { description: string; quantity: number; unitPrice: string }[];
  currency: string;
  dueDate: string;
  memo?: string;
  status: 'Draft' | 'Open' | 'Sent' | 'PartiallyPaid' | 'Paid' | 'Void' | 'Overdue';
  /** Total of the line items, decimal string. */
  total: string;
  /** What is still owed, decimal string. */
  amountDue: string;
  /** What has been paid, decimal string. */
  amountPaid: string;
  payments: {
    paymentId: string;
    amount: string;
    paymentMethod: string;
    reference?: string;
    paidAt: string;
  }[];
  emails: { to: string; sentAt: string }[];
  voidReason?: string;
  createdAt: string;
  updatedAt: string;
}

/** The PayConnect simulator's records. */
export interface PayConnectSimState {
  /** API keys that may open sessions. */
  apiKeys: string[];
  /** Open sessions: token -> expiry (epoch ms). */
  sessions: Map<string, number>;
  /** How many sessions were opened. */
  sessionsIssued: number;
  /** The invoices, oldest first. */
  invoices: PayConnectSimInvoice[];
  /** When true, `GET /v2/invoices/{invoiceId}` answers 401 even with a valid session (the seed's quirk). */
  directGetUnauthorized: boolean;
  /** Next invoice number. */
  nextInvoiceNumber: number;
}

/** Whole cents of a decimal string (`"12.5"` -> 1250), without floating point. */
export function toCents(value: string | number): number {
  const [whole = '0', fraction = ''] = String(value).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** A decimal string of whole cents (1250 -> `"12.50"`). */
export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function invoice(
  number: number,
  customer: { name: string; email: string },
  lineItems: PayConnectSimInvoice['lineItems'],
  dueDate: string,
  status: PayConnectSimInvoice['status'],
  paidCents = 0,
): PayConnectSimInvoice {
  const totalCents = lineItems.reduce((sum, item) => sum + item.quantity * toCents(item.unitPrice), 0);
  const created = new Date(Date.UTC(2025, 0, number % 28 || 1, 9, 30)).toISOString();
  return {
    invoiceId: `inv_${String(number).padStart(6, '0')}`,
    invoiceNumber: `INV-${number}`,
    correlationId: `corr_seed_${number}`,
    customer,
    lineItems,
    currency: 'USD',
    dueDate,
    status,
    total: fromCents(totalCents),
    amountPaid: fromCents(paidCents),
    amountDue: fromCents(status === 'Void' ? 0 : totalCents - paidCents),
    payments:
      paidCents > 0
        ? [
            {
              paymentId: `pay_seed_${number}`,
              amount: fromCents(paidCents),
              paymentMethod: 'card',
              paidAt: created,
            },
          ]
        : [],
    emails: status === 'Draft' ? [] : [{ to: customer.email, sentAt: created }],
    createdAt: created,
    updatedAt: created,
  };
}

const customers = [
  { name: 'Acme Plumbing LLC', email: 'billing@acme-plumbing.test' },
  { name: 'Blue Harbor Cafe', email: 'owner@blueharbor.test' },
  { name: 'Cedar & Pine Dental', email: 'accounts@cedarpine.test' },
  { name: 'Delta Fitness Studio', email: 'frontdesk@deltafit.test' },
];

/** Seed data: 24 invoices over four customers, in every status, so searches page at once. */
export function seedInvoices(): PayConnectSimInvoice[] {
  const statuses: PayConnectSimInvoice['status'][] = [
    'Draft',
    'Sent',
    'PartiallyPaid',
    'Paid',
    'Void',
    'Overdue',
  ];
  const invoices: PayConnectSimInvoice[] = [];
  for (let index = 0; index < 24; index += 1) {
    const status = statuses[index % statuses.length]!;
    const customer = customers[index % customers.length]!;
    const items = [
      { description: 'Monthly service plan', quantity: 1, unitPrice: `${120 + index}.00` },
      { description: 'Call-out fee', quantity: 2, unitPrice: '35.50' },
    ];
    const total = items.reduce((sum, item) => sum + item.quantity * toCents(item.unitPrice), 0);
    const paid = status === 'Paid' ? total : status === 'PartiallyPaid' ? 5000 : 0;
    const day = String((index % 28) + 1).padStart(2, '0');
    invoices.push(invoice(1001 + index, customer, items, `2025-03-${day}`, status, paid));
  }
  return invoices;
}
