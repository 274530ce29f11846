import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type OlMap from 'ol/Map';
import { toLonLat } from 'ol/proj';
import type { Lang } from '../app/contracts.ts';
import { formatNumber } from '../i18n/format.ts';
import { latLonText, mgrsOf } from './coordinates.ts';
import { MeasureTool, type MeasureMode, type Measurement } from './measure.ts';

function zoomBy(map: OlMap, delta: number): void {
  const view = map.getView();
  view.animate({ zoom: (view.getZoom() ?? 8) + delta, duration: 200 });
}

/** Pointer position in lat/lon and MGRS, and the geodesic distance / area tool. */
export function MapTools({ map, lang }: { map: OlMap; lang: Lang }) {
  const { t } = useTranslation('map');
  const latLon = useRef<HTMLSpanElement>(null);
  const grid = useRef<HTMLSpanElement>(null);
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [measure, setMeasure] = useState<Measurement | null>(null);
  const tool = useRef<MeasureTool | null>(null);

  useEffect(() => {
    const m = new MeasureTool(map, setMeasure);
    tool.current = m;
    // Written straight to the DOM, at most once per frame: a React render per pointer event
    // would compete with the map's own frames.
    let pending: number[] | null = null;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const [lon, lat] = pending ?? [];
      if (lon === undefined || lat === undefined) return;
      if (latLon.current) latLon.current.textContent = latLonText(lon, lat);
      if (grid.current) grid.current.textContent = mgrsOf(lon, lat);
    };
    const key = map.on('pointermove', (e) => {
      if (e.dragging) return;
      pending = toLonLat(e.coordinate);
      frame ||= requestAnimationFrame(paint);
    });
    return () => {
      m.clear();
      cancelAnimationFrame(frame);
      map.un('pointermove', key.listener);
    };
  }, [map]);

  const toggle = (next: MeasureMode) => {
    if (mode === next) {
      tool.current?.clear();
      setMode(null);
    } else {
      tool.current?.start(next);
      setMode(next);
    }
  };

  const figure = measure
    ? measure.mode === 'length'
      ? t('measure.km', { value: formatNumber(lang, measure.value / 1000, 2) })
      : t('measure.km2', { value: formatNumber(lang, measure.value / 1e6, 2) })
    : '';

  return (
    <div className="map-tools">
      <div className="pointer-readout" aria-live="off">
        <span className="coord-label">{t('pointer.latLon')}</span>
        <span dir="ltr" className="latlon" ref={latLon}>—</span>
        <span className="coord-label" translate="no">MGRS</span>
        <span dir="ltr" className="mgrs" translate="no" ref={grid}>—</span>
      </div>
      <div className="zoom-bar" role="group" aria-label={t('zoom.title')}>
        <button type="button" aria-label={t('zoom.in')} onClick={() => zoomBy(map, 1)}>+</button>
        <button type="button" aria-label={t('zoom.out')} onClick={() => zoomBy(map, -1)}>−</button>
      </div>
      <div className="measure-bar" role="group" aria-label={t('measure.title')}>
        <button type="button" aria-pressed={mode === 'length'} onClick={() => toggle('length')}>{t('measure.distance')}</button>
        <button type="button" aria-pressed={mode === 'area'} onClick={() => toggle('area')}>{t('measure.area')}</button>
        {figure && <output className="measure-value">{figure}</output>}
      </div>
    </div>
  );
}
