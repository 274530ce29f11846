import { PARTIES, ROLES } from '../core/model/common.ts';
import { HELP_OPTION, stringOf, stringsOf } from './args.ts';
import type { Command } from './command.ts';
import { STORE_OPTIONS, storeConfig } from './config.ts';
import { formatTable, println } from './output.ts';
import { promptNewPassword, readPasswordFromStdin } from './password-prompt.ts';
import { withRuntime } from './runtime.ts';

// The console operator stands outside both parties (see UserService): actor null.
const CONSOLE = null;

/** `--role a --role b` and `--role a,b` both work. */
const splitList = (values: string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

export const userCommands: Command[] = [
  {
    name: 'user add',
    summary: 'create a staff account',
    synopsis: '--username U --party P --role R [--role R2] [--jcc ID] [--password-stdin]',
    details: [
      `Parties: ${PARTIES.join(', ')}. Roles: ${ROLES.join(', ')}.`,
      'The password is read from stdin with --password-stdin (one line; e.g. `printf %s "$PW" | tansiq user add ... --password-stdin`),',
      'otherwise asked for twice at the terminal without echo. It is never taken from the command line.',
    ].join('\n'),
    options: {
      username: { type: 'string', short: 'u', value: 'U', description: 'login name: 3-64 of a-z 0-9 . _ -' },
      party: { type: 'string', value: 'P', description: `the account's party: ${PARTIES.join('|')}` },
      role: { type: 'string', multiple: true, short: 'r', value: 'R', description: `role: ${ROLES.join('|')}` },
      jcc: { type: 'string', multiple: true, value: 'ID', description: 'id of a JCC the account is assigned to' },
      'password-stdin': { type: 'boolean', description: 'read the password from stdin' },
      ...STORE_OPTIONS,
      ...HELP_OPTION,
    },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const username = stringOf(args.values.username) ?? '';
      // Read the password before opening the database, so a slow typist holds no connection.
      const password = args.values['password-stdin'] === true ? await readPasswordFromStdin(io.stdin) : await promptNewPassword(username, io.stdin, io.stderr);
      const input = {
        username,
        password,
        party: stringOf(args.values.party),
        roles: splitList(stringsOf(args.values.role)),
        jccIds: splitList(stringsOf(args.values.jcc)),
      };
      const user = await withRuntime(config, io, ({ services }) => services.users.add(CONSOLE, input));
      println(io.stdout, `user ${user.username} added (${user.party}; ${user.roles.join(', ')})`);
    },
  },
  {
    name: 'user list',
    summary: 'list the staff accounts of both parties',
    options: { ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const { users, jccCodes } = await withRuntime(config, io, async ({ services, store }) => {
        const list = await services.users.list(CONSOLE);
        // JCCs by their short code (KRK, MKH...): a column of UUIDs helps nobody at a console.
        const codes = new Map<string, string>();
        for (const id of new Set(list.flatMap((u) => u.jccIds))) {
          const jcc = await store.getRecord('jcc', id);
          const code = (jcc?.data as { code?: unknown } | undefined)?.code;
          codes.set(id, typeof code === 'string' ? code : id);
        }
        return { users: list, jccCodes: codes };
      });
      if (users.length === 0) {
        println(io.stdout, 'no user accounts yet: add one with `tansiq user add`, or load the demo with `tansiq demo`');
        return;
      }
      const rows = [...users]
        .sort((a, b) => a.party.localeCompare(b.party) || a.username.localeCompare(b.username))
        .map((u) => [u.username, u.party, u.roles.join(','), u.jccIds.map((id) => jccCodes.get(id) ?? id).join(',') || '-', u.disabled ? 'yes' : 'no']);
      println(io.stdout, formatTable(['USERNAME', 'PARTY', 'ROLES', 'JCCS', 'DISABLED'], rows));
    },
  },
  {
    name: 'user disable',
    summary: 'disable an account and end its sessions',
    synopsis: '<username>',
    options: { ...STORE_OPTIONS, ...HELP_OPTION },
    positionals: { min: 1, max: 1 },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const username = args.positionals[0] ?? '';
      await withRuntime(config, io, ({ services }) => services.users.disable(CONSOLE, username));
      println(io.stdout, `user ${username} disabled; their sessions are ended`);
    },
  },
];
