import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../core/model/common.ts';
import { CredentialCache } from './credential-cache.ts';

const p: Principal = { userId: 'u1', username: 'peshmerga-watch', party: 'peshmerga', roles: ['watch'], jccIds: [] };

describe('CredentialCache', () => {
  it('answers within its time to live and not after', () => {
    const c = new CredentialCache(5_000);
    c.set('h', p, { generation: c.generation, nowMs: 1_000 });
    assert.equal(c.get('h', 5_999), p);
    assert.equal(c.get('h', 6_000), undefined);
  });

  it('never outlives the session it caches', () => {
    const c = new CredentialCache(5_000);
    c.set('h', p, { generation: c.generation, nowMs: 1_000, expiresMs: 2_000 });
    assert.equal(c.get('h', 1_999), p);
    assert.equal(c.get('h', 2_000), undefined);
  });

  it('drops what was read before a clear, so a change that committed meanwhile wins', () => {
    const c = new CredentialCache(5_000);
    const generation = c.generation;
    c.clear();
    c.set('h', p, { generation, nowMs: 0 });
    assert.equal(c.get('h', 1), undefined);
  });

  it('forgets everything on clear and stays bounded', () => {
    const c = new CredentialCache(5_000, 2);
    for (const h of ['a', 'b', 'c']) c.set(h, p, { generation: c.generation, nowMs: 0 });
    assert.equal(c.get('a', 1), undefined, 'the oldest entry made room');
    assert.equal(c.get('c', 1), p);
    c.clear();
    assert.equal(c.get('b', 1), undefined);
    assert.equal(c.get('c', 1), undefined);
  });
});
