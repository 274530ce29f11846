import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingApprovals, operationSchema, planChanged, type OperationApproval } from './operation.ts';

const area = { type: 'Polygon', coordinates: [[[43.5, 35.7], [43.7, 35.7], [43.7, 35.9], [43.5, 35.9], [43.5, 35.7]]] };
const op = operationSchema.parse({
  name: 'Sweep', kind: 'sweep', area, plannedStart: '2021-07-01T04:00:00Z', plannedEnd: '2021-07-10T18:00:00Z',
  sectors: [{ code: 'S1', name: 'North', area, force: 'peshmerga' }],
});
const approval = (party: string, decision: OperationApproval['decision'], planRevision: number, at: string) => ({
  party, at, data: { operationId: '00000000-0000-7000-8000-000000000001', planRevision, decision, comment: '' },
});

describe('operation approvals', () => {
  it('needs both parties to approve the current plan revision', () => {
    assert.deepEqual(missingApprovals(op, []), ['peshmerga', 'federal']);
    assert.deepEqual(missingApprovals(op, [approval('peshmerga', 'approved', 1, '2021-06-30T10:00:00Z')]), ['federal']);
    assert.deepEqual(missingApprovals(op, [approval('peshmerga', 'approved', 1, 'a'), approval('federal', 'approved', 1, 'b')]), []);
  });

  it('ignores approvals of an earlier revision and lets a later decision overrule an earlier one', () => {
    const rev2 = { ...op, planRevision: 2 };
    assert.deepEqual(missingApprovals(rev2, [approval('peshmerga', 'approved', 1, 'a'), approval('federal', 'approved', 2, 'b')]), ['peshmerga']);
    assert.deepEqual(missingApprovals(op, [approval('federal', 'approved', 1, '2021-06-30T10:00:00Z'), approval('federal', 'rejected', 1, '2021-06-30T11:00:00Z'), approval('peshmerga', 'approved', 1, 'a')]), ['federal']);
  });

  it('tells a change of plan from progress', () => {
    assert.equal(planChanged(op, { ...op, status: 'active', sectors: op.sectors.map((s) => ({ ...s, progressPct: 40, status: 'in-progress' as const })) }), false);
    assert.equal(planChanged(op, { ...op, plannedEnd: '2021-07-12T18:00:00.000Z' }), true);
    assert.equal(planChanged(op, { ...op, sectors: op.sectors.map((s) => ({ ...s, force: 'federal' as const })) }), true);
  });
});
