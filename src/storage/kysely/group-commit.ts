import { AsyncResource } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type RunTransaction = <T>(fn: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

interface Job {
  fn: (db: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit. Every write already serialises (SQLite has one writer; in PostgreSQL the chain
 * head row lock orders them), and a durable commit costs a flush of the log to disk. So writes
 * that arrive while a transaction is running wait and then commit together: one transaction,
 * one flush, each write in its own savepoint so that one that fails is rolled back alone.
 * A write is acknowledged only after the commit of its group; if that commit fails, every write
 * of the group fails, and none was acknowledged. An idle system commits each write at once.
 */
export function groupCommit(transaction: RunTransaction, maxGroup = 256): RunTransaction {
  const queue: Job[] = [];
  let draining = false;

  async function runGroup(group: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await transaction(async (db) => {
        if (group.length === 1) {
          outcomes.push({ ok: true, value: await group[0]!.fn(db) });
          return;
        }
        for (const job of group) outcomes.push(await inSavepoint(db, job));
      });
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runGroup(queue.splice(0, maxGroup));
    } finally {
      draining = false;
    }
  }

  return <T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Bound to the caller's async context, so per-request context (e.g. the store's
      // write-in-progress mark) follows each write rather than the group's first.
      queue.push({ fn: AsyncResource.bind(fn), resolve: resolve as (v: unknown) => void, reject });
      if (!draining) {
        draining = true;
        // A synchronous driver (better-sqlite3) runs a whole transaction without yielding to I/O,
        // so requests that arrived meanwhile would only ever queue one at a time. Starting the
        // group after the pending I/O callbacks lets them join it.
        setImmediate(() => void drain());
      }
    });
}

async function inSavepoint(db: Kysely<Database>, job: Job): Promise<Outcome> {
  await sql`savepoint group_write`.execute(db);
  try {
    const value = await job.fn(db);
    await sql`release savepoint group_write`.execute(db);
    return { ok: true, value };
  } catch (error) {
    // If the database ended the transaction itself (I/O error, disk full), this throws too and
    // the whole group fails: nothing of it was committed or acknowledged.
    await sql`rollback to savepoint group_write`.execute(db);
    await sql`release savepoint group_write`.execute(db);
    return { ok: false, error };
  }
}
