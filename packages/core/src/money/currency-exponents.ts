// ISO 4217 minor-unit exponents that differ from the usual 2.
const zeroDecimal = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const threeDecimal = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/**
 * Number of decimals a currency's minor unit has: 0 (JPY), 2 (USD) or 3 (KWD).
 *
 * @example
 * ```ts
 * currencyExponent('JPY'); // 0
 * ```
 */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (zeroDecimal.has(code)) return 0;
  if (threeDecimal.has(code)) return 3;
  return 2;
}
