/**
 * `@payweave/core`: the transport, auth, retries, errors, money, paging and operation
 * model every payweave provider package is built on.
 *
 * @packageDocumentation
 * @module @payweave/core
 */
export { Err, Ok, type Result } from 'ts-results-es';
export { baseUrlProblem, checkBaseUrl, isAllowedBaseUrl } from './allowed-base-url.js';
export type { AuthStrategy } from './auth/auth-strategy.js';
export {
  type OAuthRefreshAuth,
  type OAuthRefreshOptions,
  type OAuthTokens,
  oauthRefresh,
  type TokenStore,
  type TokenStoreAction,
} from './auth/oauth-refresh.js';
export {
  type IssuedToken,
  type SessionStoreAction,
  type SessionTokenAuth,
  type SessionTokenOptions,
  sessionToken,
} from './auth/session-token.js';
export { singleFlight } from './auth/single-flight.js';
export { staticHeaders } from './auth/static-headers.js';
export type { CoreOptions } from './core-options.js';
export type { AttemptRecord } from './errors/attempt-record.js';
export { adoptError, buildError, type ErrorParts, type ErrorScope } from './errors/build-error.js';
export { isPaymentsErrorCode, type PaymentsErrorCode, paymentsErrorCodes } from './errors/error-codes.js';
export { joinFieldPath, toFieldErrors } from './errors/field-errors.js';
export { mapHttpStatus } from './errors/map-http-status.js';
export {
  type FieldErrors,
  isPaymentsError,
  PaymentsError,
  type PaymentsErrorInit,
} from './errors/payments-error.js';
export { chooseExchange } from './http/default-exchange.js';
export {
  defaultMaxResponseBytes,
  type Exchange,
  type ExchangeRequest,
  type RawResponse,
  responseTooLargeError,
  type TransportName,
} from './http/exchange.js';
export { fetchExchange } from './http/fetch-exchange.js';
export {
  createHttpClient,
  type ErrorBodyMapper,
  type HttpClient,
  type HttpClientConfig,
  type RequestLimiter,
  type SendOptions,
} from './http/http-client.js';
export type {
  HttpHooks,
  HttpMethod,
  HttpOutcome,
  HttpRequest,
  HttpResponse,
  QueryValue,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './http/http-types.js';
export {
  encodePathSegment,
  maxPathSegmentLength,
  PathSegmentError,
  pathSegmentProblem,
} from './input/path-segment.js';
export { type LogFields, type Logger, type LogLevel, silentLogger } from './logging/logger.js';
export { currencyExponent } from './money/currency-exponents.js';
export {
  type DecimalAmountOptions,
  type DecimalAmountWire,
  decimalAmount,
  decimalAmountIssue,
} from './money/decimal-amount-schema.js';
export { type DecimalParts, splitDecimal, toDecimalText } from './money/decimal-text.js';
export {
  formatMoney,
  type Money,
  money,
  type ParseMoneyOptions,
  parseMoney,
  toMoney,
} from './money/money.js';
export type { CallOptions } from './operations/call-options.js';
export { createProviderClient, type ProviderClient } from './operations/create-provider-client.js';
export { defineOperation, type OperationDeclaration } from './operations/define-operation.js';
export { lazySchema } from './operations/lazy-schema.js';
export type {
  AnyOperation,
  Operation,
  OperationContext,
  OperationInput,
  OperationItem,
  OperationOutput,
  PagingDefinition,
  RequestParts,
  Schema,
} from './operations/operation.js';
export type { OperationRuntime } from './operations/operation-runtime.js';
export type {
  MethodResult,
  OperationById,
  OperationMethod,
  OperationsOf,
  ResourceMap,
  ResourceMethods,
} from './operations/resource-methods.js';
export type { ResponseMeta, ResultPromise, ResultWithResponse } from './operations/response-meta.js';
export { runOperation, runPagedOperation } from './operations/run-operation.js';
export { toJsonSchema } from './operations/to-json-schema.js';
export { validateInput } from './operations/validate-input.js';
export { coerceWireValue, notCoerced } from './output/coerce-wire-value.js';
export { decorateRecord } from './output/decorate-record.js';
export { type KeptRawField, readTolerantly, type TolerantRead } from './output/read-tolerantly.js';
export {
  defaultMaxPages,
  type Page,
  PageIterator,
  type PageIteratorOptions,
  type PageLoader,
} from './paging/page-iterator.js';
export {
  type AssembledProvider,
  assembleProvider,
  type ProviderConnection,
  type ProviderDescriptor,
} from './provider/assemble-provider.js';
export {
  configurationError,
  createProviderRuntime,
  type ProviderRuntime,
  type ProviderRuntimeConfig,
  readEnvironment,
} from './provider-runtime.js';
export { hideInternals, inspectSymbol } from './redaction/inspect-symbol.js';
export { isSensitiveKey, REDACTED, Redactor } from './redaction/redactor.js';
export { backoffDelay } from './retry/backoff.js';
export { parseRetryAfter } from './retry/retry-after.js';
export { defaultRetrySettings, type RetryMode, type RetrySettings } from './retry/retry-mode.js';
export {
  decideRetry,
  type RetryDecision,
  type RetryQuestion,
  type StopReason,
} from './retry/retry-policy.js';
export { sleep } from './retry/sleep.js';
export {
  type Disposition,
  defaultStatusRules,
  isRedirectStatus,
  ruleForStatus,
  type StatusRule,
  type StatusRules,
} from './retry/status-rules.js';
export { type ToRowsOptions, toRows, type WorkflowRow } from './rows/to-rows.js';
export {
  type MemoryOutcomeStoreOptions,
  memoryOutcomeStore,
  type OutcomeClaim,
  type OutcomeStore,
} from './stores/outcome-store.js';
export {
  type MemoryRateLimitStoreOptions,
  memoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitStore,
} from './stores/rate-limit-store.js';
export {
  type MemorySessionStoreOptions,
  memorySessionStore,
  type SessionStore,
  type StoredSession,
} from './stores/session-store.js';
export {
  type MemoryTokenStoreOptions,
  memoryTokenStore,
  type SharedTokenStore,
  type StoredTokens,
  type TokenWriteResult,
} from './stores/shared-token-store.js';
export { createMemoryLock, type MemoryLock, type StoreLease } from './stores/store-lease.js';
export { PAYWEAVE_VERSION } from './version.js';
export { base64ToBytes, bytesToBase64, pemToDer } from './webhooks/base64.js';
export { constantTimeEqual } from './webhooks/constant-time.js';
export {
  createWebhookReceiver,
  defaultDedupeTtlMs,
  type WebhookDedupeOptions,
  type WebhookReceiverDefinition,
} from './webhooks/create-webhook-receiver.js';
export {
  type DedupeStore,
  type MemoryDedupeStoreOptions,
  memoryDedupeStore,
} from './webhooks/dedupe-store.js';
export { handleWebhookRequest, readRequestBytes } from './webhooks/fetch-adapter.js';
export {
  answerForError,
  type DeliveryAnswer,
  handleDelivery,
  type WebhookHandlerOptions,
} from './webhooks/handle-delivery.js';
export { type HeaderRead, readHeader } from './webhooks/header-value.js';
export {
  handleNodeWebhook,
  type NodeRequestLike,
  type NodeResponseLike,
  readNodeBody,
} from './webhooks/node-adapter.js';
export {
  type BodyProblem,
  defaultWebhookMaxBodyBytes,
  type RawBody,
  readRawBody,
  sha256Hex,
} from './webhooks/raw-body.js';
export { defaultWebhookToleranceMs, timestampProblem } from './webhooks/timestamp-window.js';
export { webhookError } from './webhooks/webhook-error.js';
export type {
  UnwrapOptions,
  WebhookBody,
  WebhookEventBase,
  WebhookHeaders,
  WebhookReceiver,
} from './webhooks/webhook-types.js';
