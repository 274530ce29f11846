/**
 * Runs the gap engine on a worker thread. A large job takes a second or more of CPU; on the
 * request thread it would hold up every other request and the live feed for that long. One worker
 * takes the jobs in turn (the machine has two cores: one serves, one computes).
 */
import { Worker } from 'node:worker_threads';
import { TansiqError, type ErrorCode, type FieldIssue } from '../core/errors.ts';
import type { CoverageInput, CoverageResult } from '../core/geo/coverage/coverage.types.ts';

export type EngineJob = { id: number; kind: 'run'; input: CoverageInput } | { id: number; kind: 'warm-up' };

export interface EngineFailure {
  code: ErrorCode;
  message: string;
  fields: FieldIssue[];
  details: Record<string, unknown> | undefined;
}

export type EngineReply = { id: number; ok: true; result: CoverageResult | null } | { id: number; ok: false; error: EngineFailure };

// The sources are TypeScript, and Node 20 does not apply the parent's loader hooks to a worker's
// entry: a two-line module registers tsx in the worker first (found from here, so from any working
// directory), then loads the real entry.
const BOOT = [
  `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
  'register();',
  `await import(${JSON.stringify(new URL('./coverage.worker.ts', import.meta.url).href)});`,
].join('\n');
const WORKER_URL = new URL(`data:text/javascript,${encodeURIComponent(BOOT)}`);

/** Jobs waiting or running beyond this are refused: a queue of slow jobs helps no one. */
export const MAX_QUEUED = 8;

/** The engine's own refusals keep their code; anything else is a fault, shown to clients as a plain 500. */
function errorOf(f: EngineFailure): Error {
  if (f.code === 'INTERNAL') return new Error(`gap engine: ${f.message}`);
  return new TansiqError(f.code, f.message, { fields: f.fields, ...(f.details ? { details: f.details } : {}) });
}

interface Pending {
  resolve: (r: CoverageResult | null) => void;
  reject: (e: Error) => void;
}

export class CoverageEngine {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  run(input: CoverageInput): Promise<CoverageResult> {
    return this.#send({ kind: 'run', input }) as Promise<CoverageResult>;
  }

  /** Compiles the engine's loops on the worker (a first job runs several times slower). */
  async warmUp(): Promise<void> {
    await this.#send({ kind: 'warm-up' });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #send(job: { kind: 'run'; input: CoverageInput } | { kind: 'warm-up' }): Promise<CoverageResult | null> {
    if (this.#pending.size >= MAX_QUEUED) {
      return Promise.reject(new TansiqError('UNAVAILABLE', `the gap engine is busy with ${this.#pending.size} analyses: try again in a few seconds`));
    }
    const worker = (this.#worker ??= this.#spawn());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Referenced only while it has work, so an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ ...job, id } satisfies EngineJob);
    });
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    worker.on('message', (reply: EngineReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(errorOf(reply.error));
    });
    worker.on('error', (e) => this.#lost(worker, e));
    worker.on('exit', (code) => this.#lost(worker, new Error(`exited with code ${code}`)));
    return worker;
  }

  /** A worker that died (out of memory, a bug) fails its jobs; the next job starts a new one. */
  #lost(worker: Worker, cause: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    for (const { reject } of this.#pending.values()) reject(new Error('the gap engine stopped unexpectedly', { cause }));
    this.#pending.clear();
  }
}
