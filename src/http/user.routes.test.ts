import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { makeTestEnv, TEST_BACKENDS, TEST_PASSWORD, type TestEnv } from '../../test/support/env.ts';
import { client, send, type Client } from '../../test/support/http.ts';

for (const backend of TEST_BACKENDS) {
  void describe(backend, () => {
    let env: TestEnv;
    let app: FastifyInstance;
    let pAdmin: Client;
    let fAdmin: Client;

    before(async () => {
      env = await makeTestEnv({ backend });
      app = await env.app();
      pAdmin = client(app, await env.login('peshmerga-admin'));
      fAdmin = client(app, await env.login('federal-admin'));
    });
    after(() => env.close());

    test('an administrator lists the accounts of their own party only, without password hashes', async () => {
      const r = await fAdmin.get('/api/users');
      assert.equal(r.status, 200, r.text);
      const names = r.json.items.map((u: { username: string }) => u.username);
      assert.ok(names.length >= 6);
      assert.ok(names.every((n: string) => n.startsWith('federal-')), names.join());
      assert.doesNotMatch(r.text, /passwordHash|scrypt/);
    });

    test('only administrators manage accounts', async () => {
      const commander = client(app, await env.login('federal-commander'));
      assert.equal((await commander.get('/api/users')).status, 403);
      const r = await commander.post('/api/users', { username: 'federal-new', password: TEST_PASSWORD, party: 'federal', roles: ['viewer'] });
      assert.equal(r.status, 403);
    });

    test('create an account, sign in with it, change its roles, disable it', async () => {
      const created = await fAdmin.post('/api/users', { username: 'federal-clerk', password: TEST_PASSWORD, party: 'federal', roles: ['viewer'], jccIds: [env.jccIds.MKH] });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(created.json.jccIds, [env.jccIds.MKH]);
      assert.equal('passwordHash' in created.json, false);
      assert.equal((await fAdmin.post('/api/users', { username: 'federal-clerk', password: TEST_PASSWORD, party: 'federal', roles: ['viewer'] })).status, 409);

      const signIn = await send(app, { method: 'POST', url: '/api/session', payload: { username: 'federal-clerk', password: TEST_PASSWORD } });
      assert.equal(signIn.status, 200);
      const cookie = String((signIn.headers['set-cookie'] as string[] | string)).split(';')[0] as string;

      const changed = await fAdmin.patch('/api/users/federal-clerk', { roles: ['watch'] });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.json.roles, ['watch']);

      const disabled = await fAdmin.patch('/api/users/federal-clerk', { disabled: true });
      assert.equal(disabled.json.disabled, true);
      assert.equal((await client(app, cookie).get('/api/session')).status, 401, 'signed out everywhere');
    });

    test("one party's administrator never touches the other party's accounts", async () => {
      const create = await pAdmin.post('/api/users', { username: 'federal-mole', password: TEST_PASSWORD, party: 'federal', roles: ['admin'] });
      assert.equal(create.status, 403);
      const change = await pAdmin.patch('/api/users/federal-commander', { disabled: true });
      const missing = await pAdmin.patch('/api/users/nobody-here', { disabled: true });
      assert.equal(change.status, 404);
      assert.equal(change.text, missing.text);
    });

    test('account input is validated', async () => {
      const weak = await fAdmin.post('/api/users', { username: 'federal-weak', password: 'short', party: 'federal', roles: ['viewer'] });
      assert.equal(weak.status, 400);
      assert.equal(weak.json.error.fields[0].path, 'password');
      assert.equal((await fAdmin.post('/api/users', { username: 'Bad Name', password: TEST_PASSWORD, party: 'federal', roles: ['viewer'] })).status, 400);
      assert.equal((await fAdmin.patch('/api/users/Bad%20Name', { disabled: true })).status, 400);
      assert.equal((await fAdmin.patch('/api/users/federal-viewer', { roles: ['emperor'] })).status, 400);
    });
  });
}
