import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from './field-row.component.tsx';
import type { FieldError, ScopeChoice } from './incident-form.state.ts';
import { TLPS, type Tlp } from './incident.model.ts';
import type { JccOption } from './jcc.model.ts';
import { tlpLabel } from '../app/tlp.ts';

export interface Sharing {
  scope: ScopeChoice;
  scopeJccIds: string[];
  tlp: Tlp;
}

/**
 * Who may receive the record (scope, machine-enforced) and how people must handle it (TLP).
 * Without `canShare` only the label is chosen: releasing is for liaison officers and commanders.
 */
export function SharingFields({ value, onChange, jccs, canShare, errors }: {
  value: Sharing; onChange: (next: Sharing) => void; jccs: readonly JccOption[]; canShare: boolean;
  errors: { scope?: FieldError | undefined; tlp?: FieldError | undefined };
}): JSX.Element {
  const { t } = useTranslation('desk');
  const toggleJcc = (id: string, on: boolean): void =>
    onChange({ ...value, scopeJccIds: on ? [...value.scopeJccIds, id] : value.scopeJccIds.filter((x) => x !== id) });
  return (
    <fieldset className="sharing" data-field="sharing">
      <legend>{t('form.sharing')}</legend>
      <label className="inline">
        <span className="field-label">{t('form.tlp')}</span>
        <select name="tlp" value={value.tlp} onChange={(e) => onChange({ ...value, tlp: e.target.value as Tlp })}>
          {TLPS.map((x) => <option key={x} value={x}>{`${tlpLabel(x)} — ${t(`common:tlp.${x}`)}`}</option>)}
        </select>
      </label>
      <ErrorText error={errors.tlp} />
      {canShare ? (
        <div className="scope" role="radiogroup" aria-label={t('form.scope')}>
          <span className="field-label">{t('form.scope')}</span>
          {(['own', 'jcc', 'bilateral'] as const).map((s) => (
            <label key={s} className="inline">
              <input type="radio" name="scope" value={s} checked={value.scope === s} onChange={() => onChange({ ...value, scope: s })} />
              {t(`scope.${s}`)}
            </label>
          ))}
          {value.scope === 'jcc' && (
            <div className="scope-jccs">
              {jccs.map((j) => (
                <label key={j.id} className="inline">
                  <input type="checkbox" checked={value.scopeJccIds.includes(j.id)} onChange={(e) => toggleJcc(j.id, e.target.checked)} />
                  {j.name}
                </label>
              ))}
            </div>
          )}
        </div>
      ) : (
        <p className="muted">{t('form.scopeOwnOnly')}</p>
      )}
      <ErrorText error={errors.scope} />
    </fieldset>
  );
}
