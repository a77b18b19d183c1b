import { decimalAmount } from '@payweave/core';

/**
 * Largest amount the SDK sends. HighLevel documents no ceiling; 99,999,999.99 is the card
 * processors' (Stripe's) per-payment ceiling behind HighLevel payments, and it keeps every
 * amount exact as a JSON number.
 */
export const LEADCONNECTOR_MAX_AMOUNT = 99_999_999.99;

/**
 * A money amount as LeadConnector takes it: a JSON number in major units (`25.5` is 25.50),
 * positive, at most 2 decimals (checked on the number's shortest decimal form, so
 * `0.1 + 0.2` is refused) and at most {@link LEADCONNECTOR_MAX_AMOUNT}. Sent unchanged. The
 * order's currency is not part of the call, so the 2 decimals of USD (and most currencies
 * HighLevel supports) apply.
 */
export const amountSchema = decimalAmount({ decimals: 2, max: LEADCONNECTOR_MAX_AMOUNT, wire: 'number' });
