import type { Party } from '../../model/common.ts';
import type { Area, Line, Polygon, MultiPolygon, Position } from '../types.ts';

/**
 * The contract of the raster gap engine (DESIGN §6). Inputs and outputs are in WGS84 lon/lat;
 * the engine works internally in UTM 38N metres (EPSG:32638). Pure: no I/O, deterministic.
 */

/** What one party covers: a circle round a position, a corridor along a route, or an area it holds. */
export type CoverageSource =
  | { party: Party; kind: 'circle'; center: Position; radiusM: number; id?: string }
  | { party: Party; kind: 'corridor'; route: Line; widthM: number; id?: string }
  | { party: Party; kind: 'polygon'; area: Area; id?: string };

export interface ForceLineInput {
  party: Party;
  /** A line (forward line of troops) or an area held; the strip is measured from its edge. */
  geometry: Line | Area;
}

export interface IncidentInput {
  id: string;
  point: Position;
  /** Epoch milliseconds of the incident (its start). */
  atMs: number;
  /** Optional severity weight (default 1), e.g. 1 + killed + wounded/2. */
  weight?: number;
}

export interface CoverageInput {
  region: Area;
  /** Cell edge in metres: 50 by default, 100 for previews, 25 for exports. */
  cellM?: number;
  sources: CoverageSource[];
  forceLines?: ForceLineInput[];
  /** The vacuum strip is the part of the region within this distance of both parties' lines (default 10 km). */
  stripDepthM?: number;
  incidents?: IncidentInput[];
  /** Reference time for recency weighting (epoch ms). */
  nowMs: number;
  /** Half-life of an incident's weight in days (default 30). */
  halfLifeDays?: number;
  /** Incidents this close to a gap count for it too (default 2,000 m). */
  nearM?: number;
  /** Gaps smaller than this are dropped from the gap list (default 0.5 km²); they still count in the areas. */
  minGapAreaKm2?: number;
  /** Douglas–Peucker tolerance for traced gap outlines, metres (default: the cell size). */
  simplifyM?: number;
  /** Refuse jobs larger than this many cells (default 64 M), with a VALIDATION error naming the count. */
  maxCells?: number;
}

export interface AreaBreakdown {
  regionKm2: number;
  noneKm2: number;
  peshmergaOnlyKm2: number;
  federalOnlyKm2: number;
  bothKm2: number;
}

export interface RiskExplanation {
  /** Incidents inside the gap, and within `nearM` of it. */
  incidentsInside: number;
  incidentsNear: number;
  /** Sum of decayed weights (inside + near), before dividing by area. */
  weightedIncidents: number;
  /** Days since the most recent counted incident; null when none. */
  daysSinceLast: number | null;
  halfLifeDays: number;
  /** Ids of the counted incidents, most recent first (at most 20). */
  incidentIds: string[];
}

export interface Gap {
  /** 1 = highest risk. Ties broken by larger area, then by centroid, so the order is deterministic. */
  rank: number;
  geometry: Polygon | MultiPolygon;
  areaKm2: number;
  centroid: Position;
  /** Risk score: weighted incidents per 100 km² of gap (area floored at 1 km²). */
  risk: number;
  explanation: RiskExplanation;
  /** Share of the gap that lies in the vacuum strip (0..1). */
  inStripShare: number;
}

export interface StripResult {
  geometry: Polygon | MultiPolygon | null;
  areaKm2: number;
  /** Width across the strip, sampled along it: distance along in km, width in km. */
  widthProfile: { alongKm: number; widthKm: number }[];
  meanWidthKm: number;
  maxWidthKm: number;
}

export interface CoverageResult {
  cellM: number;
  cells: number;
  areas: AreaBreakdown;
  gaps: Gap[];
  strip: StripResult | null;
  /** Milliseconds spent, by stage (rasterise, label, trace, rank...). */
  timings: Record<string, number>;
}
