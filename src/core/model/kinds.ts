import type { z } from 'zod';
import { bboxOf, type Bbox } from '../geo/geometry.ts';
import { foldText } from '../text/fold.ts';
import { actionItemSchema, agreementPointSchema, meetingSchema } from './meeting.ts';
import { checkpointSchema } from './checkpoint.ts';
import type { RecordType, Role } from './common.ts';
import { forceLineSchema } from './force-line.ts';
import { incidentSchema } from './incident.ts';
import { jccSchema } from './jcc.ts';
import { operationApprovalSchema, operationSchema } from './operation.ts';
import { reportSchema } from './report.ts';
import { unitSchema } from './unit.ts';

/** The columns a backend indexes for filtering; derived from the body, never sent by clients. */
export interface RecordIndex {
  bbox: Bbox | null;
  tStart: string | null;
  tEnd: string | null;
  status: string | null;
  jccId: string | null;
  /** Folded text for free-text search (DESIGN §8). */
  search: string;
  draft: boolean;
}

export interface RecordKind {
  type: RecordType;
  /** URL segment: /api/<plural>. */
  plural: string;
  schema: z.ZodType<object>;
  /** Roles (besides admin) that may create, change and delete records of this type in their party. */
  writeRoles: readonly Role[];
  index(data: object): RecordIndex;
}

type Geo = Parameters<typeof bboxOf>[0];
type Body = Record<string, unknown>;

const fold = (...parts: unknown[]): string =>
  foldText(parts.flatMap((p) => (typeof p === 'string' ? [p] : p && typeof p === 'object' ? Object.values(p).filter((v) => typeof v === 'string') : [])).join(' '));

const boxOf = (...geoms: unknown[]): Bbox | null => {
  const boxes = geoms.filter(Boolean).map((g) => bboxOf(g as Geo));
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function kind(type: RecordType, plural: string, schema: z.ZodType<object>, writeRoles: Role[], index: (d: Body) => Partial<RecordIndex>): RecordKind {
  return {
    type,
    plural,
    schema,
    writeRoles,
    index: (data) => {
      const d = data as Body;
      return { bbox: null, tStart: null, tEnd: null, status: str(d['status']), jccId: str(d['jccId']), search: '', draft: false, ...index(d) };
    },
  };
}

export const KINDS: Record<RecordType, RecordKind> = {
  incident: kind('incident', 'incidents', incidentSchema, ['watch', 'analyst', 'commander'], (d) => ({
    bbox: boxOf(d['location']),
    tStart: str(d['occurredAt']),
    tEnd: str(d['occurredUntil']) ?? str(d['occurredAt']),
    status: str(d['verification']),
    draft: d['verification'] === 'draft',
    search: fold(d['title'], d['description'], d['placeName'], ...((d['actors'] as Body[] | undefined) ?? []).map((a) => a['name'])),
  })),
  unit: kind('unit', 'units', unitSchema, ['commander'], (d) => ({
    bbox: boxOf(d['position'], d['area']),
    search: fold(d['name'], d['echelon'], d['force']),
  })),
  checkpoint: kind('checkpoint', 'checkpoints', checkpointSchema, ['commander', 'watch'], (d) => ({
    bbox: boxOf(d['position']),
    search: fold(d['name'], d['road'], d['kind']),
  })),
  jcc: kind('jcc', 'jccs', jccSchema, [], (d) => ({
    bbox: boxOf(d['area'], d['headquarters']),
    search: fold(d['code'], d['name']),
  })),
  operation: kind('operation', 'operations', operationSchema, ['commander'], (d) => ({
    bbox: boxOf(d['area']),
    tStart: str(d['plannedStart']),
    tEnd: str(d['plannedEnd']),
    draft: d['status'] === 'draft',
    search: fold(d['name'], d['objective'], d['kind']),
  })),
  'operation-approval': kind('operation-approval', 'operation-approvals', operationApprovalSchema, ['commander'], (d) => ({
    status: str(d['decision']),
    search: fold(d['comment']),
  })),
  meeting: kind('meeting', 'meetings', meetingSchema, ['liaison', 'commander'], (d) => ({
    bbox: boxOf(d['location']),
    tStart: str(d['startsAt']),
    tEnd: str(d['endsAt']) ?? str(d['startsAt']),
    search: fold(d['title'], d['summary'], d['placeName'], ...((d['attendees'] as Body[] | undefined) ?? []).map((a) => a['office'])),
  })),
  'agreement-point': kind('agreement-point', 'agreement-points', agreementPointSchema, ['liaison', 'commander'], (d) => ({
    search: fold(d['title'], d['text'], d['note']),
  })),
  'action-item': kind('action-item', 'action-items', actionItemSchema, ['liaison', 'commander', 'watch'], (d) => ({
    tStart: str(d['dueDate']),
    tEnd: str(d['dueDate']),
    search: fold(d['title'], d['ownerOffice'], d['note']),
  })),
  report: kind('report', 'reports', reportSchema, ['watch', 'analyst'], (d) => ({
    bbox: boxOf(d['location']),
    tStart: str(d['receivedAt']),
    tEnd: str(d['receivedAt']),
    search: fold(d['title'], d['body'], d['sourceName']),
  })),
  'force-line': kind('force-line', 'force-lines', forceLineSchema, ['commander', 'analyst'], (d) => ({
    bbox: boxOf(d['geometry']),
    tStart: str(d['validFrom']),
    tEnd: str(d['validUntil']),
    search: fold(d['name'], d['note']),
  })),
};

export const kindByPlural = (plural: string): RecordKind | undefined => Object.values(KINDS).find((k) => k.plural === plural);
