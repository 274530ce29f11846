/**
 * Seeded synthetic gap-analysis jobs round Kirkuk and Makhmour: two forces holding areas on either
 * side of a front, units clustered on their own side, patrol corridors, and incidents mostly in the
 * strip between the lines. Built in UTM 38N metres and returned in lon/lat, as a client sends it.
 */
import type { CoverageInput, CoverageSource } from '../../src/core/geo/coverage/coverage.types.ts';
import type { Party } from '../../src/core/model/common.ts';
import { toLonLat } from '../../src/core/geo/coverage/utm.ts';
import { seededRandom } from '../../src/core/random/seeded-random.ts';

export interface CaseSpec {
  name: string;
  /** Side of the square region, km (200 km: 40,000 km²). */
  sideKm: number;
  circles: number;
  minRadiusM: number;
  maxRadiusM: number;
  corridors: number;
  incidents: number;
  cellM: number;
  seed: number;
}

/** UTM 38N metres of a point between Kirkuk and Makhmour. */
const CENTRE = { x: 410_000, y: 3_930_000 };
const NOW = Date.UTC(2021, 11, 31);
const DAY = 86_400_000;
/** The force lines lie 6 km either side of the front: 12 km apart, so a 10 km strip depth gives an 8 km strip. */
const LINE_ACROSS_M = 6_000;

export const CASES: CaseSpec[] = [
  { name: 'circles-500', sideKm: 200, circles: 500, minRadiusM: 2_000, maxRadiusM: 8_000, corridors: 50, incidents: 2_000, cellM: 50, seed: 1 },
  { name: 'circles-2000', sideKm: 200, circles: 2_000, minRadiusM: 2_000, maxRadiusM: 8_000, corridors: 50, incidents: 2_000, cellM: 50, seed: 2 },
  { name: 'circles-10000', sideKm: 200, circles: 10_000, minRadiusM: 2_000, maxRadiusM: 8_000, corridors: 50, incidents: 2_000, cellM: 50, seed: 3 },
  { name: 'small-circles-10000', sideKm: 200, circles: 10_000, minRadiusM: 450, maxRadiusM: 1_800, corridors: 50, incidents: 2_000, cellM: 50, seed: 4 },
  // The joint sweep of the founding reports covered more than 17,000 km².
  { name: 'sweep-17000km2', sideKm: Math.sqrt(17_000), circles: 2_000, minRadiusM: 2_000, maxRadiusM: 8_000, corridors: 50, incidents: 2_000, cellM: 50, seed: 5 },
];

export const mulberry32 = seededRandom;

/** The job in UTM metres (for the vector reference) and in lon/lat (for the engine). */
export interface SyntheticCase {
  spec: CaseSpec;
  input: CoverageInput;
  utm: {
    region: [number, number][];
    circles: { party: Party; x: number; y: number; r: number }[];
    corridors: { party: Party; line: [number, number][]; widthM: number }[];
    held: { party: Party; ring: [number, number][] }[];
  };
}

