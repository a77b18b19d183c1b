/**
 * Fault cases left out of the matrix, keyed by `operation id / fault name`, with the reason.
 * Empty: the connectFi status changes that once resent after a recorded write now reconcile.
 */
export const excludedCases: Readonly<Record<string, string>> = {};
