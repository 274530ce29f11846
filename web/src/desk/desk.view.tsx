import { useCallback, useEffect, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../app/contracts.ts';
import type { Page } from '../api/records.ts';
import { canLogIncidents } from './desk-access.ts';
import { failureOf } from './incident.actions.ts';
import { ErrorText } from './field-row.component.tsx';
import { IncidentEditor } from './incident-editor.component.tsx';
import { IncidentPanel } from './incident-panel.component.tsx';
import { IncidentQueue } from './incident-queue.component.tsx';
import type { IncidentRecord } from './incident.model.ts';
import { loadJccs, type JccOption } from './jcc.model.ts';
import { DeskQueue, queueQueries, type QueuedIncident } from './queue.state.ts';
import { failureError } from './server-errors.util.ts';
import type { FieldError } from './incident-form.state.ts';
import './desk.css';

const QUEUE_PAGE = 100;

/** The incident desk: the JCC's queue of new reports beside the form that logs or changes one. */
export function DeskView({ api, live, session, lang }: ViewProps): JSX.Element {
  const { t } = useTranslation('desk');
  const queue = useMemo(() => new DeskQueue(session.jccIds), [session.jccIds]);
  const [items, setItems] = useState<QueuedIncident[]>([]);
  const [jccs, setJccs] = useState<JccOption[]>([]);
  const [selected, setSelected] = useState<IncidentRecord | null>(null);
  const [error, setError] = useState<FieldError | undefined>();
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    try {
      const pages = await Promise.all(queueQueries(session.jccIds, QUEUE_PAGE).map((q) => api.get<Page<QueuedIncident>>('/incidents', q)));
      queue.load(pages.flatMap((p) => p.items));
      setItems(queue.items());
      live.declareKnown(queue.items());
      setError(undefined);
    } catch (e) {
      setError(failureError(failureOf(e)));
    } finally {
      setLoading(false);
    }
  }, [api, live, queue, session.jccIds]);

  useEffect(() => {
    void reload();
    const offEvents = live.subscribe((events) => {
      if (queue.apply(events)) setItems(queue.items());
    });
    const offResync = live.onResync(() => void reload());
    return () => (offEvents(), offResync());
  }, [live, queue, reload]);

  useEffect(() => {
    loadJccs(api, lang).then(setJccs, (e: unknown) => setError(failureError(failureOf(e))));
  }, [api, lang]);

  const changed = (r: IncidentRecord): void => {
    queue.put(r);
    setItems(queue.items());
    setSelected((s) => (s && s.id === r.id ? r : s));
  };

  const newer = selected ? items.find((r) => r.id === selected.id && r.version > selected.version) : undefined;

  return (
    <div className="desk" data-testid="desk">
      <section className="desk-queue" aria-labelledby="desk-queue-title">
        <header className="desk-queue-head">
          <h2 id="desk-queue-title">{t('queue.title')}</h2>
          {canLogIncidents(session) && (
            <button type="button" onClick={() => setSelected(null)} aria-pressed={selected === null}>{t('queue.new')}</button>
          )}
        </header>
        <p className="muted">{t('queue.explain')}</p>
        <ErrorText error={error} />
        {loading ? <p className="muted">{t('loading')}</p> : <IncidentQueue items={items} lang={lang} jccs={jccs} selectedId={selected?.id} onSelect={setSelected} />}
      </section>
      <section className="desk-main">
        {newer && (
          <p className="notice" role="status">
            {t('panel.newerVersion')} <button type="button" className="link" onClick={() => setSelected(newer)}>{t('panel.showNewer')}</button>
          </p>
        )}
        {selected ? (
          <IncidentPanel key={selected.id} api={api} lang={lang} session={session} jccs={jccs} record={selected} onChanged={changed} />
        ) : canLogIncidents(session) ? (
          <IncidentEditor api={api} lang={lang} session={session} jccs={jccs} onSaved={changed} />
        ) : (
          <p className="muted">{t('queue.readOnly')}</p>
        )}
      </section>
    </div>
  );
}
