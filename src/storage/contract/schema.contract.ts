import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SiteRow, Store } from '../ports.ts';
import { T, withStore } from './fixtures.ts';

export function schemaContract(open: () => Promise<Store>): void {
  describe('schema and site', () => {
    const store = withStore(open);

    it('migrates from empty, and a second migrate changes nothing', async () => {
      await store().migrate();
      await store().migrate();
      assert.equal(await store().getSite(), undefined);
      assert.equal(await store().countPlaces(), 0);
      assert.deepEqual(await store().listEvents(0, 10), []);
    });

    it('creates the site once; later calls return the first one unchanged', async () => {
      const site: SiteRow = { id: 'site-a', name: 'Kirkuk JCC server', party: 'peshmerga', createdAt: T('2024-01-01T00:00:00Z') };
      assert.deepEqual(await store().ensureSite(site), site);
      const again = await Promise.all([
        store().ensureSite({ ...site, id: 'site-b', party: 'federal' }),
        store().ensureSite({ ...site, name: 'renamed' }),
      ]);
      assert.deepEqual(again, [site, site]);
      assert.deepEqual(await store().getSite(), site);
      await store().migrate();
      assert.deepEqual(await store().getSite(), site);
    });
  });
}
