import { randomInt } from 'node:crypto';
import { conflict } from '../core/errors.ts';
import { HELP_OPTION } from './args.ts';
import type { Command } from './command.ts';
import { demoConfig, describeDatabase, GEO_DIR_OPTIONS, STORE_OPTIONS, storeConfig, type DemoConfig } from './config.ts';
import { formatTable, println, type CliIo } from './output.ts';
import { formatDuration } from './progress-bar.ts';
import { withRuntime, type Runtime } from './runtime.ts';

// No 0/O, 1/l/I: the password is read off a screen and typed by hand.
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const GENERATED_LENGTH = 16;

export function generatePassword(length = GENERATED_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/**
 * Loads the scenario into an empty database and prints the logins. The generated password is
 * shown here once and kept nowhere else; only its scrypt hash is stored.
 */
export async function loadDemoAndPrintLogins(rt: Runtime, demo: DemoConfig, io: CliIo): Promise<void> {
  const password = demo.demoPassword ?? generatePassword();
  println(io.stderr, demo.geoDir ? `loading the demo scenario with the geodata in ${demo.geoDir}` : 'loading the demo scenario with its own approximate geometry (no geodata)');
  // Loaded on use: the scenario's data is large and only these two commands need it.
  const { loadDemo } = await import('../demo/demo.ts');
  const started = performance.now();
  // The scenario is written in many transactions, and `start` seeds only a database without
  // accounts: a load cut short would leave half a scenario that is never completed. Say so.
  const partial = `the demo was loaded only in part; start again with an empty database: ${describeDatabase(rt.config)} (remove the data directory, or drop the database)`;
  const onSignal = (): void => {
    println(io.stderr, `\ninterrupted: ${partial}`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: Awaited<ReturnType<typeof loadDemo>>;
  try {
    result = await loadDemo(rt.services, {
      geoDir: demo.geoDir,
      password,
      onProgress: (step, done, total) => {
        if (step !== 'done') println(io.stderr, `  [${Math.min(done + 1, total)}/${total}] ${step}`);
      },
    });
  } catch (e) {
    println(io.stderr, partial);
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  const counts = Object.entries(result.counts).map(([what, n]) => `${n} ${what}`).join(', ');
  println(io.stderr, `demo loaded in ${formatDuration((performance.now() - started) / 1000)}: ${counts}`);
  if (result.approximate && result.notes.length === 0) println(io.stderr, "note: the geometry is the demo's own coarse approximation, not real boundaries");
  for (const note of result.notes) println(io.stderr, `note: ${note}`);

  println(io.stdout);
  println(io.stdout, 'Demo logins:');
  println(io.stdout, formatTable(['USERNAME', 'PARTY', 'ROLE'], result.users.map((u) => [u.username, u.party, u.role])));
  println(io.stdout);
  if (demo.demoPassword) {
    println(io.stdout, 'Password of every demo account: the value of TANSIQ_DEMO_PASSWORD.');
  } else {
    println(io.stdout, `Password of every demo account: ${password}`);
    println(io.stdout, 'It is shown this once and not stored anywhere (only its hash is). To choose it, set TANSIQ_DEMO_PASSWORD before loading the demo.');
  }
  println(io.stdout);
}

export async function assertNoUsers(rt: Runtime): Promise<void> {
  const users = await rt.store.listUsers();
  if (users.length > 0) {
    throw conflict(`this database already has ${users.length} user account(s) (demo data or real staff): the demo loads only into an empty database; use a fresh data directory (--data-dir) or database`);
  }
}

export const demoCommands: Command[] = [
  {
    name: 'demo',
    summary: 'load the demo scenario of northern Iraq into an empty database',
    synopsis: '[--geo-dir DIR]',
    details: [
      'Four JCCs, both forces\' lines, units, joint checkpoints, 180 days of incidents, an operation, a meeting and',
      'demo users named <party>-<role>. Their password comes from TANSIQ_DEMO_PASSWORD, or is generated and printed once.',
      'Refuses a database that already has user accounts.',
    ].join('\n'),
    options: { ...GEO_DIR_OPTIONS, ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const store = storeConfig(args.values, io.env, io.cwd);
      const demo = demoConfig(args.values, io.env, io.cwd);
      await withRuntime(store, io, async (rt) => {
        await assertNoUsers(rt);
        await loadDemoAndPrintLogins(rt, demo, io);
      });
      println(io.stdout, `demo loaded into ${describeDatabase(store)}; start the server with \`tansiq serve\``);
    },
  },
];
