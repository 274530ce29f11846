import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hookState, signIn, waitForLayers } from './support/browser.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const skip = chromiumMissing();

const incidentCount = async (page: Page): Promise<number> => (await hookState(page))?.counts['incidentsTotal'] ?? 0;

async function eventually(what: string, check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what} within ${ms} ms`);
}

describe('live picture across the two forces', { skip }, () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(async () => {
    await h?.close();
  });

  it('an incident kept "own" stays with the Peshmerga; released bilateral, it reaches the federal map live', async () => {
    const open = async (user: string) => {
      const page = await (await h.browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
      await signIn(page, h.url, user, 'en');
      await waitForLayers(page, { incidentsTotal: 50 });
      await page.locator('[data-link-state=live]').waitFor({ timeout: 15_000 });
      return page;
    };
    const pesh = await open('peshmerga-watch');
    const fed = await open('federal-watch');
    const peshBefore = await incidentCount(pesh);
    const fedBefore = await incidentCount(fed);

    const headers = { origin: h.url };
    const created = await pesh.request.post(`${h.url}/api/incidents`, {
      headers,
      data: { title: 'Live test: mortar fire near Qarachogh', occurredAt: new Date().toISOString(), location: { type: 'Point', coordinates: [43.62, 35.95] } },
    });
    assert.equal(created.status(), 201, await created.text());
    const record = (await created.json()) as { id: string; version: number; scope: string };
    assert.equal(record.scope, 'own');

    await eventually('the Peshmerga map shows its own new incident', async () => (await incidentCount(pesh)) === peshBefore + 1, 3_000);
    // Long enough for a live event to have arrived had it leaked.
    await fed.waitForTimeout(1_500);
    assert.equal(await incidentCount(fed), fedBefore, 'the federal map does not see an own-scope incident');

    // Releasing is the liaison officer's call.
    const liaison = await h.browser.newContext();
    const login = await liaison.request.post(`${h.url}/api/session`, { headers, data: { username: 'peshmerga-liaison', password: DEMO_PASSWORD } });
    assert.equal(login.status(), 200);
    const released = await liaison.request.post(`${h.url}/api/incidents/${record.id}/release`, { headers, data: { version: record.version, scope: 'bilateral', tlp: 'green' } });
    assert.equal(released.status(), 200, await released.text());
    await eventually('the federal map shows the released incident', async () => (await incidentCount(fed)) === fedBefore + 1, 5_000);

    await liaison.close();
    await pesh.context().close();
    await fed.context().close();
  });
});
