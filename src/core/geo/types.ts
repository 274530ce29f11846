/** GeoJSON (RFC 7946) geometry types as Tansiq accepts them: WGS84, [longitude, latitude] order. */

/**
 * [lon, lat] or [lon, lat, altitude]; the altitude is carried along but ignored. Typed loosely as
 * GeoJSON readers elsewhere produce it; the schemas guarantee the length.
 */
export type Position = number[];
/** Closed: the last position repeats the first. */
export type Ring = Position[];

export interface Point { type: 'Point'; coordinates: Position }
export interface LineString { type: 'LineString'; coordinates: Position[] }
export interface MultiLineString { type: 'MultiLineString'; coordinates: Position[][] }
/** The first ring is the outer boundary, any further rings are holes. */
export interface Polygon { type: 'Polygon'; coordinates: Ring[] }
export interface MultiPolygon { type: 'MultiPolygon'; coordinates: Ring[][] }

export type Line = LineString | MultiLineString;
export type Area = Polygon | MultiPolygon;
export type Geometry = Point | Line | Area;

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** The polygons of an area, each as its list of rings. */
export const polygonsOf = (area: Area): Ring[][] => (area.type === 'Polygon' ? [area.coordinates] : area.coordinates);

export const lonLat = (p: Position): [number, number] => [p[0] ?? NaN, p[1] ?? NaN];

export const samePlace = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];
