import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';
import type { ConflictRow } from './conflict.state.ts';
import { valueText } from './value-text.util.ts';

/**
 * Someone saved the incident while this person was editing it (409). Nothing is overwritten
 * silently: both versions are shown side by side and the person chooses.
 */
export function ConflictNotice({ rows, mineVersion, theirsVersion, lang, onReload, onKeepMine }: {
  rows: ConflictRow[]; mineVersion: number; theirsVersion: number; lang: Lang; onReload: () => void; onKeepMine: () => void;
}): JSX.Element {
  const { t } = useTranslation('desk');
  const box = useRef<HTMLElement>(null);
  // The save button is at the bottom of a long form: bring the choice into view.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section className="conflict" role="alert" data-testid="conflict" ref={box}>
      <h3>{t('conflict.title')}</h3>
      <p>{t('conflict.explain', { mine: mineVersion, theirs: theirsVersion })}</p>
      <table>
        <thead>
          <tr><th scope="col">{t('conflict.field')}</th><th scope="col">{t('conflict.theirs')}</th><th scope="col">{t('conflict.mine')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={r.both ? 'both' : undefined}>
              <th scope="row">{t(`fieldName.${r.field}`)}{r.both && <span className="badge">{t('conflict.both')}</span>}</th>
              <td data-user-content>{valueText(r.field, r.theirs, t, lang)}</td>
              <td data-user-content>{valueText(r.field, r.mine, t, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onReload}>{t('conflict.reload')}</button>
        <button type="button" className="secondary" onClick={onKeepMine}>{t('conflict.keepMine')}</button>
      </div>
    </section>
  );
}
