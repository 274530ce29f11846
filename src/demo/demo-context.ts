/**
 * What the scenario builders share: the services, the staff accounts they act as, the geography
 * and the records made so far. Every record is written through the services as a real user
 * would, so the event log and the audit chain look as they do in real use.
 */
import type { Area } from '../core/geo/geometry.ts';
import type { Party, Principal, RecordType, Role, Scope, Tlp } from '../core/model/common.ts';
import type { RecordView } from '../services/record-view.ts';
import type { Services } from '../services/services.ts';
import type { SectorCode } from './front.data.ts';
import type { Front } from './front.util.ts';
import type { Rng } from './rng.util.ts';
import type { ScenarioGeo } from './reference.builder.ts';

export interface DemoJcc {
  code: SectorCode;
  id: string;
  area: Area;
}

export interface DemoContext {
  services: Services;
  rng: Rng;
  geo: ScenarioGeo;
  front: Front;
  jccs: DemoJcc[];
  /** Things a person loading the demo should know (fallbacks taken, files that failed). */
  notes: string[];
  as(party: Party, role: Role): Principal;
  bump(what: string, by?: number): void;
}

/** How a record is shared once written: not at all, with the other party's staff of a JCC, or with the whole other party. */
export type Release = { scope: 'own' } | { scope: 'bilateral'; tlp: Tlp } | { scope: 'jcc'; jcc: SectorCode; tlp: Tlp };

export function jccOf(ctx: DemoContext, code: SectorCode): DemoJcc {
  const jcc = ctx.jccs.find((j) => j.code === code);
  if (!jcc) throw new Error(`demo: JCC ${code} has not been created yet`);
  return jcc;
}

function scopeOf(ctx: DemoContext, r: Exclude<Release, { scope: 'own' }>): Scope {
  return r.scope === 'bilateral' ? { kind: 'bilateral' } : { kind: 'jcc', jccIds: [jccOf(ctx, r.jcc).id] };
}

/**
 * Writes a record as `author` and, unless it stays `own`, has `releaser` (a liaison officer or
 * commander of the same party) release it, as two separate steps like in daily work.
 */
export async function publish(ctx: DemoContext, author: Principal, releaser: Principal, type: RecordType, body: unknown, release: Release, tlp: Tlp = 'amber'): Promise<RecordView> {
  const created = await ctx.services.records.create(author, type, body, { tlp });
  ctx.bump(type);
  if (release.scope === 'own') return created;
  return ctx.services.records.release(releaser, type, created.id, created.version, scopeOf(ctx, release), release.tlp);
}

/** The liaison officer of a party: the role that releases records to the other side. */
export const liaisonOf = (ctx: DemoContext, party: Party): Principal => ctx.as(party, 'liaison');
