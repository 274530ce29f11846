import type { Language, Party, Tlp } from '../../core/model/common.ts';
import type { AcledType, Incident } from '../../core/model/incident.ts';
import type { ActionItem } from '../../core/model/meeting.ts';
import type { Operation } from '../../core/model/operation.ts';
import type { CheckpointStats } from '../stats.service.ts';
import type { Bucket } from '../stats.tally.ts';
import type { MapLayers } from './map.svg.ts';

/** Everything a SITREP shows, gathered as its reader may see it; the templates only lay it out. */
export interface SitrepModel {
  lang: Language;
  reader: { username: string; party: Party };
  generatedAt: string;
  since: string;
  until: string;
  hours: number;
  /** null: the whole area (every JCC the reader may see). */
  jcc: { id: string; name: string } | null;
  /** The most restrictive label among the records in the report. */
  tlp: Tlp;
  totals: Bucket;
  incidents: IncidentRow[];
  /** Incidents in the window; the table lists at most `MAX_LISTED` of them. */
  incidentCount: number;
  map: MapLayers;
  /** null when no gap analysis is available on this server. */
  gaps: GapRow[] | null;
  checkpoints: CheckpointStats;
  operations: OperationRow[];
  actionItems: ActionRow[];
  /** What the report had to leave out, for the server log or the command line (never printed in it). */
  warnings: string[];
}

export const MAX_LISTED = 150;

export interface IncidentRow {
  at: string;
  title: string;
  place: string | null;
  eventType: AcledType | null;
  killed: number;
  wounded: number;
  verification: Incident['verification'];
  jcc: string | null;
}

export interface GapRow {
  rank: number;
  areaKm2: number;
  risk: number;
  incidents: number;
  place: string | null;
}

export interface OperationRow {
  name: string;
  kind: Operation['kind'];
  status: Operation['status'];
  plannedStart: string;
  plannedEnd: string;
  phases: Operation['phases'];
  sectors: Pick<Operation['sectors'][number], 'code' | 'name' | 'force' | 'status' | 'progressPct'>[];
  /** Mean of the sectors' progress; null without sectors. */
  progressPct: number | null;
}

export interface ActionRow {
  title: string;
  ownerForce: ActionItem['ownerForce'];
  ownerOffice: string | null;
  dueDate: string | null;
  status: ActionItem['status'];
  overdue: boolean;
}
