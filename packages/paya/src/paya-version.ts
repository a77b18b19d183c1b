/** The version of `@payweave/paya` (kept in step with package.json). */
export const PAYA_PACKAGE_VERSION = '0.1.0';
