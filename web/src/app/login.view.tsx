import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.ts';
import type { ApiClient, Lang, SessionInfo } from './contracts.ts';
import { LangSwitch } from './lang-switch.component.tsx';
import { signIn } from './session.ts';

interface Props {
  api: ApiClient;
  lang: Lang;
  onLang: (l: Lang) => void;
  onSignedIn: (s: SessionInfo) => void;
}

export function LoginView({ api, lang, onLang, onSignedIn }: Props) {
  const { t } = useTranslation('common');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(api, username.trim(), password));
    } catch (err) {
      const code = err instanceof ApiError ? err.failure.code : 'NETWORK';
      setError(t(`errors.${code}`, { defaultValue: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="login-head">
          <h1 id="login-title">{t('app.name')}</h1>
          <LangSwitch lang={lang} onLang={onLang} />
        </div>
        <p className="login-sub">{t('app.subtitle')}</p>
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" dir="ltr" required maxLength={100} value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" dir="ltr" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? t('login.signingIn') : t('login.signIn')}</button>
        <p className="login-scope">{t('app.scope')}</p>
      </form>
    </main>
  );
}
