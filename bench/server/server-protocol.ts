/** What the bench server child announces once it listens. */
export interface ServerReady {
  readonly type: 'ready';
  /** Fixed-response server (the same Paya sale bytes on every route). */
  readonly fixedUrl: string;
  /** Stateful Paya simulator, 100,000 transactions seeded. */
  readonly payaUrl: string;
  /** Stateful LeadConnector simulator, 100,000 orders seeded, rate limit off until asked. */
  readonly leadConnectorUrl: string;
  /** Bytes of the Paya sale response the fixed server sends. */
  readonly saleResponseBytes: number;
}

/** Commands the parent sends to the bench server over IPC. */
export type ServerCommand =
  | {
      readonly id: number;
      readonly cmd: 'lc.rateLimit';
      readonly maxRequests: number;
      readonly intervalMs: number;
    }
  | { readonly id: number; readonly cmd: 'lc.rateLimitOff' }
  | { readonly id: number; readonly cmd: 'lc.oauthStorm' }
  | { readonly id: number; readonly cmd: 'lc.stats' };

/** Request counts of the LeadConnector simulator since the last `lc.stats`. */
export interface LeadConnectorStats {
  readonly requests: number;
  readonly tokenRequests: number;
  readonly status429: number;
  readonly status401: number;
  readonly peakInWindow: number;
}

/** Credentials the `lc.oauthStorm` command registers. */
export interface OAuthStormSetup {
  readonly refreshToken: string;
  readonly expiredAccessToken: string;
}