export function buildCase(spec: CaseSpec): SyntheticCase {
  const rnd = mulberry32(spec.seed);
  const half = (spec.sideKm * 1000) / 2;
  const region = densify([[-half, -half], [half, -half], [half, half], [-half, half], [-half, -half]], 40);
  // The front runs diagonally, south-east to north-west; Peshmerga to the north-east of it.
  const across = (x: number, y: number): number => (x - y) / Math.SQRT2;
  const frontOffset = 4_000;
  const inside = (): [number, number] => [(rnd() * 2 - 1) * half, (rnd() * 2 - 1) * half];
  const onSide = (party: Party): [number, number] => {
    for (;;) {
      const [x, y] = inside();
      const a = across(x, y);
      if (party === 'peshmerga' ? a > frontOffset : a < -frontOffset) return [x, y];
    }
  };
  const party = (i: number): Party => (i % 2 ? 'federal' : 'peshmerga');
  const circles = Array.from({ length: spec.circles }, (_, i) => {
    const [x, y] = onSide(party(i));
    return { party: party(i), x, y, r: spec.minRadiusM + rnd() * (spec.maxRadiusM - spec.minRadiusM) };
  });
  const corridors = Array.from({ length: spec.corridors }, (_, i) => {
    let [x, y] = inside();
    let heading = rnd() * 2 * Math.PI;
    const line: [number, number][] = [[x, y]];
    for (let v = 0; v < 4; v++) {
      heading += (rnd() - 0.5) * 1.2;
      const step = 3_000 + rnd() * 7_000;
      x = clamp(x + Math.cos(heading) * step, half);
      y = clamp(y + Math.sin(heading) * step, half);
      line.push([x, y]);
    }
    return { party: party(i), line, widthM: 1_000 };
  });
  const far = half * 0.9;
  const held = [
    { party: 'peshmerga' as const, ring: densify([[far * 0.2, -far], [far, -far], [far, -far * 0.2], [far * 0.2, -far]], 10) },
    { party: 'federal' as const, ring: densify([[-far, far * 0.2], [-far * 0.2, far], [-far, far], [-far, far * 0.2]], 10) },
  ];
  // A force line parallel to the front, `across` metres to its north-east, end to end of the region.
  const lineOf = (across: number): [number, number][] => {
    const t = half * Math.SQRT2 * 0.9;
    const at = (along: number): [number, number] => [(along + across) / Math.SQRT2, (along - across) / Math.SQRT2];
    return densify([at(-t), at(t)], 20);
  };
  const toLL = (pts: [number, number][]): number[][] => pts.map(([x, y]) => toLonLat(CENTRE.x + x, CENTRE.y + y));
  const sources: CoverageSource[] = [
    ...circles.map((c): CoverageSource => ({ party: c.party, kind: 'circle', center: toLL([[c.x, c.y]])[0]!, radiusM: c.r })),
    ...corridors.map((c): CoverageSource => ({ party: c.party, kind: 'corridor', route: { type: 'LineString', coordinates: toLL(c.line) }, widthM: c.widthM })),
    ...held.map((h): CoverageSource => ({ party: h.party, kind: 'polygon', area: { type: 'Polygon', coordinates: [toLL(h.ring)] } })),
  ];
  const incidents = Array.from({ length: spec.incidents }, (_, i) => {
    const [x, y] = rnd() < 0.7 ? nearFront(rnd, half, frontOffset) : inside();
    return { id: `inc-${i}`, point: toLL([[x, y]])[0]!, atMs: NOW - Math.floor(rnd() * 180) * DAY, weight: 1 + Math.floor(rnd() * 4) };
  });
  const input: CoverageInput = {
    region: { type: 'Polygon', coordinates: [toLL(region)] },
    cellM: spec.cellM,
    sources,
    forceLines: [
      { party: 'peshmerga', geometry: { type: 'LineString', coordinates: toLL(lineOf(LINE_ACROSS_M)) } },
      { party: 'federal', geometry: { type: 'LineString', coordinates: toLL(lineOf(-LINE_ACROSS_M)) } },
    ],
    incidents,
    nowMs: NOW,
  };
  const shift = (pts: [number, number][]): [number, number][] => pts.map(([x, y]) => [CENTRE.x + x, CENTRE.y + y]);
  return {
    spec,
    input,
    utm: {
      region: shift(region),
      circles: circles.map((c) => ({ ...c, x: CENTRE.x + c.x, y: CENTRE.y + c.y })),
      corridors: corridors.map((c) => ({ ...c, line: shift(c.line) })),
      held: held.map((h) => ({ ...h, ring: shift(h.ring) })),
    },
  };
}

function nearFront(rnd: () => number, half: number, offset: number): [number, number] {
  for (;;) {
    const t = (rnd() * 2 - 1) * half * Math.SQRT2;
    const a = (rnd() * 2 - 1) * offset * 1.5;
    const x = (t + a) / Math.SQRT2, y = (t - a) / Math.SQRT2;
    if (Math.abs(x) < half && Math.abs(y) < half) return [x, y];
  }
}

const clamp = (v: number, half: number): number => Math.max(-half * 0.99, Math.min(half * 0.99, v));

/** Extra points along each edge, so the outline stays straight in UTM once given in lon/lat. */
function densify(ring: [number, number][], perEdge: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!, [bx, by] = ring[i + 1]!;
    for (let k = 0; k < perEdge; k++) out.push([ax + ((bx - ax) * k) / perEdge, ay + ((by - ay) * k) / perEdge]);
  }
  out.push(ring[ring.length - 1]!);
  return out;
}
