import Feature from 'ol/Feature';
import type { ApiClient, SessionInfo } from '../app/contracts.ts';
import { riskOf } from './feature-styles.ts';
import { toGeometry } from './record-features.ts';

interface GapView {
  rank: number;
  geometry: unknown;
  areaKm2: number;
  risk: number;
  admin?: unknown;
  places?: unknown;
}

interface CoverageReply {
  areas: Record<string, number>;
  gaps: GapView[];
  strip: { geometry: unknown; areaKm2: number } | null;
}

export interface GapLayers {
  gaps: Feature[];
  strip: Feature[];
  areas: Record<string, number>;
}

/** Colour class of each gap: its risk against the worst gap of this run (scores are relative). */
export function classifyGaps<T extends { risk: number }>(gaps: readonly T[]): ('low' | 'medium' | 'high')[] {
  const max = Math.max(0, ...gaps.map((g) => g.risk));
  return gaps.map((g) => riskOf(max > 0 ? g.risk / max : 0));
}

/**
 * Gaps in coverage and the vacuum strip, from the server's gap analysis: over the user's JCCs
 * when they have any, else the whole disputed territories. 100 m cells: a live preview.
 */
export async function loadGaps(api: ApiClient, session: SessionInfo): Promise<GapLayers> {
  const region = session.jccIds.length === 1 ? { jccId: session.jccIds[0] } : { preset: 'disputed' };
  const reply = await api.post<CoverageReply>('/analysis/coverage', { region, cellM: 100 });
  const classes = classifyGaps(reply.gaps);
  const gaps = reply.gaps.flatMap((g, i) => {
    const geometry = toGeometry(g.geometry);
    if (!geometry) return [];
    const f = new Feature({ geometry, risk: classes[i], rank: g.rank, areaKm2: g.areaKm2, score: g.risk });
    f.setId(`gap:${g.rank}`);
    f.set('gap', g, true);
    return [f];
  });
  const stripGeometry = reply.strip && toGeometry(reply.strip.geometry);
  const strip = stripGeometry ? [new Feature({ geometry: stripGeometry, areaKm2: reply.strip?.areaKm2 })] : [];
  return { gaps, strip, areas: reply.areas };
}
