import { HELP_OPTION } from './args.ts';
import type { Command } from './command.ts';
import { demoConfig, GEO_DIR_OPTIONS, SERVER_OPTIONS, serverConfig, STORE_OPTIONS, storeConfig } from './config.ts';
import { loadDemoAndPrintLogins } from './demo.command.ts';
import { openRuntime } from './runtime.ts';
import { serveUntilSignal } from './serve.command.ts';

export const startCommands: Command[] = [
  {
    name: 'start',
    summary: 'first-run friendly serve: migrate, load the demo into an empty database, serve (npm start)',
    details: [
      'When the database has no user accounts yet, the demo scenario is loaded and its logins printed once;',
      'after that it behaves like `tansiq serve`. Geodata: --geo-dir, TANSIQ_GEO_DIR, or ../shared/geo beside the repository.',
    ].join('\n'),
    options: { ...SERVER_OPTIONS, ...GEO_DIR_OPTIONS, ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const store = storeConfig(args.values, io.env, io.cwd);
      const server = serverConfig(args.values, io.env);
      const demo = demoConfig(args.values, io.env, io.cwd);
      const rt = await openRuntime(store, io);
      try {
        // "No users" rather than a marker: an installation with real accounts is never seeded.
        if ((await rt.store.listUsers()).length === 0) await loadDemoAndPrintLogins(rt, demo, io);
      } catch (e) {
        await rt.store.close();
        throw e;
      }
      return serveUntilSignal(rt, server, store, io);
    },
  },
];
