import type { FastifySchema, FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import { z } from 'zod';
import { invalid } from '../core/validation.ts';

/**
 * Zod as Fastify's schema language: one schema per route part both validates the request and
 * documents it in the OpenAPI document. Written here rather than taken from
 * fastify-type-provider-zod because that package encodes replies through the response schemas,
 * which fails on the model's transforms (instants, trimmed text): response schemas here document
 * only, and the services' views are what is sent.
 */
export interface ZodProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: unknown;
}

export type JsonSchema = Record<string, unknown>;

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** Invalid input becomes the same VALIDATION error the services raise, naming each field. */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  // A plain JSON Schema documents a part that the service itself validates.
  if (!(schema instanceof z.ZodType)) return (data) => ({ value: data });
  const what = PART_NAMES[httpPart ?? ''] ?? 'request';
  return (data) => {
    const r = schema.safeParse(data);
    return r.success ? { value: r.data } : { error: invalid(what, r.error) };
  };
};

export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

const cache = { input: new WeakMap<z.ZodType, JsonSchema>(), output: new WeakMap<z.ZodType, JsonSchema>() };

/**
 * Documents `schema` as `doc`: for a body whose route checks only the envelope (e.g. `tlp`) and
 * whose service validates the rest, so the document still shows every field.
 */
export function documentAs<T extends z.ZodType>(schema: T, doc: JsonSchema): T {
  cache.input.set(schema, doc);
  return schema;
}

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends (`input`) or receives (`output`). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const hit = cache[io].get(schema);
  if (hit) return hit;
  // Refinements and transforms have no JSON Schema form: they are documented as what they accept.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12', override: dropFormatPatterns }) as JsonSchema;
  cache[io].set(schema, json);
  return json;
}

// `format: date-time` says what the kilobyte of regular expression zod adds beside it says.
function dropFormatPatterns({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema['format'] && jsonSchema['pattern']) delete jsonSchema['pattern'];
}

const convert = (s: unknown, io: 'input' | 'output'): unknown => (s instanceof z.ZodType ? toJsonSchema(s, io) : s);

type DocSchema = FastifySchema & { response?: Record<string, unknown> };

/** @fastify/swagger hook: turns each route's zod schemas into JSON Schema for the document. */
export const zodSwaggerTransform: SwaggerTransform = ({ schema, url }) => {
  if (!schema) return { schema, url };
  const { body, querystring, params, headers, response, ...rest } = schema as DocSchema;
  const out: DocSchema = { ...rest };
  if (body) out.body = convert(body, 'input');
  if (querystring) out.querystring = convert(querystring, 'input');
  if (params) out.params = convert(params, 'input');
  if (headers) out.headers = convert(headers, 'input');
  if (response) out.response = Object.fromEntries(Object.entries(response).map(([code, s]) => [code, convert(s, 'output')]));
  return { schema: out, url };
};
