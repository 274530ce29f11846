/**
 * The incidents from coded sources and the reports they rest on. A watch officer logs each
 * report and incident, links them, and the liaison officer releases them, as in daily work.
 */
import { pointInArea } from '../core/geo/geometry.ts';
import type { Party, Tlp } from '../core/model/common.ts';
import type { LOCATION_PRECISION } from '../core/model/incident.ts';
import type { DemoContext, Release } from './demo-context.ts';
import { liaisonOf, publish } from './demo-context.ts';
import type { SectorCode } from './front.data.ts';
import { REAL_INCIDENTS, REPORTS, type RealIncidentSpec } from './real-incidents.data.ts';
import { round5 } from './strip-geometry.util.ts';

type Precision = (typeof LOCATION_PRECISION)[number];

/** The admin level a location of this precision can honestly be given. */
const LEVEL_OF: Record<Precision, number> = { exact: 3, near: 3, district: 2, province: 1 };

/** Admin area (from the boundaries, when loaded) and the JCC whose area holds the point. */
export async function placementOf(ctx: DemoContext, lon: number, lat: number, precision: Precision): Promise<{ adminPcode?: string; jccId?: string; jcc?: SectorCode }> {
  const adminPcode = await ctx.geo.adminPcodeAt(lon, lat, LEVEL_OF[precision]);
  const jcc = ctx.jccs.find((j) => pointInArea(lon, lat, j.area));
  return { ...(adminPcode ? { adminPcode } : {}), ...(jcc ? { jccId: jcc.id, jcc: jcc.code } : {}) };
}

/** How an incident is shared: drafts stay home; a JCC-only release needs the incident to be in that JCC. */
export function incidentRelease(verification: string, wanted: 'bilateral' | 'jcc' | 'own', jcc: SectorCode | undefined, tlp: Tlp): Release {
  if (verification === 'draft' || wanted === 'own') return { scope: 'own' };
  if (wanted === 'jcc' && jcc) return { scope: 'jcc', jcc, tlp: 'amber' };
  return { scope: 'bilateral', tlp };
}

export async function logIncident(ctx: DemoContext, party: Party, body: Record<string, unknown>, release: Release): Promise<string> {
  const rec = await publish(ctx, ctx.as(party, 'watch'), liaisonOf(ctx, party), 'incident', body, release);
  return rec.id;
}

interface StoredReport {
  id: string;
  version: number;
  by: Party;
  release: 'bilateral' | 'own';
  incidentIds: string[];
}

async function createReports(ctx: DemoContext): Promise<Map<string, StoredReport>> {
  const out = new Map<string, StoredReport>();
  for (const r of REPORTS) {
    const place = r.place ? await ctx.geo.place(r.place) : undefined;
    const rec = await ctx.services.records.create(ctx.as(r.by, 'watch'), 'report', {
      kind: r.kind,
      title: r.title,
      body: r.body,
      language: r.language,
      receivedAt: r.receivedAt,
      sourceName: r.sourceName,
      ...(r.url ? { url: r.url } : {}),
      ...(place ? { location: { type: 'Point', coordinates: round5([place.lon, place.lat]) } } : {}),
      status: 'triaged',
    });
    ctx.bump('report');
    out.set(r.key, { id: rec.id, version: rec.version, by: r.by, release: r.release, incidentIds: [] });
  }
  return out;
}

async function addRealIncident(ctx: DemoContext, spec: RealIncidentSpec, reports: Map<string, StoredReport>): Promise<string> {
  const place = await ctx.geo.place(spec.place);
  const [lon, lat] = round5(spec.position ?? [place.lon, place.lat]);
  const where = await placementOf(ctx, lon, lat, spec.locationPrecision);
  const linked = spec.reports.map((key) => reports.get(key)).filter((r): r is StoredReport => r !== undefined);
  const body = {
    title: spec.title,
    description: spec.description,
    occurredAt: spec.occurredAt,
    ...(spec.occurredUntil ? { occurredUntil: spec.occurredUntil } : {}),
    timePrecision: spec.timePrecision,
    location: { type: 'Point', coordinates: [lon, lat] },
    locationPrecision: spec.locationPrecision,
    ...(place.id && !spec.position ? { placeId: place.id } : {}),
    placeName: spec.position ? 'Nineveh western desert (no place named)' : place.label,
    ...(where.adminPcode ? { adminPcode: where.adminPcode } : {}),
    ...(where.jccId ? { jccId: where.jccId } : {}),
    killed: spec.killed,
    wounded: spec.wounded,
    actors: spec.actors.map(([name, side]) => ({ name, side })),
    acledEventType: spec.acled[0],
    acledSubEventType: spec.acled[1],
    sources: [...spec.sources, ...linked.map((r) => ({ name: 'Tansiq report', reportId: r.id }))],
    reportIds: linked.map((r) => r.id),
    verification: spec.verification,
  };
  const release = spec.jccOnly ? incidentRelease(spec.verification, 'jcc', spec.jccOnly, 'amber') : incidentRelease(spec.verification, 'bilateral', undefined, 'green');
  const id = await logIncident(ctx, spec.loggedBy, body, release);
  for (const r of linked) r.incidentIds.push(id);
  return id;
}

/** Real incidents by key (see REAL_INCIDENTS), after linking their reports. */
export async function buildRealIncidents(ctx: DemoContext): Promise<Map<string, string>> {
  const reports = await createReports(ctx);
  const ids = new Map<string, string>();
  for (const spec of REAL_INCIDENTS) ids.set(spec.key, await addRealIncident(ctx, spec, reports));
  for (const r of reports.values()) {
    const watch = ctx.as(r.by, 'watch');
    const updated = r.incidentIds.length > 0
      ? await ctx.services.records.update(watch, 'report', r.id, r.version, { incidentIds: r.incidentIds, status: 'linked' })
      : undefined;
    if (r.release === 'bilateral') {
      await ctx.services.records.release(liaisonOf(ctx, r.by), 'report', r.id, updated?.version ?? r.version, { kind: 'bilateral' }, 'green');
    }
  }
  return ids;
}
