import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './connectfi.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('examples/connectfi.ts', () => {
  it('moves a payment link to SentToPay against the simulator', async () => {
    vi.stubEnv('CONNECTFI_BASE_URL', '');
    const result = await main();
    expect(result.target).toBe('simulator');
    expect(result.before).toBe('Error');
    expect(result.updated).toMatchObject({
      cFiTransactionId: '29ljhq5Apu1YfdtU3wN7yx',
      status: 'SentToPay',
      manualStatus: true,
    });
    expect(result.readBack.status).toBe('SentToPay');
    expect(result.readBack.statusChangeHistory?.at(-1)).toMatchObject({
      status: 'SentToPay',
      description: 'Set to SentToPay',
      initiatorType: 'user',
    });
    expect(result.listed).toBe(25);
  });
});
