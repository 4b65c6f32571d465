import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('takes the address added by the nearest hop (the rightmost X-Forwarded-For entry)', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:192.0.2.4' }))).toBe('192.0.2.4');
  });

  it('falls back to X-Real-IP and refuses anything that is not an IP address', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'not-an-ip' }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
