import { describe, expect, it } from 'vitest';
import { ConnectionLimiter } from '../../server/sync/ConnectionLimiter.ts';

describe('ConnectionLimiter', () => {
  it('refuses more open connections from one address than allowed, and frees a place on close', () => {
    const limiter = new ConnectionLimiter(2, 100);
    expect(limiter.tryOpen('a')).toEqual({ ok: true });
    expect(limiter.tryOpen('a')).toEqual({ ok: true });
    expect(limiter.tryOpen('a')).toEqual({ ok: false, reason: 'concurrent' });
    expect(limiter.tryOpen('b')).toEqual({ ok: true }); // other addresses are not affected
    limiter.closed('a');
    expect(limiter.tryOpen('a')).toEqual({ ok: true });
  });

  it('refuses connections arriving faster than the rate, then refills over time', () => {
    let now = 0;
    const limiter = new ConnectionLimiter(1000, 60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.tryOpen('a').ok).toBe(true);
    expect(limiter.tryOpen('a')).toEqual({ ok: false, reason: 'rate' });
    now += 5_000; // 5 s at 60/min = 5 new connections
    for (let i = 0; i < 5; i++) expect(limiter.tryOpen('a').ok).toBe(true);
    expect(limiter.tryOpen('a').ok).toBe(false);
  });

  it('forgets addresses that are idle and refilled', () => {
    let now = 0;
    const limiter = new ConnectionLimiter(10, 60, () => now);
    limiter.tryOpen('a');
    now += 60_000;
    limiter.closed('a');
    expect(limiter.trackedAddresses).toBe(0);
  });
});
