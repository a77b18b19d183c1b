/**
 * Sandbox tests against the real providers (DESIGN.md section 7): never part of `pnpm test`
 * or CI, run by `pnpm test:remote` with credentials in the environment. Each provider's
 * flow is its example, run live; a provider without credentials fails loudly, because a
 * remote test that quietly passes without running would prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { main as connectFi } from './connectfi.js';
import { main as leadConnector } from './leadconnector.js';
import { main as paya } from './paya.js';
import { main as payConnect } from './payconnect.js';

function requireEnvironment(names: readonly string[]): void {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(`remote test needs ${missing.join(', ')}`);
}

describe('real sandboxes', () => {
  it('Paya Connect sandbox', async () => {
    requireEnvironment(['PAYA_USER_ID', 'PAYA_USER_API_KEY', 'PAYA_DEVELOPER_ID']);
    const summary = await paya();
    expect(summary.target).toBe('sandbox');
    expect(summary.sale.status).toBe('approved');
  });

  it('PayConnect sandbox', async () => {
    requireEnvironment(['PAYCONNECT_API_KEY']);
    const result = await payConnect();
    expect(result.target).toBe('sandbox');
    expect(result.connectionOk).toBe(true);
  });

  it('connectFi instance', async () => {
    requireEnvironment([
      'CONNECTFI_BASE_URL',
      'CONNECTFI_LOGIN',
      'CONNECTFI_PASSWORD',
      'CONNECTFI_TRANSACTION_ID',
    ]);
    const result = await connectFi();
    expect(result.target).toBe('instance');
    expect(result.updated.status).toBe('SentToPay');
  });

  it('LeadConnector', async () => {
    requireEnvironment(['LEADCONNECTOR_ACCESS_TOKEN', 'LEADCONNECTOR_LOCATION_ID']);
    const result = await leadConnector();
    expect(result.target).toBe('live');
  });
});
