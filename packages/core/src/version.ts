/** The payweave release this core belongs to (sent in the user agent). */
export const PAYWEAVE_VERSION = '0.1.0';
