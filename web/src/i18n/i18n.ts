import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../app/contracts.ts';

export const LANGS: readonly Lang[] = ['ar', 'ckb', 'en'];
const STORAGE_KEY = 'tansiq.lang';

/** Every `locales/<lang>/<namespace>.json`: a view adds a namespace by adding its files. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function resources(): Resource {
  const out: Resource = {};
  for (const [path, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m?.[1] || !m[2]) continue;
    (out[m[1]] ??= {})[m[2]] = mod.default;
  }
  return out;
}

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);
export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'en' ? 'ltr' : 'rtl');

/** The stored choice, else the browser's language if we speak it, else Arabic (the working language of both forces). */
export function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policy): fall through to the browser language.
  }
  if (isLang(stored)) return stored;
  const nav = navigator.language.toLowerCase().split('-')[0];
  return isLang(nav) ? nav : 'ar';
}

/** Switches the UI language, remembers it, and sets `<html lang dir>` so the whole layout mirrors. */
export async function applyLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  await i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<Lang> {
  const lang = initialLang();
  const namespaces = [...new Set(Object.keys(files).map((p) => /\/([^/]+)\.json$/.exec(p)?.[1] ?? 'common'))];
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: lang,
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await applyLang(lang);
  return lang;
}
