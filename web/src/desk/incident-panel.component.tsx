import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, Lang, SessionInfo } from '../app/contracts.ts';
import { TlpBanner } from '../app/tlp-banner.component.tsx';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { canEditIncident, canRelease } from './desk-access.ts';
import { failureOf, loadIncident, releaseIncident, setVerification } from './incident.actions.ts';
import { ErrorText } from './field-row.component.tsx';
import { IncidentEditor } from './incident-editor.component.tsx';
import { scopeText, sharingError, sharingOfRecord, type FieldError } from './incident-form.state.ts';
import { totalOf, type IncidentRecord, type Verification } from './incident.model.ts';
import { jccLabel, type JccOption } from './jcc.model.ts';
import { failureError, fieldErrorsFrom } from './server-errors.util.ts';
import { SharingFields, type Sharing } from './sharing-fields.component.tsx';

/** The verification workflow: a new report is confirmed or disputed; a decision can be revised. */
export const NEXT_STATES: Record<Verification, Verification[]> = {
  draft: ['reported'],
  reported: ['confirmed', 'disputed'],
  confirmed: ['disputed'],
  disputed: ['confirmed'],
};

interface Props {
  api: ApiClient;
  lang: Lang;
  session: SessionInfo;
  jccs: readonly JccOption[];
  record: IncidentRecord;
  onChanged: (r: IncidentRecord) => void;
}

/** One incident: its TLP banner, its state, the workflow and release buttons the user's role allows, and the edit form. */
export function IncidentPanel({ api, lang, session, jccs, record, onChanged }: Props): JSX.Element {
  const { t } = useTranslation('desk');
  const [error, setError] = useState<FieldError | undefined>();
  const [sharing, setSharing] = useState<Sharing>(() => sharingOfRecord(record));
  const [busy, setBusy] = useState(false);
  const d = record.data;
  const editable = canEditIncident(session, record.originParty);
  const top = useRef<HTMLElement>(null);
  // Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'nearest' });
  }, [record.id]);

  async function run(action: () => Promise<IncidentRecord>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await action());
    } catch (e) {
      const failure = failureOf(e);
      if (failure.code === 'CONFLICT') {
        // Someone changed it meanwhile: show their version, let the person decide again.
        onChanged(await loadIncident(api, record.id).catch(() => record));
        setError({ key: 'errors.changedMeanwhile' });
      } else {
        const fe = fieldErrorsFrom(failure);
        setError(fe.scope ?? fe.tlp ?? fe.form ?? failureError(failure));
      }
    } finally {
      setBusy(false);
    }
  }

  const release = (): void => {
    const problem = sharingError({ ...sharing, verification: d.verification });
    if (problem) return setError(problem);
    void run(() => releaseIncident(api, record, { scope: scopeText(sharing), tlp: sharing.tlp }));
  };

  return (
    <article className="incident-panel" data-testid="incident-panel" aria-busy={busy} ref={top}>
      <TlpBanner tlp={record.tlp} />
      <header>
        <h2 dir="auto" data-user-content>{d.title}</h2>
        <p className="meta">
          <span>{formatDateTime(lang, d.occurredAt)}</span>
          {d.placeName && <span dir="auto" data-user-content>{d.placeName}</span>}
          {jccLabel(jccs, d.jccId) && <span>{jccLabel(jccs, d.jccId)}</span>}
          <span className={`badge state-${d.verification}`}>{t(`verification.${d.verification}`)}</span>
          <span>{t('panel.casualties', { killed: formatNumber(lang, totalOf(d.killed)), wounded: formatNumber(lang, totalOf(d.wounded)) })}</span>
          <span>{t(`party.${record.originParty}`)} · {t('panel.version', { version: formatNumber(lang, record.version) })}</span>
          <span>{t(`scopeNow.${sharingOfRecord(record).scope}`)}</span>
        </p>
      </header>
      {editable && (
        <div className="workflow actions" role="group" aria-label={t('panel.workflow')}>
          {NEXT_STATES[d.verification].map((v) => (
            <button key={v} type="button" disabled={busy} data-action={v} onClick={() => void run(() => setVerification(api, record, v))}>{t(`action.${v}`)}</button>
          ))}
        </div>
      )}
      {canRelease(session, record.originParty) && (
        <div className="release">
          <SharingFields value={sharing} onChange={setSharing} jccs={jccs} canShare errors={{}} />
          <button type="button" disabled={busy} onClick={release}>{t('panel.release')}</button>
        </div>
      )}
      <ErrorText error={error} />
      {editable ? (
        <IncidentEditor
          key={record.id} api={api} lang={lang} session={session} jccs={jccs} base={record}
          onSaved={onChanged} onSeen={onChanged}
        />
      ) : (
        <p className="muted">{t('panel.readOnly')}</p>
      )}
    </article>
  );
}
