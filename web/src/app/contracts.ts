/**
 * What the shell hands to every view (map, desk, dashboards, SITREP). Views live in their own
 * folders and talk to the server only through `api` and `live`.
 */

export type Party = 'peshmerga' | 'federal';
export type Role = 'viewer' | 'watch' | 'analyst' | 'commander' | 'liaison' | 'admin';
export type Lang = 'ar' | 'ckb' | 'en';

/** The signed-in user, as `GET /api/session` returns it (`{ user: SessionInfo }`). */
export interface SessionInfo {
  username: string;
  party: Party;
  roles: Role[];
  jccIds: string[];
}

/** A failed call: the server's `{ error: { code, message, fields? } }`, or a network failure (`code: 'NETWORK'`). */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export interface ApiClient {
  /** JSON request to `/api${path}`; rejects with an `ApiError` (which carries an `ApiFailure`). */
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
}

/** One change from the live feed (`/api/live`), already filtered by the server for this user. */
export interface LiveEvent {
  seq: number;
  op: 'create' | 'update' | 'delete' | 'release' | 'gone';
  type: string;
  id: string;
  version?: number;
  /** The record as the HTTP API returns it; absent for `gone`. */
  record?: unknown;
}

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** A record a view holds, named for the live feed's `known` message. */
export interface HeldRecord {
  type: string;
  id: string;
}

export interface LiveSource {
  state(): LinkState;
  /** Called with each batch of events (one per server tick); returns an unsubscribe function. */
  subscribe(listener: (events: LiveEvent[]) => void): () => void;
  /** Called when the server says the client fell too far behind: reload lists. */
  onResync(listener: () => void): () => void;
  onState(listener: (s: LinkState) => void): () => void;
  /**
   * Records a view loaded from a list: the feed sends `gone` events for them once they stop being
   * visible (withdrawn, deleted, made RED or a draft). Returns at once; they are declared in the background.
   */
  declareKnown(records: readonly HeldRecord[]): void;
}

/** What the shell needs to show the TLP banner of the record a view has selected. */
export interface SelectedRecord {
  type: string;
  id: string;
  tlp: string;
}

export interface ViewProps {
  api: ApiClient;
  live: LiveSource;
  session: SessionInfo;
  lang: Lang;
  /** Optional: a view reports the record the user selected (null when none) and the shell shows its TLP banner. */
  onSelect?: (selected: SelectedRecord | null) => void;
}
