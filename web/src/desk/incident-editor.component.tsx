import { useEffect, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, Lang, SessionInfo } from '../app/contracts.ts';
import { canRelease } from './desk-access.ts';
import { ConflictNotice } from './conflict-notice.component.tsx';
import { conflictRows, mergeMine } from './conflict.state.ts';
import { createIncident, failureOf, saveIncident } from './incident.actions.ts';
import { ErrorText, FieldRow } from './field-row.component.tsx';
import { DetailFields, WhatWhenFields, WhereFields } from './incident-fields.component.tsx';
import { checkForm, emptyForm, formFromRecord, scopeText, type FieldErrors, type IncidentBody, type IncidentForm } from './incident-form.state.ts';
import type { IncidentRecord, Verification } from './incident.model.ts';
import type { JccOption } from './jcc.model.ts';
import { fieldErrorsFrom } from './server-errors.util.ts';
import { SharingFields } from './sharing-fields.component.tsx';

interface Props {
  api: ApiClient;
  lang: Lang;
  session: SessionInfo;
  jccs: readonly JccOption[];
  /** The record to edit; absent for a new incident. The parent keys this component by record id. */
  base?: IncidentRecord | undefined;
  onSaved: (r: IncidentRecord) => void;
  /** A newer version was loaded while resolving a conflict. */
  onSeen?: (r: IncidentRecord) => void;
}

interface Conflict {
  theirs: IncidentRecord;
  mine: IncidentBody;
}

/** The form to log a new incident fast, or to change one; a stale save shows both versions. */
export function IncidentEditor({ api, lang, session, jccs, base: initial, onSaved, onSeen }: Props): JSX.Element {
  const { t } = useTranslation('desk');
  const [base, setBase] = useState(initial);
  const [form, setForm] = useState<IncidentForm>(() => (initial ? formFromRecord(initial) : emptyForm(new Date())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canShare = canRelease(session, session.party);
  const set = (patch: Partial<IncidentForm>): void => setForm((f) => ({ ...f, ...patch }));

  const showRecord = (r: IncidentRecord): void => {
    setBase(r);
    setForm(formFromRecord(r));
  };
  const pristine = base !== undefined && JSON.stringify(form) === JSON.stringify(formFromRecord(base));

  // A newer version from this desk (a workflow button, a release) replaces an untouched form; an
  // edit in progress is kept, and saving it shows the conflict instead of losing either side.
  useEffect(() => {
    if (initial && base && initial.version > base.version && pristine) showRecord(initial);
  }, [initial]);

  async function save(body: IncidentBody): Promise<void> {
    if (!base) {
      const release = canShare ? { scope: scopeText(form), tlp: form.tlp } : undefined;
      const { record, releaseFailure } = await createIncident(api, body, release, form.tlp);
      onSaved(record);
      setForm(emptyForm(new Date()));
      if (releaseFailure) {
        const fe = fieldErrorsFrom(releaseFailure);
        setErrors({ scope: fe.scope ?? fe.tlp ?? fe.form });
        setNotice(t('form.loggedNotShared'));
        return;
      }
      setNotice(t('form.logged'));
      return;
    }
    const result = await saveIncident(api, base, body);
    if (result.kind === 'conflict') setConflict({ theirs: result.theirs, mine: body });
    else if (result.kind === 'unchanged') setNotice(t('form.unchanged'));
    else {
      showRecord(result.record);
      onSaved(result.record);
      setNotice(t('form.saved'));
    }
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setNotice(null);
    const check = checkForm(form);
    setErrors(check.ok ? {} : check.errors);
    if (!check.ok) return;
    setBusy(true);
    try {
      await save(check.body);
    } catch (err) {
      setErrors(fieldErrorsFrom(failureOf(err)));
    } finally {
      setBusy(false);
    }
  }

  const fields = { form, set, errors, api, lang, jccs };
  return (
    <form className="incident-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h2>{base ? t('form.editTitle') : t('form.newTitle')}</h2>
      {conflict && base && (
        <ConflictNotice
          rows={conflictRows(base.data, conflict.theirs.data, conflict.mine)} mineVersion={base.version} theirsVersion={conflict.theirs.version} lang={lang}
          onReload={() => (showRecord(conflict.theirs), setConflict(null), onSeen?.(conflict.theirs))}
          onKeepMine={() => (setBase(conflict.theirs), setForm(formFromRecord(mergeMine(base.data, conflict.theirs, conflict.mine))), setConflict(null), onSeen?.(conflict.theirs))}
        />
      )}
      <WhatWhenFields {...fields} />
      <WhereFields {...fields} />
      <DetailFields {...fields} />
      {!base && (
        <>
          <FieldRow name="verification" label={t('form.verification')} error={errors.verification}>
            <select name="verification" value={form.verification} onChange={(e) => set({ verification: e.target.value as Verification })}>
              {(['reported', 'draft'] as const).map((v) => <option key={v} value={v}>{t(`verification.${v}`)}</option>)}
            </select>
          </FieldRow>
          <SharingFields value={form} onChange={(s) => set(s)} jccs={jccs} canShare={canShare} errors={errors} />
        </>
      )}
      <ErrorText error={errors.form} />
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="actions">
        <button type="submit" disabled={busy || conflict !== null}>{base ? t('form.save') : t('form.submit')}</button>
      </div>
    </form>
  );
}
