/**
 * Failed-login throttle: a username (from any address) and an address (for any username) each get
 * a budget of failures per window. In memory, per process: with several instances behind a load
 * balancer each keeps its own count, which still bounds guessing to a small multiple.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerUser = 5,
    private readonly maxPerIp = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed now. */
  retryAfter(username: string, ip: string, nowMs: number): number {
    const waits = [this.wait(`u:${username.toLowerCase()}`, this.maxPerUser, nowMs), this.wait(`ip:${ip}`, this.maxPerIp, nowMs)];
    return Math.max(...waits);
  }

  fail(username: string, ip: string, nowMs: number): void {
    for (const key of [`u:${username.toLowerCase()}`, `ip:${ip}`]) {
      const list = this.recent(key, nowMs);
      list.push(nowMs);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune(nowMs);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private wait(key: string, max: number, nowMs: number): number {
    const list = this.recent(key, nowMs);
    if (list.length < max) return 0;
    const oldest = list[list.length - max] ?? nowMs;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key, nowMs).length === 0) this.failures.delete(key);
    }
  }
}
