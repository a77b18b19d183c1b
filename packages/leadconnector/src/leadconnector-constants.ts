/** The provider id used in errors, hooks and operation ids. */
export const LEADCONNECTOR_PROVIDER = 'leadconnector';

/** The npm package name, for the user agent. */
export const LEADCONNECTOR_PACKAGE = '@payweave/leadconnector';

/** The package version, for the user agent. */
export const LEADCONNECTOR_PACKAGE_VERSION = '0.1.0';

/** The API base URL (the same for test and live mode; the token decides). */
export const LEADCONNECTOR_BASE_URL = 'https://services.leadconnectorhq.com';

/** The only `Version` header value the Payments API spec allows. */
export const LEADCONNECTOR_API_VERSION = '2021-07-28';

/** The documented rate limit: requests per window, per marketplace app per location. */
export const LEADCONNECTOR_RATE_LIMIT = { maxRequests: 100, intervalMs: 10_000 } as const;

/** Base of HighLevel's API reference, for `docsUrl`. */
export const LEADCONNECTOR_DOCS = 'https://highlevel.stoplight.io/docs/integrations';
