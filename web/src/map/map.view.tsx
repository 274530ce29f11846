import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { createEmpty, extend } from 'ol/extent';
import type { ViewProps } from '../app/contracts.ts';
import { testHook } from '../app/test-hook.ts';
import type { RecordView } from '../api/records.ts';
import { formatNumber } from '../i18n/format.ts';
import { placeStyle } from './basemap.ts';
import { DetailsPanel } from './details-panel.component.tsx';
import { GapDetails, type GapInfo } from './gap-details.component.tsx';
import { LayerPanel } from './layer-panel.component.tsx';
import { MapTools } from './map-tools.component.tsx';
import { panFrames } from './pan-frames.ts';
import { PictureFeed } from './picture-feed.ts';
import { LAYER_KEYS, OperatingPicture, type LayerKey } from './picture.ts';
import { domainOf, type TimeWindow } from './time-window.ts';
import { TimeSlider } from './time-slider.component.tsx';

type Selection = { kind: 'record'; record: RecordView } | { kind: 'gap'; gap: GapInfo } | null;

const initialVisibility = (p: OperatingPicture) =>
  Object.fromEntries(LAYER_KEYS.map((k) => [k, p.layers[k].getVisible()])) as Record<LayerKey, boolean>;

/** The common operating picture: both forces, checkpoints, incidents, gaps, live. */
export function MapView({ api, live, session, lang, onSelect }: ViewProps) {
  const { t } = useTranslation('map');
  const target = useRef<HTMLDivElement>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const [picture, setPicture] = useState<OperatingPicture | null>(null);
  const [feed, setFeed] = useState<PictureFeed | null>(null);
  const [visible, setVisible] = useState<Record<LayerKey, boolean> | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [span, setSpan] = useState<TimeWindow | null>(null);
  const [domain, setDomain] = useState<TimeWindow | null>(null);
  const [tick, bump] = useReducer((x: number) => x + 1, 0);

  useEffect(() => {
    if (!target.current) return;
    const p = new OperatingPicture(target.current, (n) => formatNumber(langRef.current, n));
    const f = new PictureFeed(p, api, session, bump);
    const hook = testHook();
    hook.addRecords = (records) => f.addRecords(records as RecordView[]);
    hook.panFrames = (ms) => panFrames(p.map, ms);
    hook.map = p.map;
    // Counted on read: counting 100,000 features on every frame would itself slow the panning down.
    Object.defineProperty(hook, 'counts', { get: () => p.counts(), configurable: true });
    const onRendered = () => {
      hook.renders++;
      if (hook.readyAt !== undefined) return;
      const c = p.counts();
      if ((c['admin'] ?? 0) > 0 && (c['units'] ?? 0) > 0 && (c['incidentsTotal'] ?? 0) > 0) hook.readyAt = performance.now();
    };
    p.map.on('rendercomplete', onRendered);
    f.start(live);
    setPicture(p);
    setFeed(f);
    setVisible(initialVisibility(p));
    return () => {
      f.dispose();
      p.dispose();
      delete hook.addRecords;
      delete hook.panFrames;
      delete hook.map;
    };
  }, [api, live, session]);

  // Labels and cluster counts follow the UI language.
  useEffect(() => {
    if (!picture) return;
    picture.layers.places.setStyle(placeStyle(lang));
    picture.layers.incidents.changed();
  }, [picture, lang]);

  // The time domain grows with the incidents; the window keeps the user's choice inside it.
  useEffect(() => {
    if (!picture) return;
    const d = domainOf(picture.incidentTimes());
    if (d && (d.from !== domain?.from || d.to !== domain?.to)) {
      setDomain(d);
      if (!span || span.to === domain?.to) setSpan(span ? { from: Math.max(d.from, span.from), to: d.to } : d);
    }
  }, [picture, tick, domain, span]);

  useEffect(() => {
    picture?.setWindow(span);
  }, [picture, span]);

  const select = useCallback((s: Selection) => {
    setSelection(s);
    onSelect?.(s?.kind === 'record' ? { type: s.record.type, id: s.record.id, tlp: s.record.tlp } : null);
  }, [onSelect]);

  useEffect(() => {
    if (!picture) return;
    const key = picture.map.on('singleclick', (e) => {
      // Labels and boundaries lie on top but are not things to open.
      const openable = (f: FeatureLike) => (f.get('record') || f.get('gap') || f.get('features') ? f : undefined);
      const hit = picture.map.forEachFeatureAtPixel(e.pixel, openable, { hitTolerance: 4 }) as Feature | undefined;
      const members = hit?.get('features') as Feature[] | undefined;
      if (members && members.length > 1) {
        const extent = createEmpty();
        for (const m of members) extend(extent, m.getGeometry()?.getExtent() ?? createEmpty());
        picture.map.getView().fit(extent, { duration: 300, padding: [60, 60, 60, 60], maxZoom: 14 });
        return;
      }
      const feature = members?.[0] ?? hit;
      const record = feature?.get('record') as RecordView | undefined;
      const gap = feature?.get('gap') as GapInfo | undefined;
      select(record ? { kind: 'record', record } : gap ? { kind: 'gap', gap } : null);
    });
    return () => picture.map.un('singleclick', key.listener);
  }, [picture, select]);

  const toggle = (key: LayerKey, on: boolean) => {
    picture?.setVisible(key, on);
    setVisible((v) => (v ? { ...v, [key]: on } : v));
  };

  return (
    <div className="map-view">
      <div ref={target} className="map-canvas" role="application" aria-label={t('map.label')} data-testid="map" />
      <aside className="map-side">
        {picture && visible && feed && (
          <LayerPanel lang={lang} visible={visible} counts={picture.counts()} status={feed.status} onToggle={toggle} />
        )}
      </aside>
      {selection?.kind === 'record' && <DetailsPanel record={selection.record} lang={lang} onClose={() => select(null)} />}
      {selection?.kind === 'gap' && <GapDetails gap={selection.gap} lang={lang} onClose={() => select(null)} />}
      <div className="map-bottom">
        {domain && span && <TimeSlider lang={lang} domain={domain} window={span} onChange={setSpan} />}
        {picture && <MapTools map={picture.map} lang={lang} />}
      </div>
    </div>
  );
}
