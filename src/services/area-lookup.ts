import Flatbush from 'flatbush';
import { isVisible, readFilterFor, type ReadFilter } from '../core/access/access.ts';
import { bboxOf, pointInArea } from '../core/geo/geometry.ts';
import { PARTIES, type Principal, type StoredRecord } from '../core/model/common.ts';
import type { Jcc } from '../core/model/jcc.ts';
import type { AdminArea } from '../core/model/reference.ts';
import type { Store } from '../storage/ports.ts';
import { RefreshingValue } from './refreshing-value.ts';

/** Reference data changes rarely; another process's import shows within this time. */
const TTL_MS = 60_000;
const LOAD_PAGE = 1_000;

/** Areas with a bounding-box index, so "which areas contain this point" needs no query. */
class AreaIndex<T> {
  readonly #items: T[];
  readonly #index: Flatbush | undefined;

  constructor(items: T[], bboxOfItem: (t: T) => [number, number, number, number]) {
    this.#items = items;
    if (items.length === 0) return;
    this.#index = new Flatbush(items.length);
    for (const t of items) this.#index.add(...bboxOfItem(t));
    this.#index.finish();
  }

  containing(lon: number, lat: number, areaOf: (t: T) => Parameters<typeof pointInArea>[2]): T[] {
    if (!this.#index) return [];
    return this.#index.search(lon, lat, lon, lat).map((i) => this.#items[i]!).filter((t) => pointInArea(lon, lat, areaOf(t)));
  }
}

/**
 * Point-in-area lookups that every incident write makes (its sub-district and its JCC), served
 * from memory instead of two queries per write.
 */
export class AreaLookup {
  readonly #adminAreas: RefreshingValue<AreaIndex<AdminArea>>;
  readonly #jccs: RefreshingValue<AreaIndex<StoredRecord<Jcc>>>;

  constructor(store: Store, clock: () => number = Date.now) {
    this.#adminAreas = new RefreshingValue(async () => new AreaIndex(await loadAdminAreas(store), (a) => [a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]]), TTL_MS, clock);
    this.#jccs = new RefreshingValue(async () => new AreaIndex(await loadJccs(store), (r) => bboxOf(r.data.area)), TTL_MS, clock);
  }

  /** The admin areas that contain a point, most detailed first (sub-district, district, governorate). */
  async adminAreasAt(lon: number, lat: number): Promise<AdminArea[]> {
    return (await this.#adminAreas.get()).containing(lon, lat, (a) => a.geometry).sort((a, b) => b.level - a.level);
  }

  /** The JCCs the principal may see whose area of responsibility contains the point. */
  async jccsAt(p: Principal, lon: number, lat: number): Promise<StoredRecord<Jcc>[]> {
    const filter = readFilterFor(p);
    return (await this.#jccs.get()).containing(lon, lat, (r) => r.data.area).filter((r) => isVisible(filter, r)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  adminAreasChanged(): void {
    this.#adminAreas.invalidate();
  }

  jccsChanged(): void {
    this.#jccs.invalidate();
  }
}

async function loadAdminAreas(store: Store): Promise<AdminArea[]> {
  const all: AdminArea[] = [];
  for (let offset = 0; ; offset += LOAD_PAGE) {
    const page = await store.listAdminAreas({ limit: LOAD_PAGE, offset });
    all.push(...page);
    if (page.length < LOAD_PAGE) return all;
  }
}

/**
 * Every live JCC, whoever may see it: visibility is decided per reader at lookup time. A party's
 * commander sees all of that party's records, so the two parties' views together are all of them.
 */
async function loadJccs(store: Store): Promise<StoredRecord<Jcc>[]> {
  const byId = new Map<string, StoredRecord<Jcc>>();
  for (const party of PARTIES) {
    const filter: ReadFilter = { party, userId: '', seesRed: true, jccIds: [] };
    let cursor: string | undefined;
    do {
      const page = await store.listRecords({ type: 'jcc', filter, limit: LOAD_PAGE, ...(cursor ? { cursor } : {}) });
      for (const r of page.items) byId.set(r.id, r as StoredRecord<Jcc>);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return [...byId.values()];
}
