/** The twelve payment-link statuses of connectFi. */
export const connectFiSimStatuses = [
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

/** A payment-link status. */
export type ConnectFiSimStatus = (typeof connectFiSimStatuses)[number];

/** One entry of a payment's `statusChangeHistory`. */
export interface ConnectFiSimHistoryEntry {
  login?: string;
  description?: string | null;
  initiatorId?: string;
  initiatorType: 'merchant' | 'public' | 'process' | 'user';
  status: ConnectFiSimStatus;
  dtsCreatedAt: string;
  dtsUpdatedAt: string;
}

/** A payment link (or refund transaction) as the simulator stores it: the shape of the seed's response. */
export interface ConnectFiSimPayment {
  cFiTransactionId: string;
  cFiAggregatorId: string;
  cFiMerchantId: string;
  payerName: string;
  invoiceNumber: string;
  amount: number;
  currency: string;
  dueDate: string;
  description: string;
  status: ConnectFiSimStatus;
  fields: { index: number; code: string; label: string; value: string }[];
  availablePaymentType: ('card' | 'ach')[];
  statusChangeHistory: ConnectFiSimHistoryEntry[];
  dtsCreatedAt: string;
  dtsUpdatedAt: string;
  dtsExpiredAt: string;
  link: string;
  url: string;
  ach?: { payment: Record<string, unknown>; result: Record<string, unknown> };
  dtsSentToPayAt?: string;
  paymentType?: 'card' | 'ach';
  manualStatus?: boolean;
  cFiMerchantRef: string;
}

/** The connectFi simulator's records. */
export interface ConnectFiSimState {
  /** Client credentials accepted by `/auth/get-token`. */
  credentials: { login: string; password: string };
  /** Issued tokens: token -> expiry (epoch ms). */
  tokens: Map<string, number>;
  /** How many tokens were issued. */
  tokensIssued: number;
  /** Payment links, oldest first. */
  payments: ConnectFiSimPayment[];
  /** Refund transactions (for `refund-set-status`). */
  refunds: ConnectFiSimPayment[];
  /** The list response holds `data` as an array (`array`) or as `{ payments, count }` (`object`). */
  listShape: 'array' | 'object';
}

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic 22-character base62 id (the shape of connectFi ids), from a seed number. */
export function connectFiId(seed: number): string {
  let state = (seed * 2654435761 + 97) >>> 0;
  let id = '';
  for (let index = 0; index < 22; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    id += alphabet[(state >>> 16) % 62];
  }
  return id;
}

/** The seed's payment link id (its example request and response use it). */
export const seedPaymentLinkId = '29ljhq5Apu1YfdtU3wN7yx';

const merchantId = '2Bc0QW0VYJe7VhTyXXEYNQ';
const payers = [
  ['John', 'Doe'],
  ['Maria', 'Garcia'],
  ['Wei', 'Chen'],
  ['Aisha', 'Khan'],
  ['Liam', 'Murphy'],
] as const;

// The path of statuses a link goes through before it reaches `status`.
function pathTo(status: ConnectFiSimStatus): ConnectFiSimStatus[] {
  const start: ConnectFiSimStatus[] = ['Initiated', 'Sent'];
  switch (status) {
    case 'Initiated':
      return ['Initiated'];
    case 'Sent':
    case 'Expired':
    case 'Cancelled':
      return [...start, ...(status === 'Sent' ? [] : [status])];
    case 'Processing':
    case 'Rejected':
      return [...start, 'Processing', ...(status === 'Processing' ? [] : [status])];
    case 'SentToPay':
      return [...start, 'Processing', 'SentToPay'];
    case 'Settled':
      return [...start, 'Processing', 'SentToPay', 'Completed', 'Settled'];
    default:
      return [...start, 'Processing', 'SentToPay', status];
  }
}

/** Builds one seeded payment link in `status`. */
export function seedPayment(
  cFiTransactionId: string,
  status: ConnectFiSimStatus,
  index: number,
  clientCode = 'CLIENTID',
): ConnectFiSimPayment {
  const [first, last] = payers[index % payers.length]!;
  const day = (offset: number) =>
    new Date(Date.UTC(2024, 6, 1 + (index % 28), 11 + offset, 51, 51, 929)).toISOString();
  const amount = Math.round((1.5 + index * 17.25) * 100) / 100;
  const ach = index % 2 === 0;
  const history = pathTo(status).map<ConnectFiSimHistoryEntry>((step, position) => ({
    ...(step === 'Initiated' || step === 'Sent' ? { initiatorId: merchantId } : {}),
    initiatorType:
      step === 'Initiated' || step === 'Sent' ? 'merchant' : step === 'Processing' ? 'public' : 'process',
    status: step,
    dtsCreatedAt: day(position),
    dtsUpdatedAt: day(position),
  }));
  const link = `${cFiTransactionId}${connectFiId(index + 500)}${connectFiId(index + 900)}`.slice(0, 66);
  const reachedBank = history.some((entry) => entry.status === 'SentToPay');
  const payment: ConnectFiSimPayment = {
    cFiTransactionId,
    cFiAggregatorId: clientCode,
    cFiMerchantId: merchantId,
    payerName: `${last} ${first}`,
    invoiceNumber: String(11125 + index),
    amount,
    currency: 'USD',
    dueDate: `2024-08-${String((index % 28) + 1).padStart(2, '0')}`,
    description: `Invoice ${11125 + index}`,
    status,
    fields: [
      { index: 1, code: 'firstName', label: 'First Name', value: first },
      { index: 2, code: 'lastName', label: 'Last Name', value: last },
      {
        index: 3,
        code: 'email',
        label: 'Email',
        value: `${first.toLowerCase()}.${last.toLowerCase()}@email.test`,
      },
      { index: 4, code: 'phone', label: 'Phone', value: `1555555${String(1000 + index).slice(-4)}` },
    ],
    availablePaymentType: ['card', 'ach'],
    statusChangeHistory: history,
    dtsCreatedAt: day(0),
    dtsUpdatedAt: day(history.length - 1),
    dtsExpiredAt: `2024-08-${String((index % 28) + 2).padStart(2, '0')}T11:52:47.482Z`,
    link,
    url: `google.com/payment/${link}`,
    cFiMerchantRef: String(index + 1),
  };
  if (reachedBank) {
    payment.paymentType = ach ? 'ach' : 'card';
    payment.dtsSentToPayAt = day(3);
    if (ach) {
      const bank = {
        routingNumber: '011401533',
        DFIAccountNumber: '1111222233330000',
        individualName: `${first} ${last}`,
      };
      payment.ach = {
        payment: {
          reference: cFiTransactionId,
          effectiveEntryDate: '2024-08-01',
          companyEntryDescription: 'PURCHASE',
          standardEntryClassCode: 'PPD',
          ...bank,
          accountType: 'Checking',
          transactionType: 'Credit',
          amount,
          currency: 'USD',
          webhookUrl: 'https://connectfi-payment-link-public.paygears.net/api/public/webhook/ach',
          clientCode,
        },
        result: {
          cFiTransactionId: `${clientCode}_${connectFiId(index + 1300)}`,
          reference: cFiTransactionId,
          cFiAggregatorId: clientCode,
          status: 'Sent',
          dtsCreatedAt: day(3),
          dtsSent: day(4),
          effectiveEntryDate: '2024-08-01',
          ...bank,
          amount,
          currency: 'USD',
        },
      };
    }
  }
  return payment;
}

/**
 * Seed data: the seed's link `29ljhq5Apu1YfdtU3wN7yx` in status Error (ready to be set to
 * SentToPay as in the seed's example), one link in each of the twelve statuses, and twelve
 * more for paging.
 */
export function seedPayments(): ConnectFiSimPayment[] {
  const payments = [seedPayment(seedPaymentLinkId, 'Error', 0)];
  connectFiSimStatuses.forEach((status, index) => {
    payments.push(seedPayment(connectFiId(index + 1), status, index + 1));
  });
  for (let index = 0; index < 12; index += 1) {
    payments.push(seedPayment(connectFiId(index + 100), connectFiSimStatuses[(index * 5) % 12]!, index + 13));
  }
  return payments;
}

/** Seed refund transactions: one in SentToPay, Completed, Error and Initiated. */
export function seedRefunds(): ConnectFiSimPayment[] {
  return (['SentToPay', 'Completed', 'Error', 'Initiated'] as const).map((status, index) =>
    seedPayment(`RF${connectFiId(index + 700).slice(0, 20)}`, status, index + 40),
  );
}
