import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { strayLatin } from '../../web/src/i18n/latin.ts';
import { signIn } from './support/browser.ts';
import { uiTexts } from './support/dom-text.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';

const skip = chromiumMissing();
/** The demo's incidents run to the end of December 2021. */
const DEMO_END = '2021-12-31';

describe('dashboards and SITREP (Arabic, federal watch officer)', { skip }, () => {
  let h: Harness;
  let page: Page;

  before(async () => {
    h = await openHarness();
    page = await (await h.browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await signIn(page, h.url, 'federal-watch', 'ar');
  });
  after(async () => {
    await h?.close();
  });

  const bars = (chart: string) => page.locator(`[data-testid=${chart}] rect.bar`);

  it('draws the incident and casualty charts with data', async () => {
    await page.locator('[data-nav=dashboard]').click();
    await page.locator('[data-testid=dashboard] input[name=endDate]').fill(DEMO_END);
    await bars('chart-weeks').first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.ok(Number(await page.locator('[data-testid=chart-weeks] svg').getAttribute('data-columns')) >= 20, 'about 26 weeks');
    const tallest = await bars('chart-weeks').evaluateAll((rs) => Math.max(...rs.map((r) => Number(r.getAttribute('height')))));
    assert.ok(tallest > 10, 'some week has casualties');
    for (const chart of ['chart-jcc', 'chart-district', 'chart-type', 'chart-places']) assert.ok((await bars(chart).count()) > 0, chart);
    assert.match((await page.locator('.totals').textContent()) ?? '', /[١-٩]/, 'totals in Arabic-Indic digits');
    assert.match((await page.locator('[data-testid=dashboard] .tlp-banner').textContent()) ?? '', /TLP:/);
  });

  it('runs time from right to left in Arabic', async () => {
    const xs = await page.locator('[data-testid=chart-weeks] svg > g:has(rect.bar)').evaluateAll((gs) => gs.map((g) => Number(g.querySelector('rect')?.getAttribute('x'))));
    assert.ok(xs.length > 2 && (xs[0] ?? 0) > (xs[xs.length - 1] ?? 0), 'the first week is drawn on the right');
  });

  it('shows checkpoint staffing and the coverage gaps of each JCC', async () => {
    await bars('chart-checkpoints').first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.ok((await bars('chart-checkpoints').count()) >= 2);
    await bars('chart-gaps').first().waitFor({ state: 'attached', timeout: 90_000 });
    assert.ok(Number(await page.locator('[data-testid=chart-gaps] svg').getAttribute('data-bars')) >= 1);
  });

  it('leaves no English in the Arabic dashboards', async () => {
    const stray = (await uiTexts(page)).flatMap((t) => strayLatin(t).map((w) => `${w} in "${t}"`));
    assert.deepEqual(stray, []);
  });

  it('loads the server-rendered SITREP into a sandboxed frame, with print and PDF', async () => {
    await page.locator('[data-nav=sitrep]').click();
    const view = page.locator('[data-testid=sitrep]');
    await view.locator('input[name=endDate]').fill(DEMO_END);
    await view.locator('input[name=hours]').nth(1).check();
    const frame = view.locator('iframe');
    assert.equal(await frame.getAttribute('sandbox'), 'allow-same-origin allow-modals');
    assert.match((await frame.getAttribute('src')) ?? '', /hours=168.*until=2021-12-31/);
    await view.locator('button', { hasText: 'طباعة' }).and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    const body = page.frameLocator('[data-testid=sitrep] iframe').locator('body');
    assert.match((await body.textContent({ timeout: 30_000 })) ?? '', /تقرير الموقف/);
    assert.match((await body.textContent()) ?? '', /TLP:/);
    assert.match((await view.locator('a[download]').getAttribute('href')) ?? '', /format=pdf/);
  });
});
