import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ERROR_CODES } from '../../src/core/errors.ts';
import { killAllServers, runCli, signIn, startServer, tempDir } from './cli.util.ts';

const PASSWORD = 'correct horse battery';

void describe('tansiq CLI: usage', () => {
  void it('--help lists every command', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Usage: tansiq <command>/);
    for (const name of ['start', 'serve', 'demo', 'user add', 'user list', 'user disable', 'db migrate', 'audit verify', 'geo import']) assert.ok(r.stdout.includes(`  ${name} `), `help lists ${name}`);
  });

  void it('<cmd> --help shows the options of the command', async () => {
    const r = await runCli(['user', 'add', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Usage: tansiq user add --username U/);
    assert.match(r.stdout, /--password-stdin/);
    const group = await runCli(['user', '--help']);
    assert.equal(group.code, 0);
    assert.match(group.stdout, /user disable/);
  });

  void it('an unknown command or option prints usage and exits 2, without a stack trace', async () => {
    const cmd = await runCli(['frobnicate']);
    assert.equal(cmd.code, 2);
    assert.match(cmd.stderr, /^error: unknown command: frobnicate\n/);
    assert.match(cmd.stderr, /Usage: tansiq <command>/);
    const opt = await runCli(['db', 'migrate', '--bogus']);
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /^error: unknown option --bogus\n/);
    assert.match(opt.stderr, /Usage: tansiq db migrate/);
    const none = await runCli([]);
    assert.equal(none.code, 2);
    for (const r of [cmd, opt, none]) assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  void it('an invalid setting from the environment exits 2 naming the variable', async () => {
    const r = await runCli(['serve'], { env: { PORT: 'eighty' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: PORT must be a port number from 0 to 65535, got "eighty"/);
  });
});

void describe('tansiq CLI: database, users and audit (SQLite)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  before(async () => {
    dir = await tempDir('cli');
    dataDir = join(dir.path, 'data');
  });
  after(async () => {
    await dir.remove();
  });

  const addUser = (username: string, extra: string[] = [], input = `${PASSWORD}\n`) =>
    runCli(['user', 'add', '--data-dir', dataDir, '--username', username, '--party', 'peshmerga', '--role', 'watch', '--password-stdin', ...extra], { input });

  void it('db migrate creates the database and is safe to repeat', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['db', 'migrate', '--data-dir', dataDir]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /database schema up to date \(SQLite in /);
    }
  });

  void it('user add reads the password from stdin; user list shows the account', async () => {
    const r = await addUser('pesh-watch-1', ['--role', 'analyst']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /user pesh-watch-1 added \(peshmerga; watch, analyst\)/);
    // Options may also come before the command.
    const list = await runCli(['--data-dir', dataDir, 'user', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^USERNAME\s+PARTY\s+ROLES\s+JCCS\s+DISABLED/);
    assert.match(list.stdout, /pesh-watch-1\s+peshmerga\s+watch,analyst\s+-\s+no/);
  });

  void it('a taken username exits with the CONFLICT code', async () => {
    const r = await addUser('pesh-watch-1');
    assert.equal(r.code, ERROR_CODES.CONFLICT.exit);
    assert.match(r.stderr, /^error: the username pesh-watch-1 is taken/);
  });

  void it('bad account input exits 2 naming the field; no password and no terminal is an error too', async () => {
    const short = await addUser('pesh-short', [], 'short\n');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /password/);
    const party = await runCli(['user', 'add', '--data-dir', dataDir, '--username', 'x-user', '--party', 'kdp', '--role', 'watch', '--password-stdin'], { input: PASSWORD });
    assert.equal(party.code, 2);
    assert.match(party.stderr, /party/);
    const noTty = await runCli(['user', 'add', '--data-dir', dataDir, '--username', 'x-user', '--party', 'federal', '--role', 'watch']);
    assert.equal(noTty.code, 2);
    assert.match(noTty.stderr, /--password-stdin/);
  });

  void it('user disable marks the account disabled; an unknown user is NOT_FOUND', async () => {
    assert.equal((await addUser('pesh-leaver')).code, 0);
    const r = await runCli(['user', 'disable', 'pesh-leaver', '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    const list = await runCli(['user', 'list', '--data-dir', dataDir]);
    assert.match(list.stdout, /pesh-leaver\s+peshmerga\s+watch\s+-\s+yes/);
    const missing = await runCli(['user', 'disable', 'nobody-here', '--data-dir', dataDir]);
    assert.equal(missing.code, ERROR_CODES.NOT_FOUND.exit);
  });

  void it('refuses to use the database as the other party\'s site', async () => {
    const r = await runCli(['user', 'list', '--data-dir', dataDir, '--site-party', 'federal']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /belongs to the peshmerga site/);
  });

  void it('audit verify passes on an untouched chain', async () => {
    const r = await runCli(['audit', 'verify', '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    const m = /^audit chain OK: (\d+) entries$/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[1]) >= 3, 'user add, add, disable are audited');
  });

  void it('audit verify names the entry altered directly in the database file', async () => {
    const db = new Database(join(dataDir, 'tansiq.sqlite'));
    try {
      const changed = db.prepare(`update audit set detail = '{"username":"someone-else"}' where seq = 2`).run();
      assert.equal(changed.changes, 1);
    } finally {
      db.close();
    }
    const r = await runCli(['audit', 'verify', '--data-dir', dataDir]);
    assert.equal(r.code, ERROR_CODES.INTEGRITY.exit);
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /^audit chain BROKEN at entry 2: .*altered/m);
  });
});

const feature = (props: Record<string, unknown>, west: number, south: number) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [[[west, south], [west + 1, south], [west + 1, south + 1], [west, south + 1], [west, south]]] },
});

