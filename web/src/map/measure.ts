import type OlMap from 'ol/Map';
import type { Geometry, LineString, Polygon } from 'ol/geom';
import Draw from 'ol/interaction/Draw';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { getArea, getLength } from 'ol/sphere';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';

export type MeasureMode = 'length' | 'area';
export interface Measurement {
  mode: MeasureMode;
  /** Metres, or square metres: geodesic on the sphere, never planar Web Mercator (1.5× too large here). */
  value: number;
}

const style = new Style({ stroke: new Stroke({ color: '#0369a1', width: 2, lineDash: [6, 4] }), fill: new Fill({ color: 'rgba(3,105,161,0.12)' }) });

export const measureOf = (mode: MeasureMode, g: Geometry): number =>
  mode === 'length' ? getLength(g as LineString, { projection: 'EPSG:3857' }) : getArea(g as Polygon, { projection: 'EPSG:3857' });

/** Distance and area tool: draws on its own layer and reports each figure as the sketch changes. */
export class MeasureTool {
  private readonly layer = new VectorLayer({ source: new VectorSource(), style, zIndex: 30 });
  private draw: Draw | null = null;

  constructor(private readonly map: OlMap, private readonly onMeasure: (m: Measurement | null) => void) {
    map.addLayer(this.layer);
  }

  start(mode: MeasureMode): void {
    this.stop();
    const source = this.layer.getSource() as VectorSource;
    source.clear();
    const draw = new Draw({ source, type: mode === 'length' ? 'LineString' : 'Polygon', style });
    draw.on('drawstart', (e) => {
      source.clear();
      e.feature.getGeometry()?.on('change', (ev) => this.onMeasure({ mode, value: measureOf(mode, ev.target as Geometry) }));
    });
    this.map.addInteraction(draw);
    this.draw = draw;
  }

  stop(): void {
    if (this.draw) this.map.removeInteraction(this.draw);
    this.draw = null;
  }

  clear(): void {
    this.stop();
    (this.layer.getSource() as VectorSource).clear();
    this.onMeasure(null);
  }
}
