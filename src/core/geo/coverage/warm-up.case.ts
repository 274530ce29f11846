/**
 * A small job that takes every path of the engine (circles, corridors, polygons, force lines as a
 * line and as an area, incidents) so the JIT has compiled them all before the first real job.
 */
import type { CoverageInput, CoverageSource } from './coverage.types.ts';

const CENTRE = [44.2, 35.5] as const;

export function warmUpInput(): CoverageInput {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const at = (spread: number): [number, number] => [CENTRE[0] + (next() - 0.5) * spread, CENTRE[1] + (next() - 0.5) * spread];
  const square = (c: readonly [number, number], h: number): number[][] => [[c[0] - h, c[1] - h], [c[0] + h, c[1] - h], [c[0] + h, c[1] + h], [c[0] - h, c[1] + h], [c[0] - h, c[1] - h]];
  const sources: CoverageSource[] = Array.from({ length: 300 }, (_, i) => ({
    party: i % 2 ? 'federal' : 'peshmerga', kind: 'circle', center: at(0.5), radiusM: 500 + next() * 3000,
  }));
  sources.push({ party: 'federal', kind: 'corridor', route: { type: 'LineString', coordinates: [at(0.5), at(0.5), at(0.5)] }, widthM: 1000 });
  sources.push({ party: 'peshmerga', kind: 'polygon', area: { type: 'Polygon', coordinates: [square([CENTRE[0] + 0.2, CENTRE[1] + 0.2], 0.04)] } });
  return {
    region: { type: 'Polygon', coordinates: [square(CENTRE, 0.3)] },
    cellM: 100,
    sources,
    forceLines: [
      { party: 'peshmerga', geometry: { type: 'Polygon', coordinates: [square([CENTRE[0] + 0.25, CENTRE[1] + 0.25], 0.1)] } },
      { party: 'federal', geometry: { type: 'LineString', coordinates: [[CENTRE[0] - 0.3, CENTRE[1] + 0.05], [CENTRE[0] + 0.3, CENTRE[1] + 0.1]] } },
    ],
    incidents: Array.from({ length: 100 }, (_, i) => ({ id: `w${i}`, point: at(0.6), atMs: Date.UTC(2021, 11, 1) - i * 86_400_000 })),
    nowMs: Date.UTC(2021, 11, 31),
    minGapAreaKm2: 0.1,
  };
}
