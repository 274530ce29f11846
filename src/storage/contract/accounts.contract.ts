import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiTokenRow, SessionRow, Store, UserRow } from '../ports.ts';
import { JCC, T, withStore } from './fixtures.ts';

const code = (c: string) => (e: unknown): boolean => (e as { code?: string }).code === c;

const user = (id: string, username: string, over: Partial<UserRow> = {}): UserRow => ({
  id,
  username,
  party: 'federal',
  roles: ['watch', 'analyst'],
  jccIds: [JCC[1]],
  passwordHash: `scrypt$${username}`,
  disabled: false,
  createdAt: T('2024-01-01T00:00:00Z'),
  updatedAt: T('2024-01-01T00:00:00Z'),
  ...over,
});

export function accountsContract(open: () => Promise<Store>): void {
  describe('users, sessions, API tokens', () => {
    const store = withStore(open);
    const u1 = user('u-1', 'karim.h');
    const u2 = user('u-2', 'shilan.a', { party: 'peshmerga', roles: ['admin'], jccIds: [], disabled: true });

    it('creates, finds, lists and updates users', async () => {
      await store().write(async (tx) => {
        await tx.insertUser(u1);
        await tx.insertUser(u2);
      });
      assert.deepEqual(await store().getUserById('u-1'), u1);
      assert.deepEqual(await store().getUserByName('shilan.a'), u2);
      assert.equal(await store().getUserByName('nobody'), undefined);
      assert.deepEqual(await store().listUsers(), [u1, u2]);

      const changed = { ...u1, roles: ['commander' as const], jccIds: [JCC[0], JCC[3]], disabled: true, updatedAt: T('2024-02-01T00:00:00Z') };
      await store().write((tx) => tx.updateUser(changed));
      assert.deepEqual(await store().getUserById('u-1'), changed);
    });

    it('refuses duplicate ids or usernames with CONFLICT, and updates of missing users with NOT_FOUND', async () => {
      await assert.rejects(store().write((tx) => tx.insertUser(user('u-3', 'karim.h'))), code('CONFLICT'));
      await assert.rejects(store().write((tx) => tx.insertUser(user('u-1', 'someone.else'))), code('CONFLICT'));
      await assert.rejects(store().write((tx) => tx.updateUser({ ...u2, username: 'karim.h' })), code('CONFLICT'));
      await assert.rejects(store().write((tx) => tx.updateUser(user('u-9', 'ghost'))), code('NOT_FOUND'));
      assert.equal(await store().getUserById('u-3'), undefined);
      assert.equal((await store().listUsers()).length, 2);
    });

    it('stores and deletes sessions', async () => {
      const s = (h: string, userId: string): SessionRow => ({ tokenHash: h, userId, createdAt: T('2024-01-02T00:00:00Z'), expiresAt: T('2024-01-03T00:00:00Z'), ip: h === 'h3' ? null : '10.1.1.1' });
      await store().write(async (tx) => {
        for (const x of [s('h1', 'u-1'), s('h2', 'u-1'), s('h3', 'u-2')]) await tx.insertSession(x);
      });
      assert.deepEqual(await store().getSession('h3'), s('h3', 'u-2'));
      await assert.rejects(store().write((tx) => tx.insertSession(s('h1', 'u-2'))), code('CONFLICT'));
      await store().write((tx) => tx.deleteSession('h3'));
      assert.equal(await store().getSession('h3'), undefined);
      await store().write((tx) => tx.deleteSessionsOfUser('u-1'));
      assert.equal(await store().getSession('h1'), undefined);
      assert.equal(await store().getSession('h2'), undefined);
      await store().write((tx) => tx.deleteSession('never-existed'));
    });

    it('stores, lists and revokes API tokens; a second revocation keeps the first time', async () => {
      const tok = (id: string, hash: string, at: string): ApiTokenRow => ({ id, userId: 'u-2', name: `cot feed ${id}`, tokenHash: hash, createdAt: at, revokedAt: null });
      const t1 = tok('t-1', 'th-1', T('2024-01-05T00:00:00Z'));
      const t2 = tok('t-2', 'th-2', T('2024-01-04T00:00:00Z'));
      await store().write(async (tx) => {
        await tx.insertApiToken(t1);
        await tx.insertApiToken(t2);
      });
      assert.deepEqual(await store().getApiTokenByHash('th-1'), t1);
      assert.deepEqual(await store().listApiTokens('u-2'), [t2, t1]);
      assert.deepEqual(await store().listApiTokens('u-1'), []);
      await assert.rejects(store().write((tx) => tx.insertApiToken(tok('t-3', 'th-1', t1.createdAt))), code('CONFLICT'));

      await store().write((tx) => tx.revokeApiToken('t-1', T('2024-02-01T00:00:00Z')));
      await store().write((tx) => tx.revokeApiToken('t-1', T('2024-03-01T00:00:00Z')));
      assert.equal((await store().getApiTokenByHash('th-1'))?.revokedAt, T('2024-02-01T00:00:00Z'));
      await assert.rejects(store().write((tx) => tx.revokeApiToken('t-404', T('2024-02-01T00:00:00Z'))), code('NOT_FOUND'));
    });
  });
}
