import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('blocks a username after its failures, for the rest of the window only', () => {
    const t = new LoginThrottle(3, 100, 60_000);
    for (let i = 0; i < 3; i++) t.fail('Alice', '10.0.0.1', 1_000 * i);
    assert.equal(t.retryAfter('alice', '10.0.0.2', 3_000), 57, 'any address, any letter case');
    assert.equal(t.retryAfter('alice', '10.0.0.2', 60_001), 0);
  });

  it('blocks an address that tries many usernames', () => {
    const t = new LoginThrottle(100, 4, 60_000);
    for (let i = 0; i < 4; i++) t.fail(`user${i}`, '10.0.0.9', 0);
    assert.ok(t.retryAfter('someone-else', '10.0.0.9', 10) > 0);
    assert.equal(t.retryAfter('someone-else', '10.0.0.8', 10), 0);
  });

  it('forgets a username’s failures after a successful sign-in', () => {
    const t = new LoginThrottle(2, 100, 60_000);
    t.fail('bob', 'a', 0);
    t.succeed('bob');
    t.fail('bob', 'a', 1);
    assert.equal(t.retryAfter('bob', 'b', 2), 0);
  });
});
