import type { Incident } from '../core/model/incident.ts';
import type { RecordRules } from './record-rules.ts';

/**
 * A watch officer logging an incident by a click on the map should not also have to know the
 * sub-district code or which JCC's area it is in: fill both from the geometry when not given.
 */
export const incidentRules: RecordRules = {
  async beforeWrite(ctx, p, current, nextData) {
    const next = { ...(nextData as Incident) };
    const before = current?.data as Incident | undefined;
    // After a move, codes carried over unchanged from before the move are derived again.
    if (before && JSON.stringify(before.location) !== JSON.stringify(next.location)) {
      if (next.adminPcode === before.adminPcode) delete next.adminPcode;
      if (next.jccId === before.jccId) delete next.jccId;
    }
    const [lon, lat] = next.location.coordinates as [number, number];
    if (!next.adminPcode) {
      const [area] = await ctx.areas.adminAreasAt(lon, lat);
      if (area) next.adminPcode = area.pcode;
    }
    if (!next.jccId) {
      const [jcc] = await ctx.areas.jccsAt(p, lon, lat);
      if (jcc) next.jccId = jcc.id;
    }
    return next;
  },
};
