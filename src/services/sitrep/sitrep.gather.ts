import type { RecordType } from '../../core/model/common.ts';
import type { ActionItem, Meeting } from '../../core/model/meeting.ts';
import type { Operation } from '../../core/model/operation.ts';
import type { ListParams } from '../record.service.ts';
import type { RecordView } from '../record-view.ts';
import type { ActionRow, OperationRow } from './sitrep.model.ts';

/** Every visible record of a type that matches the filters, through the reader's access check. */
export type Lister = (type: RecordType, params: Omit<ListParams, 'limit' | 'cursor' | 'withTotal'>) => Promise<RecordView[]>;

export function operationRows(ops: RecordView[]): OperationRow[] {
  return ops
    .map((r) => r.data as Operation)
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.name.localeCompare(b.name))
    .map((o) => ({
      name: o.name,
      kind: o.kind,
      status: o.status,
      plannedStart: o.plannedStart,
      plannedEnd: o.plannedEnd,
      phases: o.phases,
      sectors: o.sectors.map(({ code, name, force, status, progressPct }) => ({ code, name, force, status, progressPct })),
      progressPct: o.sectors.length ? o.sectors.reduce((n, s) => n + s.progressPct, 0) / o.sectors.length : null,
    }));
}

/**
 * Open and in-progress action items. Items carry no JCC of their own: a JCC's report holds those
 * from that JCC's meetings and those tied to no meeting (they concern every JCC).
 */
export async function actionRows(list: Lister, until: string, jccId: string | undefined, seen: (r: RecordView) => RecordView): Promise<ActionRow[]> {
  const items = [...(await list('action-item', { status: 'open' })), ...(await list('action-item', { status: 'in-progress' }))];
  let inScope = (_a: ActionItem): boolean => true;
  if (jccId) {
    const meetings = new Set((await list('meeting', { jccId })).filter((m) => (m.data as Meeting).jccId === jccId).map((m) => m.id));
    inScope = (a) => !a.meetingId || meetings.has(a.meetingId);
  }
  const today = until.slice(0, 10);
  return items
    .filter((r) => inScope(r.data as ActionItem))
    .map(seen)
    .map((r) => r.data as ActionItem)
    .map((a) => ({ title: a.title, ownerForce: a.ownerForce, ownerOffice: a.ownerOffice ?? null, dueDate: a.dueDate ?? null, status: a.status, overdue: Boolean(a.dueDate && a.dueDate < today) }))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title));
}
