import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { httpApi } from '../api/api-client.ts';
import { applyLang } from '../i18n/i18n.ts';
import { browserSocket, createLiveSource, type ClosableLiveSource } from '../live/live-source.ts';
import type { Lang, SelectedRecord, SessionInfo } from './contracts.ts';
import { LangSwitch } from './lang-switch.component.tsx';
import { LinkIndicator } from './link-indicator.component.tsx';
import { LoginView } from './login.view.tsx';
import { useView, VIEWS, type ViewName } from './nav.ts';
import { fetchSession, signOut } from './session.ts';
import { TlpBanner } from './tlp-banner.component.tsx';
import { UserBadge } from './user-badge.component.tsx';
import { ViewBoundary } from './view-boundary.component.tsx';
import { VIEW_COMPONENTS } from './views.ts';

type SessionState = { status: 'loading' } | { status: 'out' } | { status: 'in'; session: SessionInfo } | { status: 'error'; message: string };

export function Shell({ initialLang }: { initialLang: Lang }) {
  const { t } = useTranslation('common');
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const changeLang = useCallback((l: Lang) => {
    void applyLang(l).then(() => setLang(l));
  }, []);

  useEffect(() => {
    fetchSession(httpApi)
      .then((s) => setState(s ? { status: 'in', session: s } : { status: 'out' }))
      .catch((e: unknown) => setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
  }, []);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, lang]);

  if (state.status === 'loading') return <p className="splash">{t('app.loading')}</p>;
  if (state.status === 'error') return <p className="splash" role="alert">{t('errors.NETWORK')}</p>;
  if (state.status === 'out') {
    return <LoginView api={httpApi} lang={lang} onLang={changeLang} onSignedIn={(s) => setState({ status: 'in', session: s })} />;
  }
  return <Workspace session={state.session} lang={lang} onLang={changeLang} onSignedOut={() => setState({ status: 'out' })} />;
}

interface WorkspaceProps {
  session: SessionInfo;
  lang: Lang;
  onLang: (l: Lang) => void;
  onSignedOut: () => void;
}

function Workspace({ session, lang, onLang, onSignedOut }: WorkspaceProps) {
  const { t } = useTranslation('common');
  const [view, setView] = useView();
  const [selected, setSelected] = useState<SelectedRecord | null>(null);
  const [live, setLive] = useState<ClosableLiveSource | null>(null);
  useEffect(() => {
    const source = createLiveSource({ connect: browserSocket });
    setLive(source);
    return () => source.close();
  }, []);

  const go = (v: ViewName) => {
    setSelected(null);
    setView(v);
  };
  const leave = () => {
    live?.close();
    void signOut(httpApi).finally(onSignedOut);
  };
  const View = VIEW_COMPONENTS[view];

  return (
    <div className="workspace" data-view={view}>
      <header className="top-bar">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span className="brand-sub">{t('app.jcc')}</span>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" data-nav={v} aria-current={v === view ? 'page' : undefined} onClick={() => go(v)}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
        <div className="top-tools">
          {live && <LinkIndicator live={live} />}
          <UserBadge api={httpApi} session={session} lang={lang} />
          <LangSwitch lang={lang} onLang={onLang} />
          <button type="button" className="sign-out" onClick={leave}>{t('login.signOut')}</button>
        </div>
      </header>
      {selected && <TlpBanner tlp={selected.tlp} />}
      <main className="view-area">
        <ViewBoundary key={view} fallback={(msg) => <p className="view-error" role="alert">{t('errors.view')} <span dir="ltr" data-user-content>{msg}</span></p>}>
          <Suspense fallback={<p className="splash">{t('app.loading')}</p>}>
            {live && <View api={httpApi} live={live} session={session} lang={lang} onSelect={setSelected} />}
          </Suspense>
        </ViewBoundary>
      </main>
    </div>
  );
}
