import { useTranslation } from 'react-i18next';
import { LANGS } from '../i18n/i18n.ts';
import type { Lang } from './contracts.ts';

/** Each language is named in itself, so anyone can find theirs whatever the current UI language. */
const NATIVE: Record<Lang, string> = { ar: 'العربية', ckb: 'کوردی', en: 'English' };

export function LangSwitch({ lang, onLang }: { lang: Lang; onLang: (l: Lang) => void }) {
  const { t } = useTranslation('common');
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} data-lang={l} aria-pressed={l === lang} onClick={() => onLang(l)} translate="no">
          {NATIVE[l]}
        </button>
      ))}
    </div>
  );
}
