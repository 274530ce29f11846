/** The gap engine's thread (see coverage-engine.ts): one job at a time, each answered by its id. */
import { parentPort } from 'node:worker_threads';
import { isTansiqError } from '../core/errors.ts';
import { computeCoverage, warmUpCoverageEngine } from '../core/geo/coverage/coverage.ts';
import type { EngineFailure, EngineJob, EngineReply } from './coverage-engine.ts';

function failureOf(e: unknown): EngineFailure {
  if (isTansiqError(e)) return { code: e.code, message: e.message, fields: e.fields, details: e.details };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), fields: [], details: undefined };
}

function handle(job: EngineJob): EngineReply {
  try {
    if (job.kind === 'warm-up') {
      warmUpCoverageEngine();
      return { id: job.id, ok: true, result: null };
    }
    return { id: job.id, ok: true, result: computeCoverage(job.input) };
  } catch (e) {
    return { id: job.id, ok: false, error: failureOf(e) };
  }
}

parentPort?.on('message', (job: EngineJob) => parentPort?.postMessage(handle(job)));
