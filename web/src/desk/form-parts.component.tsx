import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from './field-row.component.tsx';
import type { FieldError, IncidentForm } from './incident-form.state.ts';
import { ACLED_TYPES, ACTOR_SIDES, CASUALTY_CATEGORIES, acledKey, type ActorSide, type CasualtyCategory } from './incident.model.ts';

type Counts = IncidentForm['killed'];

/** Killed and wounded by category, one row each: what a radio report gives in one breath. */
export function CasualtyGrid({ killed, wounded, onChange, errors }: {
  killed: Counts; wounded: Counts; onChange: (which: 'killed' | 'wounded', next: Counts) => void; errors: { killed?: FieldError | undefined; wounded?: FieldError | undefined };
}): JSX.Element {
  const { t } = useTranslation('desk');
  const row = (which: 'killed' | 'wounded', values: Counts): JSX.Element => (
    <tr>
      <th scope="row">{t(`form.${which}`)}</th>
      {CASUALTY_CATEGORIES.map((c: CasualtyCategory) => (
        <td key={c}>
          <input
            type="text" inputMode="numeric" name={`${which}.${c}`} value={values[c]} size={4}
            aria-label={`${t(`form.${which}`)} — ${t(`category.${c}`)}`}
            onChange={(e) => onChange(which, { ...values, [c]: e.target.value })}
          />
        </td>
      ))}
    </tr>
  );
  return (
    <fieldset className="casualties" data-field="casualties">
      <legend>{t('form.casualties')}</legend>
      <table>
        <thead>
          <tr><td />{CASUALTY_CATEGORIES.map((c) => <th key={c} scope="col">{t(`category.${c}`)}</th>)}</tr>
        </thead>
        <tbody>{row('killed', killed)}{row('wounded', wounded)}</tbody>
      </table>
      <ErrorText error={errors.killed ?? errors.wounded} />
    </fieldset>
  );
}

/** Actors are groups and forces, never named individuals (scope line: no personal data). */
export function ActorList({ actors, onChange, error }: { actors: IncidentForm['actors']; onChange: (next: IncidentForm['actors']) => void; error?: FieldError | undefined }): JSX.Element {
  const { t } = useTranslation('desk');
  const set = (i: number, patch: Partial<IncidentForm['actors'][number]>): void => onChange(actors.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="list-field" data-field="actors">
      <legend>{t('form.actors')}</legend>
      <p className="muted">{t('form.actorsHint')}</p>
      {actors.map((a, i) => (
        <div className="list-row" key={i}>
          <input value={a.name} onChange={(e) => set(i, { name: e.target.value })} aria-label={t('form.actorName')} placeholder={t('form.actorName')} />
          <select value={a.side} onChange={(e) => set(i, { side: e.target.value as ActorSide })} aria-label={t('form.actorSide')}>
            {ACTOR_SIDES.map((s) => <option key={s} value={s}>{t(`side.${s}`)}</option>)}
          </select>
          <button type="button" className="link" onClick={() => onChange(actors.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...actors, { name: '', side: 'perpetrator' }])}>{t('form.addActor')}</button>
      <ErrorText error={error} />
    </fieldset>
  );
}

export function SourceList({ sources, onChange, error }: { sources: IncidentForm['sources']; onChange: (next: IncidentForm['sources']) => void; error?: FieldError | undefined }): JSX.Element {
  const { t } = useTranslation('desk');
  const set = (i: number, patch: Partial<IncidentForm['sources'][number]>): void => onChange(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="list-field" data-field="sources">
      <legend>{t('form.sources')}</legend>
      {sources.map((s, i) => (
        <div className="list-row" key={i}>
          <input value={s.name} onChange={(e) => set(i, { name: e.target.value })} aria-label={t('form.sourceName')} placeholder={t('form.sourceName')} />
          <input type="url" dir="ltr" translate="no" value={s.url} onChange={(e) => set(i, { url: e.target.value })} aria-label={t('form.sourceUrl')} placeholder="https://" />
          <button type="button" className="link" onClick={() => onChange(sources.filter((_, j) => j !== i))}>{t('form.remove')}</button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...sources, { name: '', url: '' }])}>{t('form.addSource')}</button>
      <ErrorText error={error} />
    </fieldset>
  );
}

/** ACLED event type and sub-type; the sub-types offered are those of the chosen type. */
export function AcledSelect({ type, sub, onChange, error }: { type: string; sub: string; onChange: (type: string, sub: string) => void; error?: FieldError | undefined }): JSX.Element {
  const { t } = useTranslation('desk');
  const subs = ACLED_TYPES[type] ?? [];
  return (
    <fieldset className="acled" data-field="acled">
      <legend>{t('form.acled')}</legend>
      <select name="acledEventType" value={type} onChange={(e) => onChange(e.target.value, '')} aria-label={t('form.acledType')}>
        <option value="">{t('form.acledNone')}</option>
        {Object.keys(ACLED_TYPES).map((k) => <option key={k} value={k}>{t(`acled.${acledKey(k)}`)}</option>)}
      </select>
      <select name="acledSubEventType" value={sub} onChange={(e) => onChange(type, e.target.value)} disabled={subs.length === 0} aria-label={t('form.acledSub')}>
        <option value="">{t('form.acledNone')}</option>
        {subs.map((k) => <option key={k} value={k}>{t(`acled.${acledKey(k)}`)}</option>)}
      </select>
      <ErrorText error={error} />
    </fieldset>
  );
}
