import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { makeTestEnv, TEST_BACKENDS, type TestEnv } from '../../test/support/env.ts';
import { client, type Client } from '../../test/support/http.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import { DEFAULT_CHROMIUM } from '../services/pdf.ts';
import { HOSTILE, NOW, SECRET, seedFixture } from '../services/stats.test-fixture.ts';

const WEEK = `hours=168&until=${NOW}`;
const hasChromium = existsSync(process.env['TANSIQ_CHROMIUM'] ?? DEFAULT_CHROMIUM);

/** The text a reader sees, minus record text (isolated in <bdi> or by U+2068…U+2069) and TLP labels. */
function interfaceText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<bdi>[\s\S]*?<\/bdi>/g, '')
    .replace(/\u2068[^\u2069]*\u2069/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/TLP:[A-Z+]+/g, '');
}

for (const backend of TEST_BACKENDS) {
  void describe(`GET /api/sitrep (${backend})`, () => {
    let env: TestEnv;
    let fed: Client;
    let pes: Client;

    before(async () => {
      env = await makeTestEnv({ backend, now: '2021-12-05T06:00:00Z' });
      await seedFixture(env);
      const app = await env.app();
      fed = client(app, await env.login('federal-watch'));
      pes = client(app, await env.login('peshmerga-watch'));
    });
    after(() => env.close());

    test('HTML in each language: lang and direction, CSP, label header, no script', async () => {
      for (const [lang, dir] of [['ar', 'rtl'], ['ckb', 'rtl'], ['en', 'ltr']] as const) {
        const r = await fed.get(`/api/sitrep?jcc=all&lang=${lang}&${WEEK}`);
        assert.equal(r.status, 200, r.text);
        assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
        assert.match(r.text, new RegExp(`<html lang="${lang}" dir="${dir}">`));
        assert.match(String(r.headers['content-security-policy']), /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'.*frame-ancestors 'self'/);
        assert.equal(r.headers['x-frame-options'], 'SAMEORIGIN', 'the same answer for browsers that only know X-Frame-Options');
        assert.equal(r.headers['x-tlp'], 'amber');
        assert.doesNotMatch(r.text, /<script|javascript:|\sstyle="|<[^>]*\son[a-z]+=/i);
      }
    });

    test('no English in the Arabic and Kurdish reports, apart from record text and TLP labels', async () => {
      for (const lang of ['ar', 'ckb']) {
        const text = interfaceText((await fed.get(`/api/sitrep?lang=${lang}&${WEEK}`)).text);
        assert.doesNotMatch(text, /[A-Za-z]/, `${lang}: ${/[^\s]*[A-Za-z][^\s]*/.exec(text)?.[0]}`);
        assert.match(text, lang === 'ar' ? /تقرير الموقف[\s\S]*الحوادث[\s\S]*قتلى[\s\S]*جرحى[\s\S]*نقاط التفتيش[\s\S]*بنود العمل/ : /ڕاپۆرتی دۆخ[\s\S]*ڕووداوەکان[\s\S]*کوژراو[\s\S]*بریندار[\s\S]*خاڵەکانی پشکنین[\s\S]*خاڵەکانی کار/);
        assert.match(text, /[٠-٩]/, 'numbers in Arabic-Indic digits');
      }
    });

    test('hostile record text is escaped everywhere it appears', async () => {
      const r = await fed.get(`/api/sitrep?lang=en&${WEEK}`);
      assert.ok(!r.text.includes(HOSTILE));
      assert.ok(r.text.includes('Tom &amp; &quot;Jerry&quot; &#39;x&#39; &lt;1 &amp;lt;script&amp;gt; onerror=alert(1)'));
      assert.ok(!r.text.includes('&lt;script&gt;'), 'entities in the text are not decoded into markup');
    });

    test("a federal reader's report never holds the peshmerga's own records; a peshmerga reader's does", async () => {
      const f = await fed.get(`/api/sitrep?lang=en&${WEEK}`);
      assert.ok(!f.text.includes(SECRET));
      const p = await pes.get(`/api/sitrep?lang=en&${WEEK}`);
      assert.ok(p.text.includes(SECRET));
      assert.equal(p.headers['x-tlp'], 'amber+strict');
      assert.match(p.text, /TLP:AMBER\+STRICT/);
    });

    test('a JCC report; a JCC the reader cannot see is not found', async () => {
      const r = await fed.get(`/api/sitrep?jcc=${env.jccIds.KRK}&lang=en&${WEEK}`);
      assert.equal(r.status, 200, r.text);
      assert.match(r.text, /Kirkuk JCC/);
      assert.equal((await fed.get(`/api/sitrep?jcc=${uuidv7()}`)).status, 404);
    });

    test('bad parameters are answered 400 with the field named; anonymous callers 401', async () => {
      for (const q of ['lang=fr', 'hours=0', 'hours=745', 'hours=abc', 'jcc=KRK', 'format=docx', 'until=yesterday', 'colour=red']) {
        const r = await fed.get(`/api/sitrep?${q}`);
        assert.equal(r.status, 400, `${q}: ${r.text}`);
        assert.equal(r.json.error.code, 'VALIDATION');
      }
      const app = await env.app();
      assert.equal((await client(app).get('/api/sitrep')).status, 401);
    });

    test('PDF through chromium', { skip: hasChromium ? false : `no chromium at ${DEFAULT_CHROMIUM}: PDF not tested` }, async () => {
      const r = await (await env.app()).inject({ method: 'GET', url: `/api/sitrep?lang=ar&format=pdf&${WEEK}`, headers: { cookie: await env.login('federal-watch') } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(String(r.headers['content-disposition']), /^attachment; filename="sitrep-all-ar-20211205\.pdf"$/);
      assert.equal(r.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });
}