void describe('tansiq CLI: geo import', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  before(async () => {
    dir = await tempDir('geo');
    dataDir = join(dir.path, 'data');
  });
  after(async () => {
    await dir.remove();
  });

  void it('imports a COD-AB boundary file and prints a summary', async () => {
    const file = join(dir.path, 'irq_adm1.geojson');
    await writeFile(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ ADM1_PCODE: 'IQG10', ADM1_EN: 'Erbil', ADM1_AR: 'أربيل', ADM0_PCODE: 'IQ', ADM0_EN: 'Iraq' }, 43.5, 35.8),
        feature({ ADM1_PCODE: 'IQG13', ADM1_EN: 'Kirkuk', ADM1_AR: 'كركوك', ADM0_PCODE: 'IQ', ADM0_EN: 'Iraq' }, 43.6, 34.8),
      ],
    }));
    const r = await runCli(['geo', 'import', file, '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^imported 2 admin areas \(cod-ab\) from irq_adm1\.geojson in \d+s: 1 batch, each committed whole/);
    // Importing again updates the same P-codes instead of failing.
    const again = await runCli(['geo', 'import', file, '--level', '1', '--data-dir', dataDir]);
    assert.equal(again.code, 0, again.stderr);
  });

  void it('imports a GeoJSON gazetteer of points', async () => {
    const file = join(dir.path, 'places.geojson');
    await writeFile(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name_en: 'Khidirjija', name_ar: 'خضر جيجة', adm1_pcode: 'IQG10' }, geometry: { type: 'Point', coordinates: [43.62, 35.93] } },
      ],
    }));
    const r = await runCli(['geo', 'import', file, '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^imported 1 place \(gazetteer\)/);
  });

  void it('a file that is not JSON: exit 2, a clear message, nothing written', async () => {
    const file = join(dir.path, 'broken.geojson');
    await writeFile(file, '{"type": "FeatureCollection", "features": [ {"type": "Feature",');
    const r = await runCli(['geo', 'import', file, '--data-dir', dataDir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error: .*broken\.geojson: not valid JSON/);
    assert.match(r.stderr, /import failed: nothing was written/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  void it('a bad feature: exit 2 naming the feature; the valid ones before it are not written', async () => {
    const file = join(dir.path, 'bad-pcode.geojson');
    await writeFile(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ ADM1_PCODE: 'IQG15', ADM1_EN: 'Nineveh' }, 42, 36), feature({ ADM1_PCODE: 'not a pcode!', ADM1_EN: 'Bad' }, 44, 34)],
    }));
    const r = await runCli(['geo', 'import', file, '--data-dir', dataDir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /features\[1\]/);
    assert.match(r.stderr, /import failed: nothing was written/);
  });

  void it('a GeoNames dump that breaks part way keeps only the whole batches before the bad line', async () => {
    const line = (id: number, lat: string) => [id, 'Kirkuk', 'Kirkuk', '', lat, '44.39222', 'P', 'PPLA', 'IQ', '', '13', '', '', '', '601433', '', '350', 'Asia/Baghdad', '2024-01-01'].join('\t');
    const file = join(dir.path, 'IQ.txt');
    await writeFile(file, `${line(9000001, '35.46806')}\n${line(9000002, '35,80')}\n${line(9000003, '35.5')}\n`);
    const r = await runCli(['geo', 'import', file, '--batch-size', '1', '--data-dir', dataDir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /import failed: 1 place in 1 whole batch had been committed before the error/);
    assert.match(r.stderr, /^error: .*IQ\.txt: line 2: latitude/m);
  });

  void it('a missing file is NOT_FOUND; a bad --level is a usage error', async () => {
    const missing = await runCli(['geo', 'import', join(dir.path, 'nope.geojson'), '--data-dir', dataDir]);
    assert.equal(missing.code, ERROR_CODES.NOT_FOUND.exit);
    assert.match(missing.stderr, /^error: file .*nope\.geojson not found$/m);
    const level = await runCli(['geo', 'import', join(dir.path, 'irq_adm1.geojson'), '--level', 'seven', '--data-dir', dataDir]);
    assert.equal(level.code, 2);
    assert.match(level.stderr, /--level must be a whole number from 0 to 3/);
  });

  void it('the audit chain records the imports and still verifies', async () => {
    const r = await runCli(['audit', 'verify', '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    // Two boundary imports, one gazetteer, one committed GeoNames batch: the failed files left nothing.
    assert.match(r.stdout, /audit chain OK: 4 entries/);
  });
});

void describe('tansiq CLI: start and demo', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  before(async () => {
    dir = await tempDir('start');
    dataDir = join(dir.path, 'data');
  });
  after(async () => {
    killAllServers();
    await dir.remove();
  });

  void it('start loads the demo once, prints the generated password once, and serves', { timeout: 300_000 }, async () => {
    const first = await startServer(['--data-dir', dataDir, '--no-geo'], {}, { command: 'start', timeoutMs: 240_000 });
    const { stdout } = first.output();
    assert.match(stdout, /Demo logins:\nUSERNAME\s+PARTY\s+ROLE\n/);
    assert.match(stdout, /peshmerga-watch\s+peshmerga\s+watch/);
    assert.match(stdout, /federal-admin\s+federal\s+admin/);
    assert.match(stdout, /not stored anywhere.*TANSIQ_DEMO_PASSWORD/);
    const password = /Password of every demo account: (\S{16})\n/.exec(stdout)?.[1];
    assert.ok(password, stdout);
    await signIn(first.baseUrl, 'federal-watch', password);
    assert.equal((await first.stop('SIGTERM')).code, 0);

    const again = await startServer(['--data-dir', dataDir], {}, { command: 'start' });
    assert.doesNotMatch(again.output().stdout, /Demo logins|Password/);
    assert.equal((await again.stop('SIGINT')).code, 0);
  });

  void it('demo refuses a database that already has accounts', async () => {
    const r = await runCli(['demo', '--no-geo', '--data-dir', dataDir]);
    assert.equal(r.code, ERROR_CODES.CONFLICT.exit);
    assert.match(r.stderr, /^error: this database already has 12 user account\(s\).*use a fresh data directory/);
  });
});
