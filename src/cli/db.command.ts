import { HELP_OPTION } from './args.ts';
import type { Command } from './command.ts';
import { describeDatabase, STORE_OPTIONS, storeConfig } from './config.ts';
import { println } from './output.ts';
import { openConfiguredStore } from './runtime.ts';

export const dbCommands: Command[] = [
  {
    name: 'db migrate',
    summary: 'create or update the database schema',
    details: 'Safe to run any number of times: migrations already applied are skipped. Other commands migrate too; this one does nothing else.',
    options: { ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const store = await openConfiguredStore(config);
      try {
        await store.migrate();
      } finally {
        await store.close();
      }
      println(io.stdout, `database schema up to date (${describeDatabase(config)})`);
    },
  },
];
