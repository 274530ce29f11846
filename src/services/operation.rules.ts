import { canRead, readFilterFor } from '../core/access/access.ts';
import { TansiqError, validationError } from '../core/errors.ts';
import type { Principal, StoredRecord } from '../core/model/common.ts';
import { missingApprovals, planChanged, type Operation, type OperationApproval } from '../core/model/operation.ts';
import type { ServiceContext } from './context.ts';
import type { RecordRules } from './record-rules.ts';

/**
 * Both forces approve a joint operation before it starts (DESIGN §2). Approvals name the plan
 * revision they approve; any change of plan makes a new revision that needs approving again.
 */
export const operationRules: RecordRules = {
  async beforeWrite(ctx, p, current, nextData) {
    const next = nextData as Operation;
    const before = current?.data as Operation | undefined;
    const planRevision = !before ? 1 : planChanged(before, next) ? before.planRevision + 1 : before.planRevision;
    const op: Operation = { ...next, planRevision };
    if (op.status === 'active' && before?.status !== 'active') {
      if (!current) throw validationError('a new operation cannot start at once: it needs the approval of every party first', [{ path: 'status', message: 'not approved yet' }]);
      const missing = missingApprovals(op, await approvalsOf(ctx, p, current.id));
      if (missing.length > 0) {
        throw new TansiqError('CONFLICT', `the operation cannot start: plan revision ${op.planRevision} is not approved by ${missing.join(' and ')}`, {
          details: { missingApprovals: missing, planRevision: op.planRevision },
        });
      }
    }
    return op;
  },
};

export const approvalRules: RecordRules = {
  async beforeWrite(ctx, p, current, nextData) {
    const next = nextData as OperationApproval;
    if (current) throw validationError('an approval is not edited: record a new decision instead', []);
    const opRec = await ctx.store.getRecord('operation', next.operationId);
    if (!opRec || !canRead(p, opRec)) throw validationError('no such operation', [{ path: 'operationId', message: 'unknown operation' }]);
    const op = opRec.data as Operation;
    if (!op.parties.includes(p.party)) throw validationError(`your party does not take part in this operation`, [{ path: 'operationId', message: 'not a participant' }]);
    if (next.planRevision !== op.planRevision) {
      throw new TansiqError('CONFLICT', `the plan has changed: approve revision ${op.planRevision}, not ${next.planRevision}`, { details: { planRevision: op.planRevision } });
    }
    return next;
  },
};

/**
 * Every decision on the operation that the acting user may see, oldest first. Operations are few
 * and each gathers a handful of decisions, so reading all visible decisions stays small.
 */
export async function approvalsOf(ctx: ServiceContext, p: Principal, operationId: string): Promise<{ party: string; at: string; data: OperationApproval }[]> {
  const out: StoredRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listRecords({ type: 'operation-approval', filter: readFilterFor(p), limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.filter((r) => (r.data as OperationApproval).operationId === operationId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // UUIDv7 ids sort in creation order, even within one millisecond.
  out.sort((a, b) => a.id.localeCompare(b.id));
  return out.map((r) => ({ party: r.originParty, at: r.createdAt, data: r.data as OperationApproval }));
}
