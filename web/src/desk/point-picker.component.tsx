import { useEffect, useRef, type JSX } from 'react';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import 'ol/ol.css';
import type { LonLat } from './coords.util.ts';

/** A JCC's area of responsibility, drawn so the officer sees which centre a click falls in. */
export interface PickerArea {
  id: string;
  geometry: unknown;
}

const areaStyle = new Style({ stroke: new Stroke({ color: '#1f6feb', width: 1.5 }), fill: new Fill({ color: 'rgba(31,111,235,0.08)' }) });
const markerStyle = new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: '#d1242f' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) });
// The disputed territories, for when no JCC area is readable.
const DEFAULT_CENTER: LonLat = [44.0, 35.5];

/**
 * A small click-to-place map: no tiles (the operations room is offline), only the JCC areas and
 * the chosen point. Display is Web Mercator; nothing is measured in it.
 */
export default function PointPicker({ areas, value, onPick, label }: { areas: PickerArea[]; value: LonLat | null; onPick: (p: LonLat) => void; label: string }): JSX.Element {
  const target = useRef<HTMLDivElement>(null);
  const marker = useRef(new Feature<Point>());
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  useEffect(() => {
    if (!target.current) return undefined;
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    const areaSource = new VectorSource({ features: areas.flatMap((a) => format.readFeatures({ type: 'Feature', id: a.id, geometry: a.geometry, properties: {} })) });
    const markerSource = new VectorSource({ features: [marker.current] });
    const map = new OlMap({
      target: target.current,
      layers: [new VectorLayer({ source: areaSource, style: areaStyle }), new VectorLayer({ source: markerSource, style: markerStyle })],
      view: new View({ center: fromLonLat(DEFAULT_CENTER), zoom: 7 }),
      controls: [],
    });
    const extent = areaSource.getExtent();
    if (areaSource.getFeatures().length > 0 && extent) map.getView().fit(extent, { padding: [12, 12, 12, 12] });
    map.on('singleclick', (e) => {
      const [lon = 0, lat = 0] = toLonLat(e.coordinate);
      pickRef.current([Number(lon.toFixed(6)), Number(lat.toFixed(6))]);
    });
    return () => map.setTarget(undefined);
  }, [areas]);

  useEffect(() => {
    marker.current.setGeometry(value ? new Point(fromLonLat(value)) : undefined);
  }, [value]);

  return <div ref={target} className="point-picker" role="application" aria-label={label} />;
}
