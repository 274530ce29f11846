import { z } from 'zod';
import { idSchema, partySchema, scopeSchema, tlpSchema } from '../core/model/common.ts';
import { KINDS, type RecordKind } from '../core/model/kinds.ts';
import { documentAs, toJsonSchema, type JsonSchema } from './zod-provider.ts';
import { versionSchema } from './schemas.ts';

/** What each record route accepts and answers; the type's own fields come from the model. */

/** Each type's fields once in the document (`app.addSchema`), referred to by every reply carrying them. */
export const dataSchemaId = (kind: RecordKind): string => kind.type.replace(/(^|-)(\w)/g, (_m, _dash: string, c: string) => c.toUpperCase());

export const recordDataSchemas = (): JsonSchema[] =>
  Object.values(KINDS).map((kind) => ({ $id: dataSchemaId(kind), ...toJsonSchema(kind.schema, 'input') }));

const envelope = z.object({
  id: idSchema,
  type: z.string(),
  originParty: partySchema,
  originSite: z.string(),
  version: z.number().int(),
  scope: z.string().meta({ description: '"own", "bilateral" or "jcc:<id>,..."' }),
  tlp: tlpSchema,
  draft: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable().meta({ description: 'null for records of the other party' }),
  updatedBy: z.string().nullable(),
});

export function recordViewDoc(kind: RecordKind): JsonSchema {
  const json = toJsonSchema(envelope, 'output') as JsonSchema & { properties: JsonSchema; required: string[] };
  return {
    ...json,
    description: `A ${kind.type} as its reader receives it`,
    properties: { ...json.properties, type: { const: kind.type }, data: { $ref: `${dataSchemaId(kind)}#` } },
    required: [...json.required, 'data'],
  };
}

export const listDoc = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: item },
    nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null on the last' },
    total: { type: 'integer', description: 'with count=true: every matching record you may read' },
  },
  required: ['items', 'nextCursor'],
});

type ObjectJson = JsonSchema & { properties?: Record<string, JsonSchema>; required?: string[] };

/** A new record: the type's fields plus its handling label. Scope is always "own" until released. */
export function createBody(kind: RecordKind) {
  const data = toJsonSchema(kind.schema, 'input') as ObjectJson;
  return documentAs(z.looseObject({ tlp: tlpSchema.optional() }), {
    ...data,
    properties: { ...data.properties, tlp: { ...toJsonSchema(tlpSchema, 'input'), description: 'handling label; amber when left out' } },
  });
}

/** A change: the version last read plus only the fields that change; null removes an optional field. */
export function patchBody(kind: RecordKind) {
  const { required: _required, ...data } = toJsonSchema(kind.schema, 'input') as ObjectJson;
  return documentAs(z.looseObject({ version: versionSchema.optional() }), {
    ...data,
    description: 'Send `version` here or as If-Match. Fields sent replace the stored ones whole; null removes an optional field.',
    properties: { version: toJsonSchema(versionSchema, 'input'), ...data.properties },
  });
}

export const releaseBody = z.strictObject({
  version: versionSchema.optional().meta({ description: 'the version last read (or send If-Match)' }),
  scope: scopeSchema,
  tlp: tlpSchema.optional(),
});
