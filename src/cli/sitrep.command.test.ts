import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { parseCommandArgs } from './args.ts';
import { storeConfig } from './config.ts';
import type { CliIo } from './output.ts';
import { withRuntime } from './runtime.ts';
import { sitrepCommands } from './sitrep.command.ts';

const [sitrep] = sitrepCommands;
let dir: string;

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (s) => out.push(s) > 0 }, stderr: { write: (s) => err.push(s) > 0 }, stdin: Readable.from([]), env: {}, cwd: dir };
}

const run = async (argv: string[]) => {
  const streams = io();
  const args = parseCommandArgs([...argv, '--data-dir', dir], sitrep!.options, sitrep!.positionals ?? { min: 0, max: 0 }, 'usage');
  await sitrep!.run({ io: streams, args });
  return streams;
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tansiq-sitrep-cli-'));
  await withRuntime(storeConfig({ 'data-dir': dir }, {}, dir), io(), async ({ services }) => {
    await services.users.add(null, { username: 'federal-viewer', password: 'correct horse battery', party: 'federal', roles: ['viewer'], jccIds: [] });
  });
});
after(() => rm(dir, { recursive: true, force: true }));

test('tansiq sitrep writes the HTML report for the account given', async () => {
  const s = await run(['--as', 'federal-viewer', '--lang', 'ckb', '--hours', '168', '--until', '2021-12-05', '--out', 'week.html']);
  const html = await readFile(join(dir, 'week.html'), 'utf8');
  assert.match(html, /<html lang="ckb" dir="rtl">/);
  assert.match(html, /federal-viewer/);
  assert.match(s.err.join(''), /wrote week\.html: TLP:CLEAR, 0 incidents, 2021-11-28T00:00:00\.000Z/);
  const stdout = await run(['--as', 'federal-viewer']);
  assert.match(stdout.out.join(''), /^<!doctype html>/);
});

test('tansiq sitrep refuses bad input with the option named', async () => {
  const bad: [string[], string, string][] = [
    [[], 'VALIDATION', '--as is required'],
    [['--as', 'federal-viewer', '--lang', 'fr'], 'VALIDATION', '--lang'],
    [['--as', 'federal-viewer', '--hours', '0'], 'VALIDATION', '--hours'],
    [['--as', 'federal-viewer', '--until', 'tomorrow'], 'VALIDATION', '--until'],
    [['--as', 'federal-viewer', '--out', 'r.docx'], 'VALIDATION', '--out'],
    [['--as', 'federal-viewer', '--jcc', 'KRK'], 'NOT_FOUND', 'JCC "KRK"'],
    [['--as', 'nobody'], 'NOT_FOUND', 'user nobody'],
  ];
  for (const [argv, code, words] of bad) {
    await assert.rejects(run(argv), (e: Error & { code?: string }) => e.code === code && e.message.includes(words), argv.join(' '));
  }
});
