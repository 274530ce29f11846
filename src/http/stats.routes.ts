import { z } from 'zod';
import { idSchema, LANGUAGES, TLPS } from '../core/model/common.ts';
import { instantSchema } from '../core/model/fields.ts';
import { DEFAULT_TREND_WEEKS, MAX_TREND_WEEKS } from '../services/stats.service.ts';
import { caller } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { replies, wholeNumber } from './schemas.ts';

const windowQuery = {
  since: instantSchema.optional().meta({ description: 'start of the window (default: 26 weeks before until)' }),
  until: instantSchema.optional().meta({ description: 'end of the window (default: now)' }),
};
const jcc = idSchema.optional().meta({ description: 'only incidents of this JCC' });
const lang = z.enum(LANGUAGES).optional().meta({ description: 'language of the names (default en)' });

const incidentQuery = z
  .strictObject({ ...windowQuery, jcc, lang, top: wholeNumber(1, 100).optional().meta({ description: 'places in each top list (default 10)' }) })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { path: ['until'], message: 'must not be before since' });
const checkpointQuery = z.strictObject({ jcc: idSchema.optional().meta({ description: 'only checkpoints of this JCC' }) });
const trendQuery = z.strictObject({
  jcc: idSchema.optional().meta({ description: "this JCC's area; every JCC area you may see by default" }),
  weeks: wholeNumber(1, MAX_TREND_WEEKS).optional().meta({ description: `how many ISO weeks up to now (default ${DEFAULT_TREND_WEEKS})` }),
});

const byCategory = z.object({ civilian: z.number(), peshmerga: z.number(), federal: z.number(), other: z.number(), total: z.number() });
const bucket = { incidents: z.number().int(), killed: byCategory, wounded: byCategory };
const named = { ...bucket, name: z.string().nullable().meta({ description: "in the requested language; null when the reader cannot see the JCC or the area is unknown" }) };
const topPlace = z.object({ key: z.string().meta({ description: 'gazetteer id, or pcode:<P-code> when the incident names no place' }), name: z.string().nullable(), lon: z.number(), lat: z.number(), ...bucket });

const incidentStatsSchema = z.object({
  since: z.string(),
  until: z.string(),
  jccId: z.string().nullable(),
  lang: z.enum(LANGUAGES),
  tlp: z.enum(TLPS).meta({ description: 'the most restrictive label among the incidents counted: show it with the figures' }),
  totals: z.object(bucket),
  byWeek: z.array(z.object({ week: z.string().meta({ example: '2021-W48' }), weekStart: z.string(), ...bucket })),
  byJcc: z.array(z.object({ jccId: z.string().nullable(), ...named })),
  byDistrict: z.array(z.object({ pcode: z.string().nullable(), ...named })),
  byEventType: z.array(z.object({ eventType: z.string().nullable().meta({ description: 'ACLED event type' }), ...named })),
  topPlaces: z.object({ byIncidents: z.array(topPlace), byCasualties: z.array(topPlace) }),
});

const staffing = z.enum(['full', 'short', 'unmanned']);
const checkpointStatsSchema = z.object({
  tlp: z.enum(TLPS),
  totals: z.object({ full: z.number(), short: z.number(), unmanned: z.number(), total: z.number() }),
  checkpoints: z.array(z.object({
    id: z.string(), name: z.string(), kind: z.string(), status: z.string(), staffing,
    planned: z.number().meta({ description: 'people planned over all shifts and parties' }), present: z.number(),
    jccId: z.string().nullable(), lon: z.number(), lat: z.number(), tlp: z.string(),
  })),
});

const gapTrendSchema = z.object({
  regionKey: z.string(),
  basis: z.literal('recorded-analyses').meta({ description: 'past weeks show the last gap analysis made in them on this site (stored, at most one per 15 minutes per region and reader view); past unit positions are not kept, so they are not recomputed' }),
  current: z.object({ computedAt: z.string(), uncoveredKm2: z.number(), regionKm2: z.number() }).meta({ description: 'computed now, with units and checkpoints as they are now' }),
  weeks: z.array(z.object({ week: z.string(), weekStart: z.string(), uncoveredKm2: z.number().nullable(), regionKm2: z.number().nullable(), analyses: z.number().int() })),
});

/** Dashboard figures; every number comes from the records the caller may read. */
export const statsRoutes: ApiRoutes = async (app, { services }) => {
  const { stats } = services;
  const tags = ['statistics'];

  app.get('/stats/incidents', {
    schema: { tags, summary: 'Incidents and casualties by ISO week, JCC, district, event type and place', querystring: incidentQuery, response: replies({ 200: incidentStatsSchema }, [400]) },
  }, async (req) => {
    const { jcc: jccId, ...q } = req.query;
    return stats.incidents(caller(req), { ...q, ...(jccId ? { jccId } : {}) });
  });

  app.get('/stats/checkpoints', {
    schema: { tags, summary: 'Staffing of each checkpoint (full, short, unmanned) and totals', querystring: checkpointQuery, response: replies({ 200: checkpointStatsSchema }, [400]) },
  }, async (req) => stats.checkpoints(caller(req), req.query.jcc ? { jccId: req.query.jcc } : {}));

  app.get('/stats/gap-trend', {
    schema: { tags, summary: 'Uncovered area (km²) per ISO week, from the gap analyses made on this site', querystring: trendQuery, response: replies({ 200: gapTrendSchema }, [400, 404, 503]) },
  }, async (req) => {
    const { jcc: jccId, weeks } = req.query;
    return stats.gapTrend(caller(req), { ...(jccId ? { jccId } : {}), ...(weeks ? { weeks } : {}) });
  });
};
