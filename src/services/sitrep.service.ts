import { validationError } from '../core/errors.ts';
import { bboxOf, type Bbox } from '../core/geo/geometry.ts';
import type { Area, Line } from '../core/geo/types.ts';
import type { Language, Party, Principal } from '../core/model/common.ts';
import type { ForceLine } from '../core/model/force-line.ts';
import { totalCasualties, type Incident } from '../core/model/incident.ts';
import type { Jcc } from '../core/model/jcc.ts';
import type { ServiceContext } from './context.ts';
import type { CoverageRequest } from './coverage-request.ts';
import type { GapView } from './coverage-enrich.ts';
import type { PdfRenderer } from './pdf.ts';
import type { RecordService } from './record.service.ts';
import type { RecordView } from './record-view.ts';
import type { ReferenceService } from './reference.service.ts';
import { pickName } from './sitrep/i18n.ts';
import type { MapLayers } from './sitrep/map.svg.ts';
import { actionRows, operationRows } from './sitrep/sitrep.gather.ts';
import { MAX_LISTED, type GapRow, type IncidentRow, type SitrepModel } from './sitrep/sitrep.model.ts';
import { renderSitrep } from './sitrep/sitrep.template.ts';
import { TlpMax } from './sitrep/tlp.util.ts';
import { summaryCoverageRequest } from './stats.gap-trend.ts';
import { ReferenceNames } from './stats.names.ts';
import type { StatsService } from './stats.service.ts';
import { IncidentTally } from './stats.tally.ts';

export interface SitrepRequest {
  /** A JCC id, or undefined for the whole area (every JCC the reader may see). */
  jccId?: string;
  lang: Language;
  /** Length of the window in hours, ending at `until`. */
  hours: number;
  /** End of the window; now by default. */
  until?: string;
}

/** The gap analysis, when this server runs one (see CoverageService). */
export interface GapAnalyser {
  analyse(p: Principal, req: CoverageRequest): Promise<{ gaps: GapView[] }>;
}

export const MAX_HOURS = 31 * 24;
const TOP_GAPS = 5;
const INCIDENT_CAP = 20_000;
/** The disputed territories, for a reader who sees no JCC and no incident. */
const FALLBACK_BBOX: Bbox = [42.0, 33.3, 46.5, 37.3];

const union = (boxes: Bbox[]): Bbox | null =>
  boxes.length === 0 ? null : boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);

/**
 * The daily situation report (DESIGN §2, analyst): the window's incidents and casualties on a
 * sketch map, the largest gaps, checkpoint staffing, operations and open action items, as HTML in
 * the reader's language or as PDF. Every record comes through RecordService with the reader's
 * principal, so the report holds exactly what its reader may see, and carries the strictest label.
 */
