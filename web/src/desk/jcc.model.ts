import type { ApiClient, Lang } from '../app/contracts.ts';
import { listAll } from '../api/records.ts';

export interface JccOption {
  id: string;
  code: string;
  name: string;
  area: unknown;
}

interface JccData {
  code: string;
  name: { en?: string; ar?: string; ckb?: string };
  area: unknown;
}

/** The JCCs the user may read, named in their language (then Arabic, then English). */
export async function loadJccs(api: ApiClient, lang: Lang): Promise<JccOption[]> {
  const records = await listAll<JccData>(api, 'jcc');
  return records
    .map((r) => ({ id: r.id, code: r.data.code, name: r.data.name[lang] ?? r.data.name.ar ?? r.data.name.en ?? r.data.code, area: r.data.area }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export const jccLabel = (jccs: readonly JccOption[], id: string | undefined): string | undefined =>
  id === undefined ? undefined : jccs.find((j) => j.id === id)?.name;
