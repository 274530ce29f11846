import { z } from 'zod';

export const PARTIES = ['peshmerga', 'federal'] as const;
export type Party = (typeof PARTIES)[number];
export const partySchema = z.enum(PARTIES);

export const ROLES = ['viewer', 'watch', 'analyst', 'commander', 'liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** TLP 2.0 handling labels, for people: shown on screen, in exports and printouts. */
export const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLPS)[number];
export const tlpSchema = z.enum(TLPS);

export const LANGUAGES = ['ar', 'ckb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Who may receive a record (machine-enforced). `own` never leaves the origin party;
 * `jcc` goes to the other party's staff of the listed JCCs; `bilateral` to the whole other party.
 */
export type Scope = { kind: 'own' } | { kind: 'bilateral' } | { kind: 'jcc'; jccIds: string[] };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const idSchema = z.string().regex(UUID_RE, 'must be a lower-case UUID');

export function formatScope(s: Scope): string {
  return s.kind === 'jcc' ? `jcc:${s.jccIds.join(',')}` : s.kind;
}

export function parseScope(text: string): Scope | undefined {
  if (text === 'own' || text === 'bilateral') return { kind: text };
  if (!text.startsWith('jcc:')) return undefined;
  const ids = [...new Set(text.slice(4).split(',').map((s) => s.trim()).filter(Boolean))].sort();
  if (ids.length === 0 || ids.some((id) => !UUID_RE.test(id))) return undefined;
  return { kind: 'jcc', jccIds: ids };
}

/** Scope in its text form: `own`, `bilateral` or `jcc:<uuid>,<uuid>`. */
export const scopeSchema = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const s = parseScope(text);
    if (!s) {
      ctx.addIssue({ code: 'custom', message: 'scope must be "own", "bilateral" or "jcc:<id>[,<id>...]"' });
      return z.NEVER;
    }
    return s;
  });

/** The envelope every shareable record carries (DESIGN §4). `data` is the type's own body. */
export interface RecordMeta {
  id: string;
  type: RecordType;
  originParty: Party;
  originSite: string;
  version: number;
  scope: Scope;
  tlp: Tlp;
  /** Drafts never leave their party, whatever the scope. */
  draft: boolean;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export interface StoredRecord<T = unknown> extends RecordMeta {
  data: T;
}

export const RECORD_TYPES = [
  'incident',
  'unit',
  'checkpoint',
  'jcc',
  'operation',
  'operation-approval',
  'meeting',
  'agreement-point',
  'action-item',
  'report',
  'force-line',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The acting user as every access decision sees it. */
export interface Principal {
  userId: string;
  username: string;
  party: Party;
  roles: Role[];
  jccIds: string[];
}
