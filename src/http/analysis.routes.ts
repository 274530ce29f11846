import { z } from 'zod';
import { coverageRequestSchema } from '../services/coverage-request.ts';
import { caller } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies } from './schemas.ts';

// Reply shapes, for the OpenAPI document only (see zod-provider.ts): the service's object is sent.
const names = z.record(z.string(), z.string());
const position = z.array(z.number()).meta({ description: '[lon, lat]' });
const area = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }).meta({ description: 'GeoJSON, WGS84 lon/lat' });
const adminRef = z.object({ pcode: z.string(), level: z.number().int(), names }).nullable();

const gapSchema = z.object({
  rank: z.number().int().meta({ description: '1 = highest risk' }),
  geometry: area,
  areaKm2: z.number(),
  centroid: position,
  risk: z.number().meta({ description: 'time-weighted incidents per 100 km² of gap (area floored at 1 km²)' }),
  inStripShare: z.number().meta({ description: 'share of the gap inside the vacuum strip, 0..1' }),
  explanation: z.object({
    incidentsInside: z.number().int(),
    incidentsNear: z.number().int(),
    weightedIncidents: z.number(),
    daysSinceLast: z.number().nullable(),
    halfLifeDays: z.number(),
    incidentIds: z.array(z.string()),
  }),
  admin: z.object({ governorate: adminRef, district: adminRef, subDistrict: adminRef }).meta({ description: 'the areas containing the gap centroid' }),
  places: z.array(z.object({ id: z.string(), names, kind: z.string(), lon: z.number(), lat: z.number(), distanceKm: z.number() })).meta({ description: 'the nearest gazetteer places, nearest first' }),
});

const analysisSchema = z.object({
  regionKey: z.string().meta({ description: 'jcc:<id>, admin-area:<pcode>, geometry:<digest> or preset:disputed' }),
  region: z.object({ kind: z.enum(['jcc', 'admin-area', 'geometry', 'disputed']), names }),
  asOf: z.string().meta({ description: 'the time the analysis is made as of (force lines in force, incident recency): now on a 5-minute step, or `until`' }),
  computedAt: z.string(),
  cached: z.boolean(),
  cellM: z.number(),
  cells: z.number().int(),
  window: z.object({ since: z.string(), until: z.string().nullable() }),
  sources: z.object({ units: z.boolean(), checkpoints: z.boolean(), parties: z.array(z.string()) }),
  inputs: z.object({ units: z.number().int(), checkpoints: z.number().int(), forceLines: z.number().int(), incidents: z.number().int() }).meta({ description: 'records that contributed, among those you may see' }),
  areas: z.object({ regionKm2: z.number(), noneKm2: z.number(), peshmergaOnlyKm2: z.number(), federalOnlyKm2: z.number(), bothKm2: z.number() }),
  gaps: z.array(gapSchema),
  strip: z
    .object({
      geometry: area.nullable(),
      areaKm2: z.number(),
      widthProfile: z.array(z.object({ alongKm: z.number(), widthKm: z.number() })),
      meanWidthKm: z.number(),
      maxWidthKm: z.number(),
    })
    .nullable()
    .meta({ description: 'the vacuum strip between the two forces\' lines; null without lines of both' }),
  timings: z.record(z.string(), z.number()).meta({ description: 'milliseconds by stage' }),
});

/** Gap analysis: a read, open to every signed-in user; it uses only what the caller may see. */
export const analysisRoutes: ApiRoutes = async (app, { services }) => {
  app.post('/analysis/coverage', {
    schema: {
      tags: ['analysis'],
      summary: 'Coverage and gaps of a region: area by who covers it, ranked gaps, the vacuum strip',
      description: [
        'The region is a JCC area (`jccId`), an admin area (`pcode`), a drawn polygon (`geometry`) or the disputed',
        'territories (`preset: "disputed"`: the union of the JCC areas you can see). Only the units, checkpoints,',
        'force lines and incidents you may read are used. Identical requests are answered from a cache until an',
        'input changes or the 5-minute time step moves on. While 8 analyses are waiting for the engine, more are refused (503).',
      ].join(' '),
      body: coverageRequestSchema,
      response: replies({ 200: analysisSchema }, [404, 503], { body: true }),
    },
  }, async (req) => services.coverage.analyse(caller(req), req.body));
};
