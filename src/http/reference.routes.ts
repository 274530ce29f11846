import { z } from 'zod';
import { pcodeSchema, placeInputSchema, type AdminArea } from '../core/model/reference.ts';
import { caller, originOf } from './auth.hook.ts';
import type { ApiRoutes } from './route-types.ts';
import { bboxParam, latParam, lonParam, noContent, replies, trueFlag, wholeNumber } from './schemas.ts';
import { toJsonSchema, type JsonSchema } from './zod-provider.ts';

const page = { limit: wholeNumber(1, 500).optional(), offset: wholeNumber(0, 1_000_000).optional() };
const q = z.string().max(200).optional();

const placeQuery = z.strictObject({ q, bbox: bboxParam.optional(), adminPcode: pcodeSchema.optional(), ...page });
const areaQuery = z.strictObject({
  q,
  level: z.enum(['0', '1', '2', '3']).transform(Number).optional(),
  parent: pcodeSchema.optional(),
  bbox: bboxParam.optional(),
  geometry: trueFlag.optional().meta({ description: 'true includes each boundary (large)' }),
  ...page,
});
const locateQuery = z.strictObject({ lon: lonParam, lat: latParam, geometry: trueFlag.optional() });

// Place ids are `source:id` (wof:1343684569); clients send the colon URL-encoded or not.
const placeParams = z.strictObject({ id: placeInputSchema.shape.id.unwrap() });
const areaParams = z.strictObject({ pcode: pcodeSchema });

const placeSchema = z.object({
  id: z.string(),
  names: z.record(z.string(), z.string()),
  altNames: z.array(z.string()),
  kind: z.string(),
  lon: z.number(),
  lat: z.number(),
  adm1Pcode: z.string().nullable(),
  adm2Pcode: z.string().nullable(),
  adm3Pcode: z.string().nullable(),
  population: z.number().nullable(),
  geonamesId: z.number().nullable(),
  source: z.string(),
});
const areaSchema = z.object({
  pcode: z.string(),
  level: z.number().int(),
  names: z.record(z.string(), z.string()),
  parentPcode: z.string().nullable(),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }).optional().meta({ description: 'GeoJSON, WGS84 lon/lat' }),
  bbox: z.array(z.number()).length(4),
  areaKm2: z.number(),
  inKurdistanRegion: z.boolean().nullable(),
  source: z.string(),
});
const items = (s: z.ZodType) => z.object({ items: z.array(s) });

// Boundaries run to thousands of vertices: lists leave them out unless asked.
const shape = (areas: AdminArea[], withGeometry: boolean | undefined) =>
  ({ items: withGeometry ? areas : areas.map(({ geometry: _g, ...rest }) => rest) });

const placeBodyDoc: JsonSchema = toJsonSchema(placeInputSchema, 'input');

/** Gazetteer and boundaries: every signed-in user reads them; analysts and admins maintain them. */
export const referenceRoutes: ApiRoutes = async (app, { services }) => {
  const { reference } = services;
  const places = ['places'];
  const areas = ['admin-areas'];

  app.get('/places', {
    schema: { tags: places, summary: 'Search the gazetteer', querystring: placeQuery, response: replies({ 200: items(placeSchema) }, [400]) },
  }, async (req) => ({ items: await reference.listPlaces(req.query) }));

  app.get('/places/:id', {
    schema: { tags: places, summary: 'One place', params: placeParams, response: replies({ 200: placeSchema }, [400, 404]) },
  }, async (req) => reference.getPlace(req.params.id));

  app.post('/places', {
    schema: { tags: places, summary: 'Add a place by hand', body: placeBodyDoc, response: replies({ 201: placeSchema }, [403], { body: true }) },
  }, async (req, reply) => reply.code(201).send(await reference.savePlace(caller(req), req.body, originOf(req))));

  app.put('/places/:id', {
    schema: { tags: places, summary: 'Replace a place', params: placeParams, body: placeBodyDoc, response: replies({ 200: placeSchema }, [403, 404], { body: true }) },
  }, async (req) => reference.savePlace(caller(req), req.body, originOf(req), req.params.id));

  app.delete('/places/:id', {
    schema: { tags: places, summary: 'Remove a place', params: placeParams, response: replies({ 204: noContent }, [400, 403, 404]) },
  }, async (req, reply) => {
    await reference.deletePlace(caller(req), req.params.id, originOf(req));
    return reply.code(204).send();
  });

  app.get('/admin-areas', {
    schema: { tags: areas, summary: 'Search administrative boundaries', querystring: areaQuery, response: replies({ 200: items(areaSchema) }, [400]) },
  }, async (req) => {
    const { parent, geometry, ...search } = req.query;
    return shape(await reference.listAdminAreas({ ...search, ...(parent ? { parentPcode: parent } : {}) }), geometry);
  });

  app.get('/admin-areas/locate', {
    schema: { tags: areas, summary: 'The areas that contain a point, most detailed first', querystring: locateQuery, response: replies({ 200: items(areaSchema) }, [400]) },
  }, async (req) => shape(await reference.locate(req.query.lon, req.query.lat), req.query.geometry));

  app.get('/admin-areas/:pcode', {
    schema: { tags: areas, summary: 'One area with its boundary', params: areaParams, response: replies({ 200: areaSchema }, [400, 404]) },
  }, async (req) => reference.getAdminArea(req.params.pcode));

  app.delete('/admin-areas/:pcode', {
    schema: { tags: areas, summary: 'Remove an area', params: areaParams, response: replies({ 204: noContent }, [400, 403, 404]) },
  }, async (req, reply) => {
    await reference.deleteAdminArea(caller(req), req.params.pcode, originOf(req));
    return reply.code(204).send();
  });
};
