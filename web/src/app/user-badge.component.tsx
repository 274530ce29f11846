import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAll } from '../api/records.ts';
import type { ApiClient, Lang, SessionInfo } from './contracts.ts';

type Names = Partial<Record<Lang, string>>;

/** Who is signed in: name, force, roles and JCCs, so nobody works under the wrong hat. */
export function UserBadge({ api, session, lang }: { api: ApiClient; session: SessionInfo; lang: Lang }) {
  const { t } = useTranslation('common');
  const [jccNames, setJccNames] = useState<Record<string, Names>>({});
  useEffect(() => {
    let live = true;
    listAll<{ name: Names; code: string }>(api, 'jcc')
      .then((jccs) => live && setJccNames(Object.fromEntries(jccs.map((j) => [j.id, j.data.name]))))
      .catch(() => undefined);
    return () => { live = false; };
  }, [api]);
  const jccs = session.jccIds.map((id) => {
    const n = jccNames[id];
    return n ? (n[lang] ?? n.en ?? n.ar ?? n.ckb ?? '') : '';
  }).filter(Boolean);
  return (
    <div className="user-badge" data-party={session.party}>
      <span className={`party-chip party-${session.party}`}>{t(`party.${session.party}`)}</span>
      <span className="user-name" dir="ltr" translate="no" data-user-content>{session.username}</span>
      <span className="user-roles">{session.roles.map((r) => t(`role.${r}`)).join(t('app.listSeparator'))}</span>
      {jccs.length > 0 && <span className="user-jccs" data-user-content title={jccs.join(' · ')}>{jccs.join(' · ')}</span>}
    </div>
  );
}
