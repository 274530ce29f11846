import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  version: number | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** SHA-256 over the RFC 8785 form of every field but `hash`, so any edit to a stored entry shows. */
export function auditEntryHash(e: Omit<ChainedEntry, 'hash'>): string {
  const { seq, at, actorId, actorName, action, targetType, targetId, version, ip, detail, prevHash } = e;
  const body = canonicalJson({ seq, at, actorId, actorName, action, targetType, targetId, version, ip, detail, prevHash });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export type ChainCheck = { ok: true; count: number; lastHash: string } | { ok: false; count: number; brokenSeq: number; reason: string };

/**
 * Checks a run of entries that continues a chain ending in `prevHash` at `prevSeq`. Feed it the
 * chain page by page, carrying `lastHash` and the count forward.
 */
export function verifyChain(entries: readonly ChainedEntry[], prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainCheck {
  let { seq, hash } = prev;
  for (const e of entries) {
    if (e.seq !== seq + 1) return { ok: false, count: seq - prev.seq, brokenSeq: e.seq, reason: `expected entry ${seq + 1}, found ${e.seq} (an entry is missing)` };
    if (e.prevHash !== hash) return { ok: false, count: seq - prev.seq, brokenSeq: e.seq, reason: 'its previous-hash does not match the entry before it' };
    const { hash: stored, ...rest } = e;
    if (auditEntryHash(rest) !== stored) return { ok: false, count: seq - prev.seq, brokenSeq: e.seq, reason: 'its content does not match its hash (it was altered)' };
    seq = e.seq;
    hash = stored;
  }
  return { ok: true, count: seq - prev.seq, lastHash: hash };
}
