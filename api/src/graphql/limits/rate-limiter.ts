/**
 * A token bucket per principal (a staff user, an API key, or a client address), as GitHub and
 * Shopify meter their GraphQL APIs: the bucket holds at most `capacity` points and refills at
 * `pointsPerMinute`; every operation spends its cost. State lives in this process's memory: each
 * API process meters on its own, so N processes behind a load balancer allow N times the budget.
 */
/** 1,000 points a second: the console's busiest page costs about 1,000 (README "Limits and hardening"). */
export const DEFAULT_RATE_LIMIT_POINTS_PER_MINUTE = 60_000;

export interface RateLimitSettings {
  /** Refill rate; 0 turns rate limiting off. */
  pointsPerMinute: number;
  /** The most a bucket holds (a burst); default: one minute of refill. */
  capacity?: number;
  /** Clock in milliseconds (tests pass their own). */
  now?: () => number;
}

export interface BucketState {
  capacity: number;
  pointsPerMinute: number;
  /** Points left after this operation (or now, when refused). */
  remaining: number;
  /** When the bucket is full again if nothing more is spent. */
  resetAt: Date;
}

export type Spend = ({ allowed: true } | { allowed: false; retryAfterSeconds: number }) & BucketState;

interface Bucket {
  points: number;
  updatedAt: number;
}

/** Buckets untouched this long are full again and can be forgotten. */
const SWEEP_EVERY = 1_000;

export class RateLimiter {
  readonly capacity: number;
  readonly pointsPerMinute: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();
  private spends = 0;

  constructor(settings: RateLimitSettings) {
    this.pointsPerMinute = settings.pointsPerMinute;
    this.capacity = settings.capacity ?? settings.pointsPerMinute;
    this.now = settings.now ?? Date.now;
    if (!(this.pointsPerMinute > 0) || !(this.capacity > 0)) throw new Error('A rate limiter needs a positive refill rate and capacity');
  }

  private refilled(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.capacity;
    return Math.min(this.capacity, bucket.points + ((now - bucket.updatedAt) * this.pointsPerMinute) / 60_000);
  }

  private state(points: number, now: number): BucketState {
    const msToFull = ((this.capacity - points) * 60_000) / this.pointsPerMinute;
    return { capacity: this.capacity, pointsPerMinute: this.pointsPerMinute, remaining: Math.floor(points), resetAt: new Date(now + Math.ceil(msToFull)) };
  }

  /** Spends `cost` points of `principal`'s bucket, or refuses (spending nothing) when it holds fewer. */
  spend(principal: string, cost: number): Spend {
    const now = this.now();
    if (++this.spends % SWEEP_EVERY === 0) this.sweep(now);
    const points = this.refilled(this.buckets.get(principal), now);
    if (points < cost) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((cost - points) * 60) / this.pointsPerMinute));
      return { allowed: false, retryAfterSeconds, ...this.state(points, now) };
    }
    this.buckets.set(principal, { points: points - cost, updatedAt: now });
    return { allowed: true, ...this.state(points - cost, now) };
  }

  private sweep(now: number): void {
    for (const [principal, bucket] of this.buckets) {
      if (this.refilled(bucket, now) >= this.capacity) this.buckets.delete(principal);
    }
  }
}
