import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ViewProps } from '../app/contracts.ts';
import { LANGS } from '../i18n/i18n.ts';
import { loadJccs, type JccOption } from '../desk/jcc.model.ts';
import { baghdadToday, sitrepUrl, type SitrepChoice, type SitrepHours } from './sitrep.url.ts';
import './sitrep.css';

const LANG_NAMES: Record<Lang, string> = { ar: 'العربية', ckb: 'کوردی', en: 'English' };

/**
 * The daily or weekly situation report, rendered by the server (so the printout, the PDF and the
 * screen are the same document) and shown in a sandboxed frame: the report runs no script.
 */
export function SitrepView({ api, session, lang }: ViewProps): JSX.Element {
  const { t } = useTranslation('sitrep');
  const [jccs, setJccs] = useState<JccOption[]>([]);
  const [choice, setChoice] = useState<SitrepChoice>(() => ({ jccId: '', hours: 24, endDate: baghdadToday(new Date()), lang }));
  const [loaded, setLoaded] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    // Without the JCC names the report still works for "all JCCs"; the list just stays short.
    loadJccs(api, lang).then(setJccs, () => setJccs([]));
  }, [api, lang]);

  const mine = session.jccIds.length > 0 ? jccs.filter((j) => session.jccIds.includes(j.id)) : jccs;
  const now = useMemo(() => new Date(), [choice]);
  const htmlUrl = sitrepUrl(choice, 'html', now);
  const set = (patch: Partial<SitrepChoice>): void => (setLoaded(false), setChoice((c) => ({ ...c, ...patch })));

  return (
    <div className="sitrep" data-testid="sitrep">
      <form className="sitrep-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('jcc')}</span>
          <select name="jcc" value={choice.jccId} onChange={(e) => set({ jccId: e.target.value })}>
            <option value="">{session.jccIds.length > 0 ? t('allMine') : t('all')}</option>
            {mine.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>{t('period')}</legend>
          {([24, 168] as SitrepHours[]).map((h) => (
            <label key={h} className="inline">
              <input type="radio" name="hours" checked={choice.hours === h} onChange={() => set({ hours: h })} />
              {t(`hours.${h}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <span>{t('endDate')}</span>
          <input type="date" name="endDate" value={choice.endDate} max={baghdadToday(new Date())} onChange={(e) => set({ endDate: e.target.value })} />
        </label>
        <label>
          <span>{t('language')}</span>
          <select name="reportLang" value={choice.lang} onChange={(e) => set({ lang: e.target.value as Lang })} translate="no">
            {LANGS.map((l) => <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>)}
          </select>
        </label>
        <div className="actions">
          <button type="button" disabled={!loaded} onClick={() => frame.current?.contentWindow?.print()}>{t('print')}</button>
          <a className="button" href={sitrepUrl(choice, 'pdf', now)} download>{t('pdf')}</a>
        </div>
      </form>
      {!loaded && <p className="muted" role="status">{t('loading')}</p>}
      {/* Same origin so Print can reach the frame; no scripts, forms or navigation for the report. */}
      <iframe
        ref={frame} key={htmlUrl} src={htmlUrl} title={t('frameTitle')} className="sitrep-frame"
        sandbox="allow-same-origin allow-modals" onLoad={() => setLoaded(true)}
      />
    </div>
  );
}
