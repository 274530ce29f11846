/**
 * The four JCCs, created by an administrator and released to the other party at once: both
 * forces staff them, so neither side's record of them is secret.
 */
import type { Point } from '../core/geo/geometry.ts';
import type { DemoContext, DemoJcc } from './demo-context.ts';
import { publish } from './demo-context.ts';
import { JCCS } from './jccs.data.ts';

export async function buildJccs(ctx: DemoContext): Promise<DemoJcc[]> {
  const out: DemoJcc[] = [];
  for (const spec of JCCS) {
    const admin = ctx.as(spec.createdBy, 'admin');
    const area = await ctx.geo.area(spec.pcodes, spec.approximateOutline, spec.name.en);
    const hq = await ctx.geo.place(spec.headquarters);
    const headquarters: Point = { type: 'Point', coordinates: [hq.lon, hq.lat] };
    const note = ctx.geo.approximate
      ? 'Area of responsibility: APPROXIMATE hand-drawn outline (no boundaries loaded). Demo record.'
      : `Area of responsibility: OCHA COD-AB 2019 ${spec.pcodes.length > 1 ? 'districts' : 'area'} ${spec.pcodes.join(', ')}. Demo record.`;
    const rec = await publish(ctx, admin, admin, 'jcc', {
      code: spec.code,
      name: spec.name,
      area,
      headquarters,
      staff: [{ party: 'peshmerga', count: spec.staff.peshmerga }, { party: 'federal', count: spec.staff.federal }],
      status: 'active',
      note,
    }, { scope: 'bilateral', tlp: 'green' }, 'green');
    out.push({ code: spec.code, id: rec.id, area });
  }
  return out;
}
