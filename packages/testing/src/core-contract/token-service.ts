// A simulated service with session tokens and OAuth refresh rotation, for the core
// contract auth tests.
import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { json } from '../simulator/sim-helpers.js';

export interface TokenServiceState {
  sessionsIssued: number;
  validSessions: Set<string>;
  refreshCalls: number;
  refreshToken: string;
  accessTokens: Set<string>;
  /** Access tokens seen by /data, in order. */
  seenTokens: string[];
}

export function createTokenServiceSimulator(): Simulator<TokenServiceState> {
  return createSimulator<TokenServiceState>({
    name: 'tokens',
    baseUrl: 'https://tokens.example.test',
    initialState: () => ({
      sessionsIssued: 0,
      validSessions: new Set(),
      refreshCalls: 0,
      refreshToken: 'refresh-0',
      accessTokens: new Set(),
      seenTokens: [],
    }),
    routes: [
      {
        method: 'POST',
        path: '/sessions',
        handle: async (_request, state) => {
          state.sessionsIssued += 1;
          const token = `session-${state.sessionsIssued}`;
          state.validSessions.add(token);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return json(201, { token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
        },
      },
      {
        method: 'GET',
        path: '/session-data',
        handle: (request, state) =>
          state.validSessions.has(request.headers.authorization?.replace('Session ', '') ?? '')
            ? json(200, { ok: true })
            : json(401, { message: 'session expired' }),
      },
      {
        method: 'POST',
        path: '/oauth/token',
        handle: (request, state) => {
          const body = request.body as { refresh_token?: string };
          state.refreshCalls += 1;
          if (body.refresh_token !== state.refreshToken) return json(401, { error: 'invalid_grant' });
          const next = state.refreshCalls;
          state.refreshToken = `refresh-${next}`;
          const accessToken = `access-${next}`;
          state.accessTokens.add(accessToken);
          return json(200, {
            access_token: accessToken,
            refresh_token: state.refreshToken,
            expires_in: 3600,
          });
        },
      },
      {
        method: 'GET',
        path: '/oauth-data',
        handle: (request, state) => {
          const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
          state.seenTokens.push(token);
          return state.accessTokens.has(token) ? json(200, { ok: true }) : json(401, { message: 'expired' });
        },
      },
    ],
  });
}
