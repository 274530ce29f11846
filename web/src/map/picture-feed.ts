import type { ApiClient, LiveEvent, LiveSource, SessionInfo } from '../app/contracts.ts';
import { listAll, type RecordType, type RecordView } from '../api/records.ts';
import { RecordStore } from '../live/reconcile.ts';
import { loadAdminAreas, loadPlaces } from './basemap.ts';
import { loadGaps } from './gaps.ts';
import type { LayerKey, OperatingPicture } from './picture.ts';
import { MAPPED_TYPES } from './record-features.ts';

export type LayerStatus = { state: 'loading' } | { state: 'ready' } | { state: 'error'; code: string };

const RECORD_LAYERS: Record<string, LayerKey[]> = {
  unit: ['units'], checkpoint: ['checkpoints'], incident: ['incidents', 'heat'], jcc: ['jccs'], 'force-line': ['forceLines'], operation: ['operations', 'sectors'],
};

const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'failure' in e ? (e as { failure: { code: string } }).failure.code : 'NETWORK');

/**
 * Feeds the picture: the first load of every layer, then live events applied through per-type
 * stores (so a repeated or stale event changes nothing), and a full reload when the feed resyncs.
 */
export class PictureFeed {
  readonly status: Partial<Record<LayerKey, LayerStatus>> = {};
  gapAreas: Record<string, number> | null = null;
  private readonly stores = new Map<string, RecordStore>(MAPPED_TYPES.map((t) => [t, new RecordStore(t)]));
  private readonly unsubscribe: (() => void)[] = [];
  private live: LiveSource | null = null;
  private disposed = false;

  constructor(
    private readonly picture: OperatingPicture,
    private readonly api: ApiClient,
    private readonly session: SessionInfo,
    private readonly onChange: () => void,
  ) {}

  start(live: LiveSource): void {
    this.live = live;
    this.unsubscribe.push(live.subscribe((events) => this.handle(events)), live.onResync(() => void this.loadRecords()));
    void this.loadBasemap();
    void this.loadRecords();
    void this.loadGaps();
  }

  private set(keys: LayerKey[], s: LayerStatus): void {
    if (this.disposed) return;
    for (const k of keys) this.status[k] = s;
    this.onChange();
  }

  private async guard(keys: LayerKey[], work: () => Promise<void>): Promise<void> {
    this.set(keys, { state: 'loading' });
    try {
      await work();
      this.set(keys, { state: 'ready' });
    } catch (e) {
      this.set(keys, { state: 'error', code: codeOf(e) });
    }
  }

  private async loadBasemap(): Promise<void> {
    await Promise.all([
      this.guard(['admin'], async () => this.picture.source('admin').addFeatures(await loadAdminAreas(this.api))),
      this.guard(['places'], async () => this.picture.source('places').addFeatures(await loadPlaces(this.api))),
    ]);
  }

  private async loadRecords(): Promise<void> {
    await Promise.all(MAPPED_TYPES.map((type) => this.guard(RECORD_LAYERS[type] ?? [], async () => {
      const items = await listAll<Record<string, unknown>>(this.api, type as RecordType);
      if (this.disposed) return;
      const store = this.stores.get(type);
      store?.reset(items);
      this.picture.resetRecords(type, store?.all() ?? items);
      this.live?.declareKnown(items);
    })));
  }

  async loadGaps(): Promise<void> {
    await this.guard(['gaps', 'strip'], async () => {
      const { gaps, strip, areas } = await loadGaps(this.api, this.session);
      this.picture.source('gaps').clear(true);
      this.picture.source('strip').clear(true);
      this.picture.source('gaps').addFeatures(gaps);
      this.picture.source('strip').addFeatures(strip);
      this.gapAreas = areas;
    });
  }

  handle(events: readonly LiveEvent[]): void {
    let changed = false;
    for (const [type, store] of this.stores) {
      const { upserted, removed } = store.apply(events);
      if (upserted.length === 0 && removed.length === 0) continue;
      this.picture.apply(type, upserted, removed);
      changed = true;
    }
    if (changed) this.onChange();
  }

  /** Records handed in directly (load benchmark): drawn like loaded ones, outside the live cursor. */
  addRecords(records: readonly RecordView[]): void {
    const byType = new Map<string, RecordView[]>();
    for (const r of records) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    for (const [type, list] of byType) this.picture.apply(type, list, []);
    this.onChange();
  }

  dispose(): void {
    this.disposed = true;
    for (const u of this.unsubscribe) u();
  }
}
