/** The joint checkpoints, each placed at its gazetteer place (or the approximate key place). */
import type { Party } from '../core/model/common.ts';
import { CHECKPOINTS, type CheckpointSpec } from './checkpoints.data.ts';
import type { DemoContext } from './demo-context.ts';
import { jccOf, liaisonOf, publish } from './demo-context.ts';
import { round5 } from './strip-geometry.util.ts';

function staffing(spec: CheckpointSpec): { shift: 'day' | 'night'; party: Party; planned: number; present: number }[] {
  return (['day', 'night'] as const).flatMap((shift) => {
    const [pPlanned, pPresent, fPlanned, fPresent] = spec[shift];
    return [
      { shift, party: 'peshmerga' as const, planned: pPlanned, present: pPresent },
      { shift, party: 'federal' as const, planned: fPlanned, present: fPresent },
    ];
  });
}

export async function buildCheckpoints(ctx: DemoContext): Promise<void> {
  for (const spec of CHECKPOINTS) {
    const place = await ctx.geo.place(spec.place);
    const where = place.approximate ? `Position APPROXIMATE (${place.label}).` : `At ${place.label} (gazetteer ${place.id ?? 'entry'}).`;
    await publish(ctx, ctx.as(spec.createdBy, 'commander'), liaisonOf(ctx, spec.createdBy), 'checkpoint', {
      name: spec.name,
      kind: 'joint',
      position: { type: 'Point', coordinates: round5([place.lon, place.lat]) },
      ...(spec.entranceOf ? { entranceOf: spec.entranceOf } : {}),
      road: spec.road,
      jccId: jccOf(ctx, spec.sector).id,
      status: spec.status,
      coverageRadiusM: spec.radiusM ?? 1000,
      staffing: staffing(spec),
      note: `${spec.note} ${where} Staffing is demo data.`,
    }, spec.release === 'jcc' ? { scope: 'jcc', jcc: spec.sector, tlp: 'amber' } : { scope: 'bilateral', tlp: 'green' });
  }
}
