import { describe, expect, it } from 'vitest';
import { PathSegmentError } from '../input/path-segment.js';
import { fillPath } from './fill-path.js';

describe('fillPath', () => {
  it('fills every placeholder, percent-encoded, and reports the names it used', () => {
    const filled = fillPath('/orders/{orderId}/items/{itemId}', { orderId: 'a/b c', itemId: 7, note: 'x' });
    expect(filled.path).toBe('/orders/a%2Fb%20c/items/7');
    expect([...filled.used]).toEqual(['orderId', 'itemId']);
  });

  it('leaves a template without placeholders alone', () => {
    expect(fillPath('/payments/orders', { orderId: '..' })).toEqual({
      path: '/payments/orders',
      used: new Set(),
    });
  });

  it.each([
    ['..', 'orderId: must not be "." or ".." (it would change the route)'],
    ['.', 'orderId: must not be "." or ".." (it would change the route)'],
    ['%2e%2e', 'orderId: must not be "." or ".." even percent-encoded (it would change the route)'],
    [
      '../record-payment',
      'orderId: must not hold a "." or ".." segment between slashes (it could change the route)',
    ],
    ['a\r\nb', 'orderId: must not contain control characters'],
    ['', 'orderId: must not be empty'],
    [undefined, 'orderId: is required'],
    [null, 'orderId: is required'],
    [{}, 'orderId: must be a string (got object)'],
  ])('refuses %j, naming the field and the reason', (value, message) => {
    expect(() => fillPath('/payments/orders/{orderId}/record-payment', { orderId: value })).toThrow(
      new PathSegmentError('orderId', message.slice('orderId: '.length)),
    );
    expect(() => fillPath('/payments/orders/{orderId}/record-payment', { orderId: value })).toThrow(message);
  });

  it('reads own fields only: an inherited value never fills a path', () => {
    const input = Object.create({ id: 'inherited' }) as Record<string, unknown>;
    expect(() => fillPath('/charges/{id}', input)).toThrow('id: is required');
    expect(() => fillPath('/charges/{id}', undefined)).toThrow('id: is required');
  });
});
