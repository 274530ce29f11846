import type Feature from 'ol/Feature';
import OlMap from 'ol/Map';
import View from 'ol/View';
import { defaults as defaultControls } from 'ol/control/defaults';
import ScaleLine from 'ol/control/ScaleLine';
import type BaseLayer from 'ol/layer/Base';
import HeatmapLayer from 'ol/layer/Heatmap';
import VectorImageLayer from 'ol/layer/VectorImage';
import { fromLonLat } from 'ol/proj';
import Cluster from 'ol/source/Cluster';
import VectorSource from 'ol/source/Vector';
import type { StyleLike } from 'ol/style/Style';
import type { RecordView } from '../api/records.ts';
import {
  adminStyle, checkpointStyle, forceLineStyle, gapStyle, incidentClusterStyle, jccStyle, operationStyle, sectorStyle, stripStyle,
} from './feature-styles.ts';
import { recordFeature, sectorFeatures } from './record-features.ts';
import { isForce, loadSymbols, unitStyle } from './symbols.ts';
import { inWindow, type TimeWindow } from './time-window.ts';

export const LAYER_KEYS = ['admin', 'places', 'jccs', 'operations', 'sectors', 'strip', 'gaps', 'forceLines', 'checkpoints', 'units', 'incidents', 'heat'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Which layer a record type is drawn on. */
const LAYER_OF: Record<string, LayerKey> = { unit: 'units', checkpoint: 'checkpoints', jcc: 'jccs', 'force-line': 'forceLines', operation: 'operations' };

/** Kirkuk: the middle of the disputed territories. */
const HOME = fromLonLat([44.2, 35.6]);

const unitFeatureStyle: StyleLike = (f) => {
  const force = f.get('force');
  const sidc = f.get('sidc');
  return typeof sidc === 'string' && isForce(force) ? unitStyle(sidc, force) : undefined;
};

/**
 * Drawn to an image that is moved while the map pans and redrawn when it stops: without a GPU,
 * replaying thousands of boundary vertices on every frame is what makes panning stutter.
 */
const vector = (style: StyleLike | undefined, opts: { declutter?: boolean; visible?: boolean; zIndex: number }) =>
  new VectorImageLayer({ source: new VectorSource(), ...(style ? { style } : {}), imageRatio: 1.5, ...opts });

/**
 * The common operating picture: OpenLayers in Web Mercator for display only (areas and lengths
 * are measured geodesically elsewhere), one layer per kind of thing, incidents clustered and
 * filtered by a time window.
 */
export class OperatingPicture {
  readonly map: OlMap;
  readonly layers: Record<LayerKey, VectorImageLayer<VectorSource> | HeatmapLayer>;
  private readonly incidents = new Map<string, Feature>();
  private readonly visible = new VectorSource();
  private window: TimeWindow | null = null;
  private disposed = false;

  constructor(target: HTMLElement, formatCount: (n: number) => string) {
    const cluster = new Cluster({ source: this.visible, distance: 36, minDistance: 8 });
    this.layers = {
      admin: vector((f) => adminStyle(f.get('level') as number), { zIndex: 1 }),
      places: vector(undefined, { declutter: true, zIndex: 20 }),
      jccs: vector(jccStyle, { zIndex: 2 }),
      operations: vector(operationStyle, { zIndex: 3 }),
      sectors: vector(sectorStyle, { zIndex: 4, visible: false }),
      strip: vector(stripStyle, { zIndex: 5 }),
      gaps: vector(gapStyle, { zIndex: 6 }),
      forceLines: vector(forceLineStyle, { zIndex: 7 }),
      checkpoints: vector(checkpointStyle, { zIndex: 9 }),
      units: vector(unitFeatureStyle, { zIndex: 10 }),
      incidents: new VectorImageLayer({ source: cluster as unknown as VectorSource, style: incidentClusterStyle(formatCount), imageRatio: 1.5, zIndex: 8 }),
      heat: new HeatmapLayer({ source: this.visible, blur: 18, radius: 10, visible: false, zIndex: 8, weight: () => 0.6 }),
    };
    for (const [key, layer] of Object.entries(this.layers)) layer.set('key', key);
    this.map = new OlMap({
      target,
      layers: Object.values(this.layers) as BaseLayer[],
      view: new View({ center: HOME, zoom: 8, minZoom: 5, maxZoom: 17, extent: [...fromLonLat([36, 27]), ...fromLonLat([52, 40])] as [number, number, number, number] }),
      // Zoom buttons are the view's own (translated labels); OpenLayers keeps the scale bar.
      controls: defaultControls({ attribution: false, rotate: false, zoom: false }).extend([new ScaleLine({ units: 'metric' })]),
    });
    // Unit symbols replace their placeholder dots once milsymbol has arrived, after the first paint.
    this.map.once('rendercomplete', () => void loadSymbols().then(() => this.disposed || this.layers.units.changed()));
  }

  source(key: LayerKey): VectorSource {
    if (key === 'incidents' || key === 'heat') return this.visible;
    return (this.layers[key] as VectorImageLayer<VectorSource>).getSource() as VectorSource;
  }

  /** Replaces every record of one type (first load or reload after a resync). */
  resetRecords(type: string, records: readonly RecordView[]): void {
    if (type === 'incident') {
      this.incidents.clear();
      this.visible.clear(true);
    } else {
      const key = LAYER_OF[type];
      if (!key) return;
      this.source(key).clear(true);
      if (type === 'operation') this.source('sectors').clear(true);
    }
    this.apply(type, records, []);
  }

  /** Adds or replaces the records' features and removes the ids given, in one change per layer. */
  apply(type: string, upserted: readonly RecordView[], removed: readonly string[]): void {
    if (type === 'incident') return this.applyIncidents(upserted, removed);
    const key = LAYER_OF[type];
    if (!key) return;
    const src = this.source(key);
    for (const id of [...removed, ...upserted.map((r) => r.id)]) {
      const old = src.getFeatureById(id);
      if (old) src.removeFeature(old);
      if (type === 'operation') this.removeSectorsOf(id);
    }
    src.addFeatures(upserted.flatMap((r) => recordFeature(r) ?? []));
    if (type === 'operation') this.source('sectors').addFeatures(upserted.flatMap(sectorFeatures));
  }

  private removeSectorsOf(operationId: string): void {
    const sectors = this.source('sectors');
    for (const f of sectors.getFeatures()) if (String(f.getId()).startsWith(`${operationId}#`)) sectors.removeFeature(f);
  }

  private applyIncidents(upserted: readonly RecordView[], removed: readonly string[]): void {
    for (const id of [...removed, ...upserted.map((r) => r.id)]) {
      const old = this.incidents.get(id);
      if (!old) continue;
      this.incidents.delete(id);
      if (this.visible.hasFeature(old)) this.visible.removeFeature(old);
    }
    const fresh = upserted.flatMap((r) => recordFeature(r) ?? []);
    for (const f of fresh) this.incidents.set(String(f.getId()), f);
    this.visible.addFeatures(fresh.filter((f) => inWindow(this.window, f.get('time') as number)));
  }

  incidentTimes(): number[] {
    return [...this.incidents.values()].map((f) => f.get('time') as number);
  }

  setWindow(w: TimeWindow | null): void {
    this.window = w;
    this.visible.clear(true);
    this.visible.addFeatures([...this.incidents.values()].filter((f) => inWindow(w, f.get('time') as number)));
  }

  setVisible(key: LayerKey, on: boolean): void {
    this.layers[key].setVisible(on);
  }

  /** Features per layer, for the legend counters and the end-to-end tests. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of LAYER_KEYS) out[key] = this.source(key).getFeatures().length;
    out['incidentsTotal'] = this.incidents.size;
    return out;
  }

  dispose(): void {
    this.disposed = true;
    this.map.setTarget(undefined);
    this.map.dispose();
  }
}
