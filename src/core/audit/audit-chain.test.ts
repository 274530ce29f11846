import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditEntryHash, GENESIS_HASH, verifyChain, type ChainedEntry } from './audit-chain.ts';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, at: `2021-12-0${(seq % 9) + 1}T00:00:00.000Z`, actorId: 'u1', actorName: 'peshmerga-watch', action: 'incident.create', targetType: 'incident', targetId: `id-${seq}`, version: 1, ip: '127.0.0.1', detail: { n: seq }, prevHash };
    const hash = auditEntryHash(body);
    out.push({ ...body, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an intact chain, also page by page', () => {
    const c = chain(10);
    assert.deepEqual(verifyChain(c), { ok: true, count: 10, lastHash: c[9]!.hash });
    const first = verifyChain(c.slice(0, 4));
    assert.ok(first.ok);
    assert.deepEqual(verifyChain(c.slice(4), { seq: 4, hash: c[3]!.hash }), { ok: true, count: 6, lastHash: c[9]!.hash });
  });

  it('names the first altered, missing or re-linked entry', () => {
    const altered = chain(6);
    altered[3] = { ...altered[3]!, detail: { n: 999 } };
    assert.deepEqual(verifyChain(altered), { ok: false, count: 3, brokenSeq: 4, reason: 'its content does not match its hash (it was altered)' });

    const missing = chain(6).filter((e) => e.seq !== 3);
    const r = verifyChain(missing);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenSeq, 4);

    const relinked = chain(6);
    const rehashed = { ...relinked[2]!, prevHash: GENESIS_HASH };
    relinked[2] = { ...rehashed, hash: auditEntryHash(rehashed) };
    const r2 = verifyChain(relinked);
    assert.equal(!r2.ok && r2.brokenSeq, 3);
  });
});
