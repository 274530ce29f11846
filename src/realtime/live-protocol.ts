import { z } from 'zod';
import type { TansiqError } from '../core/errors.ts';
import { idSchema, RECORD_TYPES } from '../core/model/common.ts';

/**
 * The wire protocol of `GET /api/live` (README, "Live feed"). Server frames are JSON text:
 * `hello`, `events`, `heartbeat`, `resync`, `known`, `notice`, `error`.
 */

/** WebSocket close codes; 4000–4999 belong to the application. */
export const CLOSE_CODES = {
  /** The server is stopping: reconnect later with `after`. */
  goingAway: 1001,
  /** The client fell too far behind (slow reader): reload the lists, then reconnect. */
  resync: 4000,
  /** The session or token ended, or the account was disabled: sign in again. */
  unauthenticated: 4001,
} as const;

/** Records per `known` message: a list page is at most 500, so two pages fit. */
export const MAX_KNOWN_PER_MESSAGE = 1000;

/** What a client may send: the records it holds from list reads, so it hears when they go. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('known'),
    records: z.array(z.strictObject({ type: z.enum(RECORD_TYPES), id: idSchema })).max(MAX_KNOWN_PER_MESSAGE),
  }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** The smallest cursor frame; `upTo` is the last seq this connection has been brought up to. */
export const cursorFrame = (type: 'hello' | 'heartbeat' | 'resync', upTo: number): string => JSON.stringify({ type, upTo });

/** A refused client message, in the error shape of the HTTP API. */
export const errorFrame = (e: TansiqError): string => JSON.stringify({ type: 'error', ...e.toJSON() });
