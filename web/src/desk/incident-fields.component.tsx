import { Suspense, lazy, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, Lang } from '../app/contracts.ts';
import { mgrsOf } from '../map/coordinates.ts';
import { parseCoordinates } from './coords.util.ts';
import { FieldRow } from './field-row.component.tsx';
import { AcledSelect, ActorList, CasualtyGrid, SourceList } from './form-parts.component.tsx';
import type { FieldErrors, IncidentForm } from './incident-form.state.ts';
import { LOCATION_PRECISION, TIME_PRECISION, type LocationPrecision, type TimePrecision } from './incident.model.ts';
import type { JccOption } from './jcc.model.ts';
import { PlaceSearch } from './place-search.component.tsx';

// OpenLayers loads only when someone opens the map: the desk itself stays light.
const PointPicker = lazy(() => import('./point-picker.component.tsx'));

export interface FieldsProps {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
  api: ApiClient;
  lang: Lang;
  jccs: readonly JccOption[];
}

/** What happened and when. */
export function WhatWhenFields({ form, set, errors }: FieldsProps): JSX.Element {
  const { t } = useTranslation('desk');
  return (
    <>
      <FieldRow name="title" label={t('form.title')} error={errors.title}>
        <input name="title" value={form.title} onChange={(e) => set({ title: e.target.value })} dir="auto" required maxLength={300} />
      </FieldRow>
      <FieldRow name="description" label={t('form.description')} error={errors.description}>
        <textarea name="description" value={form.description} onChange={(e) => set({ description: e.target.value })} dir="auto" rows={3} />
      </FieldRow>
      <div className="field-pair">
        <FieldRow name="occurredAt" label={t('form.occurredAt')} error={errors.occurredAt}>
          <input type="datetime-local" name="occurredAt" value={form.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} required />
        </FieldRow>
        <FieldRow name="timePrecision" label={t('form.timePrecision')}>
          <select name="timePrecision" value={form.timePrecision} onChange={(e) => set({ timePrecision: e.target.value as TimePrecision })}>
            {TIME_PRECISION.map((p) => <option key={p} value={p}>{t(`precision.${p}`)}</option>)}
          </select>
        </FieldRow>
      </div>
      <p className="muted">{t('form.iraqTime')}</p>
    </>
  );
}

/** Where: a gazetteer search, typed lon/lat or MGRS, or a click on the small map. */
export function WhereFields({ form, set, errors, api, lang, jccs }: FieldsProps): JSX.Element {
  const { t } = useTranslation('desk');
  const [mapOpen, setMapOpen] = useState(false);
  const parsed = useMemo(() => parseCoordinates(form.coordText), [form.coordText]);
  const areas = useMemo(() => jccs.map((j) => ({ id: j.id, geometry: j.area })), [jccs]);
  return (
    <fieldset className="where" data-field="location">
      <legend>{t('form.where')}</legend>
      <PlaceSearch
        api={api} lang={lang}
        onPick={(p, name) => set({ coordText: `${p.lon}, ${p.lat}`, placeId: p.id, placeName: name, locationPrecision: 'exact' })}
      />
      <FieldRow name="coordinates" label={t('form.coordinates')} error={errors.location}>
        <input
          name="coordinates" dir="ltr" value={form.coordText} placeholder="44.39, 35.47"
          onChange={(e) => set({ coordText: e.target.value, placeId: '' })}
        />
      </FieldRow>
      {parsed.ok && <p className="muted" dir="ltr" translate="no">MGRS {mgrsOf(...parsed.lonLat)}</p>}
      <div className="field-pair">
        <FieldRow name="placeName" label={t('form.placeName')}>
          <input name="placeName" value={form.placeName} onChange={(e) => set({ placeName: e.target.value })} dir="auto" />
        </FieldRow>
        <FieldRow name="locationPrecision" label={t('form.locationPrecision')}>
          <select name="locationPrecision" value={form.locationPrecision} onChange={(e) => set({ locationPrecision: e.target.value as LocationPrecision })}>
            {LOCATION_PRECISION.map((p) => <option key={p} value={p}>{t(`locationPrecision.${p}`)}</option>)}
          </select>
        </FieldRow>
      </div>
      <button type="button" className="secondary" onClick={() => setMapOpen((o) => !o)} aria-expanded={mapOpen}>
        {mapOpen ? t('form.hideMap') : t('form.pickOnMap')}
      </button>
      {mapOpen && (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <PointPicker
            areas={areas} value={parsed.ok ? parsed.lonLat : null} label={t('form.pickOnMap')}
            onPick={([lon, lat]) => set({ coordText: `${lon}, ${lat}`, placeId: '' })}
          />
        </Suspense>
      )}
    </fieldset>
  );
}

/** Casualties, actors, ACLED coding and sources. */
export function DetailFields({ form, set, errors }: FieldsProps): JSX.Element {
  return (
    <>
      <CasualtyGrid killed={form.killed} wounded={form.wounded} onChange={(which, next) => set({ [which]: next })} errors={errors} />
      <ActorList actors={form.actors} onChange={(actors) => set({ actors })} error={errors.actors} />
      <AcledSelect
        type={form.acledEventType} sub={form.acledSubEventType} error={errors.acled}
        onChange={(acledEventType, acledSubEventType) => set({ acledEventType, acledSubEventType })}
      />
      <SourceList sources={form.sources} onChange={(sources) => set({ sources })} error={errors.sources} />
    </>
  );
}
