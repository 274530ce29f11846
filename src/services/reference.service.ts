import { canEditReference } from '../core/access/access.ts';
import { forbidden, notFound, validationError } from '../core/errors.ts';
import type { Bbox } from '../core/geo/geometry.ts';
import { uuidv7 } from '../core/ids/uuidv7.ts';
import type { Principal } from '../core/model/common.ts';
import { placeInputSchema, type AdminArea, type Place } from '../core/model/reference.ts';
import { foldTokens } from '../core/text/fold.ts';
import { parseOrThrow } from '../core/validation.ts';
import { auditOf } from './audit.service.ts';
import type { RequestOrigin, ServiceContext } from './context.ts';

export interface PlaceSearch {
  q?: string;
  bbox?: Bbox;
  adminPcode?: string;
  limit?: number;
  offset?: number;
}

export interface AdminAreaSearch extends Omit<PlaceSearch, 'adminPcode'> {
  level?: number;
  parentPcode?: string;
}

const page = (n: number | undefined): number => Math.min(Math.max(n ?? 50, 1), 500);

/** Gazetteer and boundaries: public reference data every signed-in user reads. */
export class ReferenceService {
  constructor(private readonly ctx: ServiceContext) {}

  listPlaces(s: PlaceSearch): Promise<Place[]> {
    return this.ctx.store.listPlaces({ ...this.common(s), ...(s.adminPcode ? { adminPcode: s.adminPcode } : {}) });
  }

  async getPlace(id: string): Promise<Place> {
    return (await this.ctx.store.getPlace(id)) ?? throwNotFound('place');
  }

  async savePlace(p: Principal, input: unknown, origin: RequestOrigin, id?: string): Promise<Place> {
    if (!canEditReference(p)) throw forbidden('only analysts and administrators edit the gazetteer');
    const parsed = parseOrThrow(placeInputSchema, input, 'place');
    if (id && parsed.id && parsed.id !== id) throw validationError('the id in the body differs from the one in the path', [{ path: 'id', message: 'must match the path' }]);
    if (id && !(await this.ctx.store.getPlace(id))) throw notFound('place');
    const place: Place = { ...parsed, id: id ?? parsed.id ?? `local:${uuidv7()}` };
    await this.ctx.store.write(async (tx) => {
      await tx.upsertPlaces([place]);
      await tx.appendAudit(auditOf(this.ctx, p, id ? 'place.update' : 'place.create', { type: 'place', id: place.id }, origin));
    });
    return place;
  }

  async deletePlace(p: Principal, id: string, origin: RequestOrigin): Promise<void> {
    if (!canEditReference(p)) throw forbidden('only analysts and administrators edit the gazetteer');
    await this.ctx.store.write(async (tx) => {
      if (!(await tx.deletePlace(id))) throw notFound('place');
      await tx.appendAudit(auditOf(this.ctx, p, 'place.delete', { type: 'place', id }, origin));
    });
  }

  listAdminAreas(s: AdminAreaSearch): Promise<AdminArea[]> {
    return this.ctx.store.listAdminAreas({
      ...this.common(s),
      ...(s.level !== undefined ? { level: s.level } : {}),
      ...(s.parentPcode ? { parentPcode: s.parentPcode } : {}),
    });
  }

  async getAdminArea(pcode: string): Promise<AdminArea> {
    return (await this.ctx.store.getAdminArea(pcode)) ?? throwNotFound('admin area');
  }

  async deleteAdminArea(p: Principal, pcode: string, origin: RequestOrigin): Promise<void> {
    if (!canEditReference(p)) throw forbidden('only analysts and administrators edit boundaries');
    await this.ctx.store.write(async (tx) => {
      if (!(await tx.deleteAdminArea(pcode))) throw notFound('admin area');
      await tx.appendAudit(auditOf(this.ctx, p, 'admin-area.delete', { type: 'admin-area', id: pcode }, origin));
    });
    this.ctx.areas.adminAreasChanged();
  }

  locate(lon: number, lat: number): Promise<AdminArea[]> {
    return this.ctx.areas.adminAreasAt(lon, lat);
  }

  /** Writes one imported batch in one transaction, with one audit entry for it. */
  async importBatch(actor: Principal | null, batch: { kind: 'places'; items: Place[] } | { kind: 'admin-areas'; items: AdminArea[] }, source: string): Promise<void> {
    await this.ctx.store.write(async (tx) => {
      if (batch.kind === 'places') await tx.upsertPlaces(batch.items);
      else await tx.upsertAdminAreas(batch.items);
      await tx.appendAudit(auditOf(this.ctx, actor, `${batch.kind === 'places' ? 'place' : 'admin-area'}.import`, null, {}, { source, count: batch.items.length }));
    });
    if (batch.kind === 'admin-areas') this.ctx.areas.adminAreasChanged();
  }

  private common(s: PlaceSearch): { qTokens?: string[]; bbox?: Bbox; limit: number; offset: number } {
    return { ...(s.q ? { qTokens: foldTokens(s.q) } : {}), ...(s.bbox ? { bbox: s.bbox } : {}), limit: page(s.limit), offset: Math.max(0, s.offset ?? 0) };
  }
}

function throwNotFound(what: string): never {
  throw notFound(what);
}
