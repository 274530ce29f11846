import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TansiqError } from '../core/errors.ts';
import { DEFAULT_DATA_DIR, demoConfig, describeDatabase, redactUrl, serverConfig, storeConfig } from './config.ts';

const exitCodeOf = (fn: () => unknown): number => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TansiqError, `expected a TansiqError, got ${String(e)}`);
    return e.exitCode;
  }
  assert.fail('expected an error');
};

void describe('cli config', () => {
  void it('uses the defaults: port 8080, loopback, ./data, SQLite, peshmerga', () => {
    const s = storeConfig({}, {}, '/srv');
    assert.equal(s.dataDir, '/srv/data');
    assert.equal(DEFAULT_DATA_DIR, './data');
    assert.equal(s.databaseUrl, null);
    assert.equal(s.siteParty, 'peshmerga');
    assert.equal(s.sitePartySource, 'default');
    assert.deepEqual(serverConfig({}, {}), { port: 8080, host: '127.0.0.1', secureCookies: false, trustProxy: false });
  });

  void it('takes the environment over the defaults and flags over the environment', () => {
    const env = { PORT: '9000', HOST: '0.0.0.0', TANSIQ_DATA_DIR: 'envdata', TANSIQ_SITE_PARTY: 'federal', TANSIQ_SECURE_COOKIES: 'yes' };
    assert.deepEqual(serverConfig({}, env), { port: 9000, host: '0.0.0.0', secureCookies: true, trustProxy: false });
    assert.equal(serverConfig({ port: '9100' }, env).port, 9100);
    const s = storeConfig({ 'data-dir': '/abs' }, env, '/srv');
    assert.equal(s.dataDir, '/abs');
    assert.equal(s.siteParty, 'federal');
    assert.equal(s.sitePartySource, 'env');
    assert.equal(storeConfig({}, env, '/srv').dataDir, '/srv/envdata');
    assert.equal(storeConfig({ 'site-party': 'peshmerga' }, env, '/srv').sitePartySource, 'flag');
  });

  void it('treats an empty environment variable as unset', () => {
    assert.equal(serverConfig({}, { PORT: '' }).port, 8080);
    assert.equal(storeConfig({}, { DATABASE_URL: '' }, '/').databaseUrl, null);
  });

  void it('rejects bad values with exit code 2, naming flag or variable', () => {
    assert.equal(exitCodeOf(() => serverConfig({ port: 'http' }, {})), 2);
    assert.equal(exitCodeOf(() => serverConfig({}, { PORT: '70000' })), 2);
    assert.equal(exitCodeOf(() => serverConfig({ host: 'no spaces allowed' }, {})), 2);
    assert.equal(exitCodeOf(() => serverConfig({}, { TANSIQ_SECURE_COOKIES: 'maybe' })), 2);
    assert.equal(exitCodeOf(() => storeConfig({ 'site-party': 'kdp' }, {}, '/')), 2);
    assert.equal(exitCodeOf(() => storeConfig({}, { DATABASE_URL: 'mysql://x' }, '/')), 2);
    assert.throws(() => serverConfig({}, { PORT: 'x' }), /PORT must be a port number/);
    assert.throws(() => serverConfig({ port: 'x' }, {}), /--port must be a port number/);
  });

  void it('accepts port 0 (any free port) and IPv6 hosts', () => {
    assert.equal(serverConfig({ port: '0' }, {}).port, 0);
    assert.equal(serverConfig({ host: '::1' }, {}).host, '::1');
  });

  void it('checks the demo password and an explicit geodata directory', () => {
    assert.equal(exitCodeOf(() => demoConfig({}, { TANSIQ_DEMO_PASSWORD: 'short' }, '/')), 2);
    assert.equal(demoConfig({ 'no-geo': true }, { TANSIQ_DEMO_PASSWORD: 'long-enough-pw' }, '/').demoPassword, 'long-enough-pw');
    assert.equal(demoConfig({ 'no-geo': true }, {}, '/').geoDir, null);
    assert.equal(exitCodeOf(() => demoConfig({ 'geo-dir': '/no/such/dir' }, {}, '/')), 2);
    assert.equal(exitCodeOf(() => demoConfig({}, { TANSIQ_GEO_DIR: '/no/such/dir' }, '/')), 2);
  });

  void it('never prints a database password', () => {
    assert.equal(redactUrl('postgres://tansiq:s3cret@db:5432/tansiq'), 'postgres://tansiq:***@db:5432/tansiq');
    const s = storeConfig({ 'database-url': 'postgresql://u:pw@h/db' }, {}, '/');
    assert.doesNotMatch(describeDatabase(s), /pw@/);
  });
});
