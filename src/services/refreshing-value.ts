/**
 * A value loaded from the store and kept in memory: reloaded after `ttlMs`, or at once after
 * `invalidate()` (which this process's own writes call). Concurrent readers share one load.
 * Writes made by another process (the CLI, a second instance) are seen within `ttlMs`.
 */
export class RefreshingValue<T> {
  #value: T | undefined;
  #loadedAtMs = -Infinity;
  #generation = 0;
  #loading: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.#value !== undefined && this.clock() - this.#loadedAtMs < this.ttlMs) return Promise.resolve(this.#value);
    this.#loading ??= this.#reload();
    return this.#loading;
  }

  invalidate(): void {
    this.#generation++;
    this.#value = undefined;
  }

  async #reload(): Promise<T> {
    const generation = this.#generation;
    const startedMs = this.clock();
    try {
      const value = await this.load();
      // A write that landed during the load may not be in it: keep it only if none did.
      if (generation === this.#generation) {
        this.#value = value;
        this.#loadedAtMs = startedMs;
      }
      return value;
    } finally {
      this.#loading = undefined;
    }
  }
}
