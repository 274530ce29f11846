import { isAdmin } from '../core/access/access.ts';
import { verifyChain, GENESIS_HASH, type ChainCheck } from '../core/audit/audit-chain.ts';
import { forbidden } from '../core/errors.ts';
import type { Principal } from '../core/model/common.ts';
import type { AuditEntry, AuditInput } from '../storage/ports.ts';
import { isoNow, type RequestOrigin, type ServiceContext } from './context.ts';

/** An audit entry for an action that is not a record change (logins, user administration). */
export function auditOf(ctx: ServiceContext, actor: Pick<Principal, 'userId' | 'username'> | null, action: string, target: { type: string; id: string } | null, origin: RequestOrigin, detail: Record<string, unknown> = {}): AuditInput {
  return {
    at: isoNow(ctx),
    actorId: actor?.userId ?? null,
    actorName: actor?.username ?? null,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    version: null,
    ip: origin.ip ?? null,
    detail,
  };
}

const PAGE = 1000;

export class AuditService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The audit trail is for administrators only; it never leaves the site. */
  async list(p: Principal, afterSeq: number, limit: number): Promise<AuditEntry[]> {
    if (!isAdmin(p)) throw forbidden('only administrators read the audit trail');
    return this.ctx.store.listAudit(afterSeq, Math.min(Math.max(limit, 1), PAGE));
  }

  /**
   * Walks the whole chain; names the first entry that is missing, reordered or altered.
   * `p` null is the site operator at the console.
   */
  async verify(p: Principal | null, onProgress?: (checked: number) => void): Promise<ChainCheck> {
    if (p && !isAdmin(p)) throw forbidden('only administrators check the audit trail');
    let prev = { seq: 0, hash: GENESIS_HASH };
    let count = 0;
    for (;;) {
      const page = await this.ctx.store.listAudit(prev.seq, PAGE);
      const check = verifyChain(page, prev);
      if (!check.ok) return { ...check, count: count + check.count };
      count += check.count;
      onProgress?.(count);
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return { ok: true, count, lastHash: last?.hash ?? prev.hash };
      prev = { seq: last.seq, hash: last.hash };
    }
  }
}
