import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const h1 = await hashPassword('قرەچووغ-2021-secret');
    const h2 = await hashPassword('قرەچووغ-2021-secret');
    assert.notEqual(h1, h2);
    assert.match(h1, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('قرەچووغ-2021-secret', h1), true);
    assert.equal(await verifyPassword('قرەچووغ-2021-Secret', h1), false);
  });

  it('never accepts anything against the dummy hash or a malformed one', async () => {
    assert.equal(await verifyPassword('', DUMMY_HASH), false);
    assert.equal(await verifyPassword('x', 'plain-text'), false);
  });
});