export class SitrepService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly records: RecordService,
    private readonly stats: StatsService,
    private readonly reference: ReferenceService,
    private readonly renderer: PdfRenderer,
    private readonly gapAnalyser?: GapAnalyser,
  ) {}

  async html(p: Principal, req: SitrepRequest): Promise<{ html: string; model: SitrepModel }> {
    const model = await this.model(p, req);
    return { html: renderSitrep(model), model };
  }

  async pdf(p: Principal, req: SitrepRequest): Promise<{ pdf: Buffer; model: SitrepModel }> {
    const { html, model } = await this.html(p, req);
    return { pdf: await this.renderer.pdf(html), model };
  }

  async model(p: Principal, req: SitrepRequest): Promise<SitrepModel> {
    if (!Number.isInteger(req.hours) || req.hours < 1 || req.hours > MAX_HOURS) {
      throw validationError(`hours must be a whole number from 1 to ${MAX_HOURS}`, [{ path: 'hours', message: 'out of range' }]);
    }
    const generatedAt = this.ctx.now().toISOString();
    const until = req.until ?? generatedAt;
    const since = new Date(Date.parse(until) - req.hours * 3_600_000).toISOString();
    const tlp = new TlpMax();
    const seen = <T extends RecordView>(r: T): T => {
      tlp.see(r.tlp);
      return r;
    };
    const jccFilter = req.jccId ? { jccId: req.jccId } : {};

    const jccs = req.jccId ? [seen(await this.records.get(p, 'jcc', req.jccId))] : await this.all(p, 'jcc', {}, seen);
    const names = new ReferenceNames(this.ctx.store, req.lang);
    const jccNames = new Map(jccs.map((r) => [r.id, pickName((r.data as Jcc).name, req.lang) ?? (r.data as Jcc).code]));
    const incidents = (await this.all(p, 'incident', { since, until, ...jccFilter }, seen, INCIDENT_CAP)).sort((a, b) => (b.data as Incident).occurredAt.localeCompare((a.data as Incident).occurredAt));
    const tally = new IncidentTally({ sinceMs: Date.parse(since), untilMs: Date.parse(until) });
    incidents.forEach((r) => tally.add(r.data as Incident));

    const checkpoints = await this.stats.checkpoints(p, jccFilter);
    tlp.see(checkpoints.tlp);
    const bbox = union(jccs.map((r) => bboxOf((r.data as Jcc).area))) ?? union(incidents.map((r) => bboxOf((r.data as Incident).location))) ?? FALLBACK_BBOX;
    const warnings: string[] = [];
    const gaps = await this.gaps(p, req, since, until, bbox, seen, warnings);
    const operations = operationRows(await this.operations(p, since, until, jccFilter, seen));
    const actionItems = await actionRows((type, params) => this.all(p, type, params, (r) => r), until, req.jccId, seen);

    return {
      lang: req.lang,
      reader: { username: p.username, party: p.party },
      generatedAt,
      since,
      until,
      hours: req.hours,
      jcc: req.jccId ? { id: req.jccId, name: jccNames.get(req.jccId) ?? '' } : null,
      tlp: tlp.value,
      totals: tally.total,
      incidents: await Promise.all(incidents.slice(0, MAX_LISTED).map((r) => this.incidentRow(r.data as Incident, names, jccNames))),
      incidentCount: incidents.length,
      map: await this.mapLayers(p, bbox, jccs, incidents, gaps?.areas ?? [], until, seen),
      gaps: gaps?.rows ?? null,
      checkpoints,
      operations,
      actionItems,
      warnings,
    };
  }

  private async all(p: Principal, type: Parameters<RecordService['list']>[1], params: Parameters<StatsService['forEachVisible']>[2], seen: (r: RecordView) => RecordView, max?: number): Promise<RecordView[]> {
    const out: RecordView[] = [];
    await this.stats.forEachVisible(p, type, params, (r) => out.push(seen(r)), max);
    return out;
  }

  private async incidentRow(i: Incident, names: ReferenceNames, jccNames: Map<string, string>): Promise<IncidentRow> {
    const place = (i.placeId ? await names.placeName(i.placeId) : undefined) ?? i.placeName ?? (i.adminPcode ? await names.areaName(i.adminPcode) : undefined) ?? null;
    return {
      at: i.occurredAt,
      title: i.title,
      place,
      eventType: i.acledEventType ?? null,
      killed: totalCasualties(i.killed),
      wounded: totalCasualties(i.wounded),
      verification: i.verification,
      jcc: i.jccId ? (jccNames.get(i.jccId) ?? null) : null,
    };
  }

  /** Operations planned to run in the window, and those under way whatever their dates; never drafts. */
  private async operations(p: Principal, since: string, until: string, jccFilter: { jccId?: string }, seen: (r: RecordView) => RecordView): Promise<RecordView[]> {
    const byId = new Map<string, RecordView>();
    for (const params of [{ since, until }, { status: 'active' }, { status: 'suspended' }]) {
      for (const r of await this.all(p, 'operation', { ...params, ...jccFilter }, (x) => x)) if (!r.draft) byId.set(r.id, r);
    }
    return [...byId.values()].map(seen);
  }

  private async gaps(p: Principal, req: SitrepRequest, since: string, until: string, bbox: Bbox, seen: (r: RecordView) => RecordView, warnings: string[]): Promise<{ rows: GapRow[]; areas: Area[] } | null> {
    if (!this.gapAnalyser) return null;
    let analysis: { gaps: GapView[] };
    try {
      analysis = await this.gapAnalyser.analyse(p, summaryCoverageRequest(req.jccId, { since, until }));
    } catch (e) {
      // The rest of the report matters more than its gap table: it goes out without one.
      warnings.push(`gap analysis left out: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    // Gaps are drawn from units' coverage: the report carries their labels too.
    await this.all(p, 'unit', { bbox }, seen);
    return {
      areas: analysis.gaps.map((g) => g.geometry),
      rows: analysis.gaps.slice(0, TOP_GAPS).map((g) => ({
        rank: g.rank,
        areaKm2: g.areaKm2,
        risk: g.risk,
        incidents: g.explanation.incidentsInside + g.explanation.incidentsNear,
        place: pickName((g.admin.subDistrict ?? g.admin.district ?? g.places[0])?.names ?? {}, req.lang) ?? null,
      })),
    };
  }

  private async mapLayers(p: Principal, bbox: Bbox, jccs: RecordView[], incidents: RecordView[], gaps: Area[], until: string, seen: (r: RecordView) => RecordView): Promise<MapLayers> {
    const districts = await this.reference.listAdminAreas({ bbox, level: 2, limit: 500 });
    const inForce = (l: ForceLine): boolean => l.validFrom <= until && (!l.validUntil || l.validUntil >= until);
    const lines = (await this.all(p, 'force-line', { bbox }, (r) => r)).filter((r) => inForce(r.data as ForceLine) && (r.data as ForceLine).geometry.type !== 'Point').map(seen);
    return {
      bbox,
      districts: districts.map((a) => a.geometry),
      jccAreas: jccs.map((r) => (r.data as Jcc).area),
      forceLines: lines.map((r) => ({ party: r.originParty as Party, geometry: (r.data as ForceLine).geometry as Line | Area })),
      gaps,
      incidents: incidents.map((r) => {
        const i = r.data as Incident;
        return { at: i.location.coordinates, casualties: totalCasualties(i.killed) + totalCasualties(i.wounded) };
      }),
    };
  }
}
