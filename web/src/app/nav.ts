import { useEffect, useState } from 'react';

export const VIEWS = ['map', 'desk', 'dashboard', 'sitrep'] as const;
export type ViewName = (typeof VIEWS)[number];

const isView = (v: string): v is ViewName => (VIEWS as readonly string[]).includes(v);

export function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isView(name) ? name : 'map';
}

/** The current view lives in the URL hash (`#/desk`), so reload and back/forward keep it. */
export function useView(): [ViewName, (v: ViewName) => void] {
  const [view, setView] = useState<ViewName>(() => viewFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [view, (v) => { location.hash = `#/${v}`; }];
}
