import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentInitiateProps, SetupInitiateProps } from './iframe-messages.js';
import { readHighLevelMessage } from './iframe-messages.js';
import { createPaymentIframe, type IframeMessageEvent, type PaymentIframeWindow } from './payment-iframe.js';

/** A fake iframe window: records what is posted to the parent and the order of calls. */
function fakeWindow() {
  const posted: { message: string; targetOrigin: string }[] = [];
  const order: string[] = [];
  const listeners = new Set<(event: IframeMessageEvent) => void>();
  const win: PaymentIframeWindow = {
    parent: {
      postMessage(message, targetOrigin) {
        order.push('post');
        posted.push({ message, targetOrigin });
      },
    },
    addEventListener(_type, listener) {
      order.push('listen');
      listeners.add(listener);
    },
    removeEventListener(_type, listener) {
      listeners.delete(listener);
    },
  };
  return {
    win,
    posted,
    order,
    listeners,
    /** What the parent received, parsed. */
    messages: () => posted.map((entry) => JSON.parse(entry.message) as Record<string, unknown>),
    /** HighLevel (or anyone) posting to the iframe. */
    deliver: (data: unknown) => {
      for (const listener of listeners) listener({ data });
    },
  };
}

const paymentProps = {
  type: 'payment_initiate_props',
  publishableKey: 'pk_test_1',
  amount: 100,
  currency: 'USD',
  mode: 'payment',
  orderId: 'ORDER_ID',
  transactionId: 'TRANSACTION_ID',
  locationId: 'LOCATION_ID',
  contact: { id: 'CONTACT_ID' },
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createPaymentIframe', () => {
  it('listens before it posts ready, as a JSON string to the parent with "*"', () => {
    const fake = fakeWindow();
    createPaymentIframe({ window: fake.win, onPaymentProps: () => undefined });
    expect(fake.order).toEqual(['listen', 'post']);
    expect(fake.posted).toEqual([
      {
        message: '{"type":"custom_provider_ready","loaded":true,"addCardOnFileSupported":false}',
        targetOrigin: '*',
      },
    ]);
  });

  it('re-posts ready every 500 ms until props arrive, then stops', () => {
    const fake = fakeWindow();
    const received: PaymentInitiateProps[] = [];
    createPaymentIframe({ window: fake.win, onPaymentProps: (props) => received.push(props) });
    vi.advanceTimersByTime(1_600);
    expect(fake.posted).toHaveLength(4);
    fake.deliver(paymentProps);
    vi.advanceTimersByTime(5_000);
    expect(fake.posted).toHaveLength(4);
    expect(received).toHaveLength(1);
  });

  it('accepts props as an object or a JSON string, normalising productDetails to an array', () => {
    const fromString = fakeWindow();
    const received: PaymentInitiateProps[] = [];
    createPaymentIframe({ window: fromString.win, onPaymentProps: (props) => received.push(props) });
    fromString.deliver(JSON.stringify({ ...paymentProps, productDetails: { productId: 'p', priceId: 'q' } }));
    const fromObject = fakeWindow();
    createPaymentIframe({ window: fromObject.win, onPaymentProps: (props) => received.push(props) });
    fromObject.deliver({ ...paymentProps, productDetails: [{ productId: 'p1' }, { productId: 'p2' }] });
    expect(received.map((props) => props.productDetails)).toEqual([
      [{ productId: 'p', priceId: 'q' }],
      [{ productId: 'p1' }, { productId: 'p2' }],
    ]);
    expect(received[0]).toMatchObject({ amount: 100, currency: 'USD', transactionId: 'TRANSACTION_ID' });
  });

  it('ignores foreign messages (extensions, other frames) and keeps asking for props', () => {
    const fake = fakeWindow();
    const received: unknown[] = [];
    createPaymentIframe({ window: fake.win, onPaymentProps: (props) => received.push(props) });
    for (const foreign of [
      'hello',
      '{not json',
      '[1,2]',
      null,
      42,
      { type: 'webpackOk' },
      { source: 'react-devtools-bridge', payload: {} },
      { type: 'payment_initiate_props', amount: '100', currency: 'USD' },
      { type: 'setup_initiate_props', contact: {} },
      JSON.stringify({ type: 'custom_provider_ready', loaded: true }),
    ]) {
      fake.deliver(foreign);
    }
    expect(received).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(fake.messages().filter((message) => message.type === 'custom_provider_ready')).toHaveLength(2);
    fake.deliver(paymentProps);
    expect(received).toHaveLength(1);
  });

  it('hands over only the first props message', () => {
    const fake = fakeWindow();
    const received: PaymentInitiateProps[] = [];
    const iframe = createPaymentIframe({ window: fake.win, onPaymentProps: (props) => received.push(props) });
    fake.deliver(paymentProps);
    fake.deliver({ ...paymentProps, amount: 5 });
    expect(received.map((props) => props.amount)).toEqual([100]);
    expect(iframe.props).toMatchObject({ type: 'payment_initiate_props', amount: 100 });
  });

  it('posts success with the chargeId, error with a description and close, all as JSON strings', () => {
    const fake = fakeWindow();
    const iframe = createPaymentIframe({ window: fake.win, onPaymentProps: () => undefined });
    fake.deliver(paymentProps);
    iframe.success('ch_123');
    iframe.error('Card declined');
    iframe.close();
    expect(fake.posted.slice(1)).toEqual([
      { message: '{"type":"custom_element_success_response","chargeId":"ch_123"}', targetOrigin: '*' },
      {
        message: '{"type":"custom_element_error_response","error":{"description":"Card declined"}}',
        targetOrigin: '*',
      },
      { message: '{"type":"custom_element_close_response"}', targetOrigin: '*' },
    ]);
    expect(() => iframe.success('')).toThrow(TypeError);
  });

  it('card on file: says so in ready, takes setup props, answers success with no fields', () => {
    const fake = fakeWindow();
    const setups: SetupInitiateProps[] = [];
    const iframe = createPaymentIframe({
      window: fake.win,
      addCardOnFileSupported: true,
      onPaymentProps: () => undefined,
      onSetupProps: (props) => setups.push(props),
    });
    expect(fake.messages()[0]).toEqual({
      type: 'custom_provider_ready',
      loaded: true,
      addCardOnFileSupported: true,
    });
    fake.deliver({
      type: 'setup_initiate_props',
      publishableKey: 'pk_test_1',
      currency: 'USD',
      mode: 'setup',
      contact: { id: 'CONTACT_ID' },
      locationId: 'LOCATION_ID',
    });
    expect(setups).toHaveLength(1);
    iframe.success();
    expect(fake.messages().at(-1)).toEqual({ type: 'custom_element_success_response' });
    expect(() =>
      createPaymentIframe({
        window: fakeWindow().win,
        addCardOnFileSupported: true,
        onPaymentProps: () => undefined,
      }),
    ).toThrow(/onSetupProps/);
  });

  it('ignores setup props when card on file is not offered; dispose stops everything', () => {
    const fake = fakeWindow();
    const iframe = createPaymentIframe({ window: fake.win, onPaymentProps: () => undefined });
    fake.deliver({
      type: 'setup_initiate_props',
      contact: { id: 'c' },
      publishableKey: 'pk',
      currency: 'USD',
    });
    expect(iframe.props).toBeUndefined();
    iframe.dispose();
    expect(fake.listeners.size).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(fake.posted).toHaveLength(1);
  });

  it('never puts more in a message than was passed (no keys, no props echoed)', () => {
    const fake = fakeWindow();
    const iframe = createPaymentIframe({ window: fake.win, onPaymentProps: () => undefined });
    fake.deliver(paymentProps);
    iframe.success('ch_1');
    expect(fake.posted.map((entry) => entry.message).join('\n')).not.toContain('pk_test_1');
  });

  it('needs a window outside the browser', () => {
    expect(() => createPaymentIframe({ onPaymentProps: () => undefined })).toThrow(/no window/);
  });
});

describe('readHighLevelMessage', () => {
  it('reads both props types and nothing else', () => {
    expect(readHighLevelMessage(paymentProps)?.type).toBe('payment_initiate_props');
    expect(readHighLevelMessage(` ${JSON.stringify(paymentProps)}`)?.type).toBe('payment_initiate_props');
    expect(readHighLevelMessage({ type: 'custom_element_close_response' })).toBeUndefined();
    expect(
      readHighLevelMessage(`{"type":"payment_initiate_props","pad":"${'x'.repeat(1_000_001)}"}`),
    ).toBeUndefined();
  });
});
