/** A token bucket per key: `burst` requests at once, refilled at `perMinute`. */
export interface RateLimitOptions {
  burst: number;
  perMinute: number;
  now?: () => number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** True when the request may go ahead (and is counted). */
  take(key: string): boolean {
    const now = this.#now();
    const { burst, perMinute } = this.options;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 1000) this.#forgetFull(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  #forgetFull(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) * this.options.perMinute) / 60_000 >= this.options.burst)
        this.#buckets.delete(key);
    }
  }
}
