import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hookState, signIn, waitForLayers } from './support/browser.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const skip = chromiumMissing();

interface Incident {
  id: string;
  version: number;
  scope: string;
}

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

  it('an incident kept "own" stays with the Peshmerga; released bilateral, it reaches the federal map live; withdrawn, it leaves it', async () => {
    const open = async (user: string) => {
      const page = await (await h.browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
      await signIn(page, h.url, user, 'en');
      await waitForLayers(page, { incidentsTotal: 50 });
      await page.locator('[data-link-state=live]').waitFor({ timeout: 15_000 });
      return page;
    };
    const headers = { origin: h.url };
    // Releasing (and withdrawing) is the liaison officer's call.
    const liaison = await h.browser.newContext();
    const login = await liaison.request.post(`${h.url}/api/session`, { headers, data: { username: 'peshmerga-liaison', password: DEMO_PASSWORD } });
    assert.equal(login.status(), 200);
    const release = async (r: Incident, scope: 'bilateral' | 'own'): Promise<Incident> => {
      const res = await liaison.request.post(`${h.url}/api/incidents/${r.id}/release`, { headers, data: { version: r.version, scope, ...(scope === 'own' ? {} : { tlp: 'green' }) } });
      assert.equal(res.status(), 200, await res.text());
      return (await res.json()) as Incident;
    };

    const pesh = await open('peshmerga-watch');
    const create = async (title: string): Promise<Incident> => {
      const res = await pesh.request.post(`${h.url}/api/incidents`, {
        headers,
        data: { title, occurredAt: new Date().toISOString(), location: { type: 'Point', coordinates: [43.62, 35.95] } },
      });
      assert.equal(res.status(), 201, await res.text());
      return (await res.json()) as Incident;
    };
    // Released before the federal browser opens: the federal map has it from its first list load.
    const listed = await release(await create('Live test: patrol contact near Dibis'), 'bilateral');

    const fed = await open('federal-watch');
    const peshBefore = await incidentCount(pesh);
    const fedBefore = await incidentCount(fed);

    const record = await create('Live test: mortar fire near Qarachogh');
    assert.equal(record.scope, 'own');

    await eventually('the Peshmerga map shows its own new incident', async () => (await incidentCount(pesh)) === peshBefore + 1, 3_000);
    // Long enough for a live event to have arrived had it leaked.
    await fed.waitForTimeout(1_500);
    assert.equal(await incidentCount(fed), fedBefore, 'the federal map does not see an own-scope incident');

    const arrived = await release(record, 'bilateral');
    await eventually('the federal map shows the released incident', async () => (await incidentCount(fed)) === fedBefore + 1, 5_000);

    await release(arrived, 'own');
    await eventually('the incident that arrived live leaves the federal map once withdrawn', async () => (await incidentCount(fed)) === fedBefore, 5_000);
    await release(listed, 'own');
    await eventually('the incident from the first list load leaves the federal map once withdrawn', async () => (await incidentCount(fed)) === fedBefore - 1, 5_000);
    assert.equal(await incidentCount(pesh), peshBefore + 1, 'the Peshmerga map keeps both');

    await liaison.close();
    await pesh.context().close();
    await fed.context().close();
  });
});
