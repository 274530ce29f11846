import type { Principal } from '../core/model/common.ts';

interface Entry {
  principal: Principal;
  /** When the credential itself ends (session expiry), epoch ms; Infinity for API tokens. */
  expiresMs: number;
  /** Until when this entry may be used without asking the store again, epoch ms. */
  freshUntilMs: number;
}

/**
 * Who a session cookie or API token belongs to, remembered for a few seconds: every request
 * would otherwise cost two reads (credential, then user) before any work starts. Sign-out,
 * revocation and account changes made through this process clear it once they commit; a change
 * made by another process (the CLI, a second instance) takes effect within `ttlMs`.
 */
export class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  constructor(
    readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, nowMs: number): Principal | undefined {
    const e = this.#entries.get(tokenHash);
    if (!e) return undefined;
    if (nowMs >= e.freshUntilMs || nowMs >= e.expiresMs) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return e.principal;
  }

  /** Taken before reading the store; `set` drops what was read before a `clear`. */
  get generation(): number {
    return this.#generation;
  }

  set(tokenHash: string, principal: Principal, readAt: { generation: number; nowMs: number; expiresMs?: number }): void {
    if (readAt.generation !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(tokenHash, { principal, expiresMs: readAt.expiresMs ?? Infinity, freshUntilMs: readAt.nowMs + this.ttlMs });
  }

  /** After any change to accounts, sessions or tokens: cheap, and changes are rare. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
