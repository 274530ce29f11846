import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PdfRenderer } from './pdf.ts';

const renderer = new PdfRenderer();
const PAGE = '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>t</title><p>تقرير الموقف</p></html>';
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tansiq-pdf-test-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('without chromium the PDF is UNAVAILABLE, with a message saying what to install', async () => {
  const missing = new PdfRenderer({ executable: join(tmpdir(), 'no-such-chromium') });
  assert.equal(missing.available(), false);
  await assert.rejects(missing.pdf(PAGE), (e: Error & { code?: string }) => e.code === 'UNAVAILABLE' && /chromium/.test(e.message));
});

test('a browser that hangs is stopped at the time limit', async () => {
  const hang = join(dir, 'hang.sh');
  await writeFile(hang, '#!/bin/sh\nsleep 30\n');
  await chmod(hang, 0o755);
  await assert.rejects(new PdfRenderer({ executable: hang, timeoutMs: 300 }).pdf(PAGE), { code: 'UNAVAILABLE', message: /did not finish/ });
});

test('a browser that fails says so', async () => {
  const fail = join(dir, 'fail.sh');
  await writeFile(fail, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
  await chmod(fail, 0o755);
  await assert.rejects(new PdfRenderer({ executable: fail }).pdf(PAGE), { code: 'UNAVAILABLE', message: /exit 3.*cannot open display/ });
});

test('chromium prints a PDF', { skip: renderer.available() ? false : `no chromium at ${renderer.executable}: PDF not tested` }, async () => {
  const pdf = await renderer.pdf(PAGE);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
});
