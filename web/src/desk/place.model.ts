import type { Lang } from '../app/contracts.ts';

/** A gazetteer entry as `GET /api/places` returns it. */
export interface PlaceHit {
  id: string;
  names: { en?: string; ar?: string; ckb?: string; kuLatn?: string };
  altNames: string[];
  kind: string;
  lon: number;
  lat: number;
}

const ORDER: Record<Lang, (keyof PlaceHit['names'])[]> = {
  ar: ['ar', 'ckb', 'en', 'kuLatn'],
  ckb: ['ckb', 'ar', 'kuLatn', 'en'],
  en: ['en', 'kuLatn', 'ar', 'ckb'],
};

/** The name in the reader's language (or the nearest one they read), and the other names as hints. */
export function placeNames(p: PlaceHit, lang: Lang): { name: string; hints: string[] } {
  const all = ORDER[lang].map((k) => p.names[k]).filter((n): n is string => Boolean(n));
  const [name = p.altNames[0] ?? p.id, ...rest] = all;
  return { name, hints: [...new Set(rest)].filter((n) => n !== name) };
}
