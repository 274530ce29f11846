import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn, waitForLayers } from './support/browser.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';

const skip = chromiumMissing();

/** The pixel of a unit the user may see, found through the map itself (plain JS: runs in the page). */
const UNIT_PIXEL = `(() => {
  const map = window.__tansiq.map;
  const layer = map.getLayers().getArray().find((l) => l.get('key') === 'units');
  const f = layer.getSource().getFeatures()[0];
  map.getView().setCenter(f.getGeometry().getCoordinates());
  map.renderSync();
  return map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
})()`;

describe('common operating picture', { skip }, () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(async () => {
    await h?.close();
  });

  const open = async (user: string): Promise<Page> => {
    const page = await (await h.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(page, h.url, user, 'en');
    return page;
  };

  it('shows each party the demo: units, checkpoints, incidents, lines, JCCs and the basemap', async () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const user of ['peshmerga-watch', 'federal-watch']) {
      const page = await open(user);
      counts[user] = (await waitForLayers(page, { units: 10, checkpoints: 5, incidentsTotal: 100, forceLines: 2, jccs: 4, admin: 10, places: 10 })).counts;
      await page.context().close();
    }
    // Each side sees its own records and what the other released: not the same picture.
    assert.notDeepEqual(counts['peshmerga-watch'], counts['federal-watch']);
  });

  it('opens a clicked unit with its TLP banner; shows pointer grid reference; toggles layers', async () => {
    const page = await open('federal-commander');
    await waitForLayers(page, { units: 1 });
    const [x, y] = (await page.evaluate(UNIT_PIXEL)) as [number, number];
    const box = await page.locator('.map-canvas').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + x, box.y + y);
    assert.match((await page.locator('.mgrs').textContent()) ?? '', /^3[78][RS] [A-Z]{2} \d{5} \d{5}$/);
    await page.mouse.click(box.x + x, box.y + y);
    await page.locator('.details-panel[data-record-type=unit]').waitFor();
    assert.match((await page.locator('.details-panel .tlp-label').textContent()) ?? '', /^TLP:(CLEAR|GREEN|AMBER|AMBER\+STRICT)$/);
    assert.equal(await page.locator('.workspace > .tlp-banner').count(), 1, 'the shell shows the banner too');
    await page.locator('[data-layer=units] input').uncheck();
    await page.locator('[data-layer=units] input').check();
    await page.context().close();
  });

  it('shows coverage gaps, or says the layer is unavailable', async () => {
    const page = await open('peshmerga-analyst');
    const gaps = page.locator('[data-layer=gaps]');
    const deadline = Date.now() + 60_000;
    while (Number(await gaps.getAttribute('data-count')) === 0 && (await gaps.locator('.layer-error').count()) === 0) {
      assert.ok(Date.now() < deadline, 'the gap layer neither loaded nor failed');
      await page.waitForTimeout(250);
    }
    await page.context().close();
  });

  it('measures a distance geodesically', async () => {
    const page = await open('peshmerga-viewer');
    await waitForLayers(page, { units: 1 });
    const box = await page.locator('.map-canvas').boundingBox();
    assert.ok(box);
    await page.locator('.measure-bar button').first().click();
    await page.mouse.click(box.x + 700, box.y + 300);
    await page.mouse.dblclick(box.x + 900, box.y + 300);
    assert.match((await page.locator('.measure-value').textContent()) ?? '', /^\d+(\.\d+)? km$/);
    await page.context().close();
  });
});
