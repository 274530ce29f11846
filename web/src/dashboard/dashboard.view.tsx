import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../app/contracts.ts';
import { TlpBanner } from '../app/tlp-banner.component.tsx';
import { dirOf } from '../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { loadJccs, type JccOption } from '../desk/jcc.model.ts';
import { failureOf } from '../desk/incident.actions.ts';
import { failureError } from '../desk/server-errors.util.ts';
import { baghdadToday, untilOf } from '../sitrep/sitrep.url.ts';
import { BarChart } from './bar-chart.component.tsx';
import { bucketRows, categorySeries, coverageRows, coverageSeries, placeRows, staffingRows, staffingSeries, weekPoints } from './dashboard.series.ts';
import { loadCheckpointStats, loadCoverage, loadIncidentStats, type CheckpointStats, type IncidentStats, type JccCoverage } from './stats.api.ts';
import { TimeChart } from './time-chart.component.tsx';
import './dashboard.css';

const WEEK_CHOICES = [12, 26, 52] as const;
const WEEK_MS = 7 * 86_400_000;

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: { key: string } | { text: string } };

function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (e: unknown) => live && setResult({ state: 'failed', error: failureError(failureOf(e)) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return result;
}

/** Incidents and casualties over time and by place, checkpoint staffing, and the gaps in coverage. */
export function DashboardView({ api, lang }: ViewProps): JSX.Element {
  const { t } = useTranslation('dashboard');
  const rtl = dirOf(lang) === 'rtl';
  const [jccId, setJccId] = useState('');
  const [weeks, setWeeks] = useState<number>(26);
  const [endDate, setEndDate] = useState(() => baghdadToday(new Date()));
  const [jccs, setJccs] = useState<JccOption[]>([]);

  useEffect(() => {
    loadJccs(api, lang).then(setJccs, () => setJccs([]));
  }, [api, lang]);

  const until = untilOf(endDate, new Date()) ?? new Date().toISOString();
  const since = new Date(Date.parse(until) - weeks * WEEK_MS).toISOString();
  const incidents = useLoad(() => loadIncidentStats(api, { jccId, since, until, lang }), [api, jccId, since.slice(0, 13), lang]);
  const checkpoints = useLoad(() => loadCheckpointStats(api, { jccId }), [api, jccId]);
  const coverageIds = (jccId ? [jccId] : jccs.map((j) => j.id)).join(',');
  const coverage = useLoad(() => loadCoverage(api, coverageIds ? coverageIds.split(',') : []), [api, coverageIds]);
  const jccName = (id: string): string => jccs.find((j) => j.id === id)?.name ?? t('unknown');

  return (
    <div className="dashboard" data-testid="dashboard">
      <form className="dashboard-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('jcc')}</span>
          <select name="jcc" value={jccId} onChange={(e) => setJccId(e.target.value)}>
            <option value="">{t('allJccs')}</option>
            {jccs.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
          </select>
        </label>
        <label>
          <span>{t('period')}</span>
          <select name="weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => <option key={w} value={w}>{t('weeks', { n: formatNumber(lang, w) })}</option>)}
          </select>
        </label>
        <label>
          <span>{t('endDate')}</span>
          <input type="date" name="endDate" value={endDate} max={baghdadToday(new Date())} onChange={(e) => setEndDate(e.target.value)} />
        </label>
        <p className="muted">{t('visibleOnly')}</p>
      </form>
      <Section load={incidents} t={t}>
        {(s: IncidentStats) => (
          <>
            <TlpBanner tlp={s.tlp} />
            <dl className="totals">
              <div><dt>{t('totals.incidents')}</dt><dd>{formatNumber(lang, s.totals.incidents)}</dd></div>
              <div><dt>{t('totals.killed')}</dt><dd>{formatNumber(lang, s.totals.killed.total)}</dd></div>
              <div><dt>{t('totals.wounded')}</dt><dd>{formatNumber(lang, s.totals.wounded.total)}</dd></div>
              <div><dt>{t('totals.window')}</dt><dd className="small">{formatDateTime(lang, s.since, false)} – {formatDateTime(lang, s.until, false)}</dd></div>
            </dl>
            <div className="charts">
              <TimeChart testId="chart-weeks" title={t('charts.weeks')} points={weekPoints(s, lang)} series={categorySeries(t)} lineName={t('charts.incidentsLine')} lang={lang} rtl={rtl} />
              <BarChart testId="chart-jcc" title={t('charts.byJcc')} rows={bucketRows(s.byJcc.map((b) => ({ ...b, key: b.jccId ?? '-' })), t, lang)} series={[{ name: t('totals.incidents'), colour: '#4e79a7' }]} lang={lang} rtl={rtl} />
              <BarChart testId="chart-district" title={t('charts.byDistrict')} rows={bucketRows(s.byDistrict.map((b) => ({ ...b, key: b.pcode ?? '-' })), t, lang)} series={[{ name: t('totals.incidents'), colour: '#76b7b2' }]} lang={lang} rtl={rtl} />
              <BarChart testId="chart-type" title={t('charts.byType')} rows={bucketRows(s.byEventType.map((b) => ({ ...b, key: b.eventType ?? '-' })), t, lang)} series={[{ name: t('totals.incidents'), colour: '#b07aa1' }]} lang={lang} rtl={rtl} />
              <BarChart testId="chart-places" title={t('charts.places')} rows={placeRows(s, t)} series={categorySeries(t)} lang={lang} rtl={rtl} />
            </div>
          </>
        )}
      </Section>
      <div className="charts">
        <Section load={checkpoints} t={t}>
          {(c: CheckpointStats) => (
            <BarChart
              testId="chart-checkpoints" title={t('charts.checkpoints', { full: formatNumber(lang, c.totals.full), short: formatNumber(lang, c.totals.short), unmanned: formatNumber(lang, c.totals.unmanned) })}
              rows={staffingRows(c, t, lang)} series={staffingSeries(t)} lang={lang} rtl={rtl}
            />
          )}
        </Section>
        <Section load={coverage} t={t}>
          {(list: JccCoverage[]) => (
            <div>
              <BarChart testId="chart-gaps" title={t('charts.gaps')} rows={coverageRows(list, jccName, t, lang)} series={coverageSeries(t)} lang={lang} rtl={rtl} />
              <p className="muted">{t('gapsNow', { at: list[0] ? formatDateTime(lang, list[0].asOf) : '—' })}</p>
            </div>
          )}
        </Section>
      </div>
    </div>
  );
}

function Section<T>({ load, t, children }: { load: Load<T>; t: (k: string) => string; children: (v: T) => JSX.Element }): JSX.Element {
  if (load.state === 'loading') return <p className="muted" role="status">{t('loading')}</p>;
  if (load.state === 'failed') return <p className="field-error" role="alert">{'key' in load.error ? t(`desk:${load.error.key}`) : load.error.text}</p>;
  return children(load.value);
}
