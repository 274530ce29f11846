import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { strayLatin } from '../../web/src/i18n/latin.ts';
import { signIn, waitForLayers, type PageStorage } from './support/browser.ts';
import { uiTexts } from './support/dom-text.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';

const skip = chromiumMissing();

describe('operations-room shell', { skip }, () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(async () => {
    await h?.close();
  });

  const newPage = async (): Promise<Page> => (await h.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();

  it('signs a Peshmerga watch officer in and shows who they are and the link state', async () => {
    const page = await newPage();
    await signIn(page, h.url, 'peshmerga-watch', 'en');
    await assert.doesNotReject(page.locator('.party-chip.party-peshmerga').waitFor());
    assert.equal(await page.locator('.user-roles').textContent(), 'Watch officer');
    await page.locator('[data-link-state=live]').waitFor({ timeout: 15_000 });
    assert.match((await page.locator('.user-jccs').textContent()) ?? '', /Joint Coordination Centre|Makhmour|Kirkuk/);
    await page.context().close();
  });

  it('rejects a wrong password with a translated message', async () => {
    const page = await newPage();
    await page.addInitScript(() => (globalThis as unknown as { localStorage: PageStorage }).localStorage.setItem('tansiq.lang', 'ar'));
    await page.goto(h.url);
    await page.locator('input[name=username]').fill('federal-watch');
    await page.locator('input[name=password]').fill('wrong password');
    await page.locator('button[type=submit]').click();
    assert.equal(await page.locator('[role=alert]').textContent(), 'اسم المستخدم أو كلمة المرور غير صحيحة.');
    await page.context().close();
  });

  it('switches to Sorani: right-to-left, mirrored panels, remembered after reload', async () => {
    const page = await newPage();
    await signIn(page, h.url, 'federal-watch', 'en');
    await waitForLayers(page, { units: 1 });
    const sideX = async () => (await page.locator('.map-side').boundingBox())?.x ?? -1;
    assert.ok((await sideX()) < 700, 'the side panel starts on the left in English');
    await page.locator('.top-bar [data-lang=ckb]').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir === 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ckb');
    assert.ok((await sideX()) > 700, 'the side panel moves to the right in Sorani');
    assert.equal(await page.locator('[data-nav=map]').textContent(), 'نەخشە');
    await page.reload();
    await page.locator('.top-bar').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.party-chip').textContent(), 'هێزە فیدراڵییەکان');
    await page.context().close();
  });

  it('leaves no English in the Arabic interface', async () => {
    const page = await newPage();
    await signIn(page, h.url, 'peshmerga-commander', 'ar');
    await waitForLayers(page, { units: 1, incidentsTotal: 1 });
    const stray = (await uiTexts(page)).flatMap((t) => strayLatin(t).map((w) => `${w} in "${t}"`));
    assert.deepEqual(stray, []);
    await page.context().close();
  });

  it('navigates between the map, desk, dashboards and SITREP', async () => {
    const page = await newPage();
    await signIn(page, h.url, 'peshmerga-analyst', 'en');
    for (const v of ['desk', 'dashboard', 'sitrep', 'map']) {
      await page.locator(`[data-nav=${v}]`).click();
      await page.locator(`.workspace[data-view=${v}]`).waitFor();
      assert.equal(await page.locator(`[data-nav=${v}]`).getAttribute('aria-current'), 'page');
      assert.equal(await page.locator('.view-error').count(), 0, `${v} renders without error`);
    }
    await page.context().close();
  });
});
