import { z } from 'zod';
import { canonicalJson } from '../canonical-json.ts';
import { areaSchema } from '../geo/geometry.ts';
import { idSchema, partySchema } from './common.ts';
import { forceSchema, idListSchema, instantSchema, nameSchema, noteSchema, shortNoteSchema } from './fields.ts';

export const OPERATION_KINDS = ['sweep', 'clearance', 'joint-patrol', 'checkpoint-reinforcement', 'other'] as const;
export const OPERATION_STATUS = ['draft', 'proposed', 'active', 'suspended', 'completed', 'cancelled'] as const;
export type OperationStatus = (typeof OPERATION_STATUS)[number];

const phaseSchema = z.strictObject({
  name: nameSchema,
  start: instantSchema,
  end: instantSchema.optional(),
});

const sectorSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  name: nameSchema,
  area: areaSchema,
  force: forceSchema,
  unitIds: idListSchema.default([]),
  progressPct: z.number().min(0).max(100).default(0),
  status: z.enum(['planned', 'in-progress', 'cleared', 'halted']).default('planned'),
});

export const operationSchema = z
  .strictObject({
    name: nameSchema,
    kind: z.enum(OPERATION_KINDS),
    objective: noteSchema.default(''),
    area: areaSchema,
    plannedStart: instantSchema,
    plannedEnd: instantSchema,
    phases: z.array(phaseSchema).max(20).default([]),
    sectors: z.array(sectorSchema).max(200).default([]),
    unitIds: idListSchema.default([]),
    jccId: idSchema.optional(),
    status: z.enum(OPERATION_STATUS).default('draft'),
    /** Which parties take part: a joint operation needs both to approve before it starts. */
    parties: z.array(partySchema).min(1).max(2).default(['peshmerga', 'federal']),
    /**
     * Bumped by the service whenever anything but status or progress changes, so approvals
     * given to an earlier plan no longer count.
     */
    planRevision: z.number().int().min(1).default(1),
    note: shortNoteSchema.default(''),
  })
  .superRefine((o, ctx) => {
    if (o.plannedEnd < o.plannedStart) ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'must not be before plannedStart' });
    const codes = new Set<string>();
    o.sectors.forEach((s, i) => {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['sectors', i, 'code'], message: `sector code ${s.code} is used twice` });
      codes.add(s.code);
    });
  });
export type Operation = z.output<typeof operationSchema>;

/**
 * One party's decision on one plan revision of an operation. It is a record of the approving
 * party (single writer): the operation's owner never edits the other side's approval.
 */
export const operationApprovalSchema = z.strictObject({
  operationId: idSchema,
  planRevision: z.number().int().min(1),
  decision: z.enum(['approved', 'rejected']),
  comment: shortNoteSchema.default(''),
});
export type OperationApproval = z.output<typeof operationApprovalSchema>;

/** Status and progress move during execution; anything else is a change of plan. */
export function planChanged(before: Operation, after: Operation): boolean {
  const plan = (o: Operation) => ({
    ...o,
    status: undefined,
    planRevision: undefined,
    sectors: o.sectors.map((s) => ({ ...s, progressPct: undefined, status: undefined })),
  });
  // Canonical JSON: stores such as PostgreSQL jsonb hand objects back with their keys reordered.
  return canonicalJson(plan(before)) !== canonicalJson(plan(after));
}

/**
 * Parties still missing an approval of the current plan revision; an operation starts only
 * when this is empty. `approvals` come oldest first; the latest decision of each party counts.
 */
export function missingApprovals(op: Operation, approvals: readonly { party: string; data: OperationApproval }[]): string[] {
  const latest = new Map<string, OperationApproval>();
  for (const a of approvals) {
    if (a.data.planRevision === op.planRevision) latest.set(a.party, a.data);
  }
  return op.parties.filter((party) => latest.get(party)?.decision !== 'approved');
}
