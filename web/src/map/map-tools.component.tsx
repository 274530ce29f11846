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
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [measure, setMeasure] = useState<Measurement | null>(null);
  const tool = useRef<MeasureTool | null>(null);

  useEffect(() => {
    const m = new MeasureTool(map, setMeasure);
    tool.current = m;
    const key = map.on('pointermove', (e) => {
      if (!e.dragging) setPointer(toLonLat(e.coordinate) as [number, number]);
    });
    return () => {
      m.clear();
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
        <span dir="ltr" className="latlon">{pointer ? latLonText(pointer[0], pointer[1]) : '—'}</span>
        <span className="coord-label" translate="no">MGRS</span>
        <span dir="ltr" className="mgrs" translate="no">{pointer ? mgrsOf(pointer[0], pointer[1]) : '—'}</span>
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
