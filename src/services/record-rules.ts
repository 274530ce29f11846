import type { Principal, RecordType, StoredRecord } from '../core/model/common.ts';
import type { ServiceContext } from './context.ts';
import { incidentRules } from './incident.rules.ts';
import { approvalRules, operationRules } from './operation.rules.ts';

/** Type-specific rules that run on every create and update, after validation, before the write. */
export interface RecordRules {
  beforeWrite(ctx: ServiceContext, p: Principal, current: StoredRecord | undefined, next: object): Promise<object>;
}

const RULES: Partial<Record<RecordType, RecordRules>> = {
  incident: incidentRules,
  operation: operationRules,
  'operation-approval': approvalRules,
};

export const recordRules = (type: RecordType): RecordRules | undefined => RULES[type];
