/**
 * Sensitive values the suite sends, so the secrets scan knows exactly what must never show up.
 * They are chosen to be unlikely to occur by chance (no short runs of repeated digits).
 */
export const sensitive = {
  /** A test card number (Mastercard test PAN). */
  cardNumber: '5454545454545454',
  /** A CVV. */
  cvv: '6937',
  /** A bank account number. */
  bankAccount: '2079951060953',
  /** An ABA routing number. */
  routing: '072000326',
  /** The last four SSN digits. */
  ssn4: '8163',
  /** A driver's licence number. */
  licence: 'D4927381',
  /** A custom payment provider's secret API keys (LeadConnector connect). */
  liveApiKey: 'sk_live_reliability_7Hq2mX9',
  /** Its test-mode key. */
  testApiKey: 'sk_test_reliability_4Zp8nK1',
  /** A Paya postback config's `basic_auth_password`. */
  postbackPassword: 'pb_reliability_Vq3Lx8Rn2Kd7',
} as const;
