import type { Principal } from '../core/model/common.ts';
import { missingApprovals, type Operation } from '../core/model/operation.ts';
import type { RequestOrigin, ServiceContext } from './context.ts';
import { approvalsOf } from './operation.rules.ts';
import type { RecordService } from './record.service.ts';
import type { RecordView } from './record-view.ts';

export interface ApprovalState {
  planRevision: number;
  approvals: { party: string; at: string; decision: string; planRevision: number; comment: string }[];
  missing: string[];
}

/** Two-party approval of joint operations (DESIGN §2, §4: the approver writes its own record). */
export class OperationService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly records: RecordService,
  ) {}

  /**
   * Records the acting commander's decision on the current plan revision. The decision is
   * meant for the other party, so it is released to it at once (scope bilateral).
   */
  async decide(p: Principal, operationId: string, body: { decision: 'approved' | 'rejected'; planRevision: number; comment?: string }, origin: RequestOrigin): Promise<RecordView> {
    return this.records.create(p, 'operation-approval', { operationId, ...body }, { ...origin, scope: { kind: 'bilateral' }, tlp: 'green' });
  }

  async approvalState(p: Principal, operationId: string): Promise<ApprovalState> {
    const op = (await this.records.readable(p, 'operation', operationId)).data as Operation;
    const approvals = await approvalsOf(this.ctx, p, operationId);
    return {
      planRevision: op.planRevision,
      approvals: approvals.map((a) => ({ party: a.party, at: a.at, decision: a.data.decision, planRevision: a.data.planRevision, comment: a.data.comment })),
      missing: missingApprovals(op, approvals),
    };
  }
}
