import type { PaymentsErrorCode } from '../errors/error-codes.js';

/**
 * What a failed attempt says about the request:
 * - `final`: the provider answered and refused; trying again gives the same answer;
 * - `unsent`: the request never left (connection refused, DNS), so any mode may resend;
 * - `unprocessed`: the provider turned it away unprocessed (408, 429): `safe` and `reconcile`
 *   resend, `never` does not (it promises one request at most);
 * - `ambiguous`: the provider may have acted (timeout, reset, 5xx, an unreadable 2xx), so only
 *   `safe` calls resend; `reconcile` looks the record up first; `never` reports outcome unknown.
 */
export type Disposition = 'final' | 'unsent' | 'unprocessed' | 'ambiguous';

/** The error code and disposition of one HTTP status. */
export interface StatusRule {
  /** The {@link PaymentsErrorCode} of a response with this status. */
  readonly code: PaymentsErrorCode;
  /** Whether the request may be sent again (see {@link Disposition}). */
  readonly disposition: Disposition;
}

/** Status rules by status; a provider's descriptor may add or replace entries. */
export type StatusRules = Readonly<Record<number, StatusRule>>;

const rule = (code: PaymentsErrorCode, disposition: Disposition = 'final'): StatusRule => ({
  code,
  disposition,
});

/** The one table of what every HTTP status means to payweave (DESIGN.md section 4). */
export const defaultStatusRules: StatusRules = {
  400: rule('invalid_request'),
  401: rule('authentication'),
  403: rule('permission_denied'),
  404: rule('not_found'),
  405: rule('unsupported'),
  408: rule('timeout', 'unprocessed'),
  409: rule('conflict'),
  410: rule('not_found'),
  422: rule('invalid_request'),
  429: rule('rate_limited', 'unprocessed'),
  500: rule('provider_unavailable', 'ambiguous'),
  501: rule('unsupported'),
  502: rule('provider_unavailable', 'ambiguous'),
  503: rule('provider_unavailable', 'ambiguous'),
  504: rule('provider_unavailable', 'ambiguous'),
};

// Statuses not in the table: a redirect is never followed and never retried; anything else unknown is final.
const otherStatus = rule('provider_error');

/** The rule for a status: the provider's entry, else the default table, else `provider_error`. */
export function ruleForStatus(status: number, rules: StatusRules = defaultStatusRules): StatusRule {
  return (
    (Object.hasOwn(rules, status) ? rules[status] : undefined) ??
    (Object.hasOwn(defaultStatusRules, status) ? defaultStatusRules[status] : undefined) ??
    otherStatus
  );
}

/** True for the statuses a redirect uses (and 0, a redirect an opaque fetch hid). */
export function isRedirectStatus(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}
