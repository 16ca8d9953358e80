export type ConnectionVerdict = { ok: true } | { ok: false; reason: 'rate' | 'concurrent' };

interface Bucket {
  tokens: number;
  updatedAt: number;
  open: number;
}

/**
 * Per-IP limits on sync connections: how many may be open at once and how fast new ones may
 * arrive (token bucket refilled at `perMinute` per minute, holding at most `perMinute`).
 */
export class ConnectionLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly maxOpen: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  tryOpen(ip: string): ConnectionVerdict {
    const now = this.now();
    const bucket = this.buckets.get(ip) ?? { tokens: this.perMinute, updatedAt: now, open: 0 };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updatedAt) / 60_000) * this.perMinute);
    bucket.updatedAt = now;
    this.buckets.set(ip, bucket);
    if (bucket.open >= this.maxOpen) return { ok: false, reason: 'concurrent' };
    if (bucket.tokens < 1) return { ok: false, reason: 'rate' };
    bucket.tokens -= 1;
    bucket.open += 1;
    return { ok: true };
  }

  closed(ip: string): void {
    const bucket = this.buckets.get(ip);
    if (!bucket) return;
    bucket.open = Math.max(0, bucket.open - 1);
    // forget idle addresses whose bucket is full again, so the map does not grow without bound
    if (bucket.open === 0 && bucket.tokens + ((this.now() - bucket.updatedAt) / 60_000) * this.perMinute >= this.perMinute) {
      this.buckets.delete(ip);
    }
  }

  get trackedAddresses(): number {
    return this.buckets.size;
  }
}
