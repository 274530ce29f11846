/**
 * `tansiq`: finds the command, parses its arguments, runs it, and turns every failure into a
 * one-line message and the exit code its error code maps to (src/core/errors.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTansiqError, type TansiqError } from '../core/errors.ts';
import { formatOptions, parseCommandArgs, UsageError, type OptionSpecs } from './args.ts';
import { auditCommands } from './audit.command.ts';
import type { Command } from './command.ts';
import { CONFIG_OPTIONS, DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PARTY, DEFAULT_PORT, REPO_ROOT } from './config.ts';
import { dbCommands } from './db.command.ts';
import { demoCommands } from './demo.command.ts';
import { gapsCommands } from './gaps.command.ts';
import { sitrepCommands } from './sitrep.command.ts';
import { geoCommands } from './geo.command.ts';
import { println, type CliIo } from './output.ts';
import { serveCommands } from './serve.command.ts';
import { startCommands } from './start.command.ts';
import { userCommands } from './user.command.ts';

export const COMMANDS: readonly Command[] = [...startCommands, ...serveCommands, ...demoCommands, ...userCommands, ...dbCommands, ...auditCommands, ...geoCommands, ...gapsCommands, ...sitrepCommands];

const SETTINGS: readonly (readonly [string, string, string])[] = [
  ['--port', 'PORT', `${DEFAULT_PORT}; 0 for any free port`],
  ['--host', 'HOST', `${DEFAULT_HOST}; 0.0.0.0 exposes the server to the network`],
  ['--data-dir', 'TANSIQ_DATA_DIR', `${DEFAULT_DATA_DIR}; the SQLite database lives here`],
  ['--database-url', 'DATABASE_URL', 'PostgreSQL when set, else SQLite in the data directory'],
  ['--pg-schema', 'TANSIQ_PG_SCHEMA', 'PostgreSQL schema for the tables (default: the search path)'],
  ['--site-name', 'TANSIQ_SITE_NAME', 'name of this site, set when a database is first used'],
  ['--site-party', 'TANSIQ_SITE_PARTY', `${DEFAULT_PARTY} or federal: the party that owns this server`],
  ['--secure-cookies', 'TANSIQ_SECURE_COOKIES', 'off; turn on behind HTTPS'],
  ['--trust-proxy', 'TANSIQ_TRUST_PROXY', 'off; turn on behind a reverse proxy'],
  ['--geo-dir', 'TANSIQ_GEO_DIR', 'geodata for the demo; ../shared/geo beside the repository when present'],
  ['', 'TANSIQ_DEMO_PASSWORD', 'password of the demo accounts; generated and printed once when unset'],
];

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: tansiq <command> [options]',
    '',
    'Tansiq (تنسيق): joint security coordination between the Peshmerga and the Iraqi federal forces.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration (a flag wins over the environment, which wins over the default):',
    ...SETTINGS.map(([flag, env, text]) => `  ${flag.padEnd(16)}  ${env.padEnd(21)}  ${text}`),
    '',
    'Run `tansiq <command> --help` for the options of a command.',
  ].join('\n');
}

function groupUsage(group: string, commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [`Usage: tansiq ${group} <${commands.map((c) => c.name.slice(group.length + 1)).join('|')}> [options]`, '', ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
}

function commandUsage(c: Command): string {
  return [`Usage: tansiq ${c.name}${c.synopsis ? ` ${c.synopsis}` : ''} [options]`, '', c.summary, ...(c.details ? ['', c.details] : []), '', 'Options:', formatOptions(c.options)].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * Options before the command (`tansiq --data-dir d user list`) are moved after it, so configuration
 * can be given in one place for any command; each command still rejects those it does not take.
 */
function splitLeadingOptions(argv: readonly string[]): { leading: string[]; rest: string[]; help: boolean; version: boolean } {
  const leading: string[] = [];
  let help = false;
  let showVersion = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) break;
    if (token === '--help' || token === '-h') help = true;
    else if (token === '--version' || token === '-V') showVersion = true;
    else {
      const name = token.replace(/^--?/, '').split('=')[0]!;
      const spec: OptionSpecs[string] | undefined = CONFIG_OPTIONS[name] ?? Object.values(CONFIG_OPTIONS).find((o) => o.short === name);
      if (!spec) throw new UsageError(`unknown option ${token.split('=')[0]}`, mainUsage());
      leading.push(token);
      if (spec.type === 'string' && !token.includes('=')) {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`option ${token} needs a value`, mainUsage());
        leading.push(value);
      }
    }
  }
  return { leading, rest: argv.slice(i), help, version: showVersion };
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { leading, rest, help, version: showVersion } = splitLeadingOptions(argv);
  if (showVersion) {
    println(io.stdout, `tansiq ${version()}`);
    return 0;
  }
  let words = rest;
  let wantHelp = help;
  if (words[0] === 'help') {
    words = words.slice(1);
    wantHelp = true;
  }
  const [first, ...afterFirst] = words;
  if (first === undefined) {
    if (wantHelp) {
      println(io.stdout, mainUsage());
      return 0;
    }
    throw new UsageError('no command given', mainUsage());
  }
  const single = COMMANDS.find((c) => c.name === first);
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
  let command = single;
  let args = afterFirst;
  if (!command && group.length > 0) {
    const [sub, ...afterSub] = afterFirst;
    const usage = groupUsage(first, group);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      if (wantHelp || sub !== undefined) {
        println(io.stdout, usage);
        return 0;
      }
      throw new UsageError(`tansiq ${first} needs a subcommand`, usage);
    }
    command = group.find((c) => c.name === `${first} ${sub}`);
    if (!command) throw new UsageError(`unknown command: ${first} ${sub}`, usage);
    args = afterSub;
  }
  if (!command) throw new UsageError(`unknown command: ${first}`, mainUsage());
  const usage = commandUsage(command);
  if (wantHelp) {
    println(io.stdout, usage);
    return 0;
  }
  const parsed = parseCommandArgs([...args, ...leading], command.options, command.positionals ?? { min: 0, max: 0 }, usage);
  if (parsed.values.help) {
    println(io.stdout, usage);
    return 0;
  }
  return (await command.run({ io, args: parsed })) ?? 0;
}

function reportTansiqError(e: TansiqError, io: CliIo): number {
  println(io.stderr, `error: ${e.message}`);
  // Field issues already spelled out in the message are not repeated.
  for (const f of e.fields) {
    if (!e.message.includes(f.message)) println(io.stderr, `  ${f.path}: ${f.message}`);
  }
  if (e instanceof UsageError) println(io.stderr, `\n${e.usage}`);
  return e.exitCode;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (isTansiqError(e)) return reportTansiqError(e, io);
    println(io.stderr, `internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (io.env.TANSIQ_DEBUG && e instanceof Error && e.stack) println(io.stderr, e.stack);
    return 1;
  }
}

// `tansiq user list | head -1` closes the pipe early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

// Both entries (`node --import tsx src/cli/main.ts` and bin/tansiq.mjs) load this module to run it.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
