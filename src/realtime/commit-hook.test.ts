import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/sqlite.store.ts';
import { notifyingCommits } from './commit-hook.ts';

describe('notifyingCommits', () => {
  it('calls back after a commit, not after a rollback, and passes every other call through', async () => {
    const raw = openSqliteStore({ path: ':memory:' });
    await raw.migrate();
    let commits = 0;
    const store = notifyingCommits(raw, () => commits++);
    assert.equal(store.backend, 'sqlite');
    await store.write(async (tx) => tx.appendAudit({ at: '2025-03-01T08:00:00.000Z', actorId: null, actorName: null, action: 'test', targetType: null, targetId: null, version: null, ip: null, detail: {} }));
    assert.equal(commits, 1);
    await assert.rejects(store.write(async () => { throw new Error('roll back'); }), /roll back/);
    assert.equal(commits, 1);
    assert.equal((await store.listAudit(0, 10)).length, 1);
    await store.close();
  });
});
