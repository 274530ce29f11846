import { ERROR_CODES } from '../core/errors.ts';
import { HELP_OPTION } from './args.ts';
import type { Command } from './command.ts';
import { STORE_OPTIONS, storeConfig } from './config.ts';
import { println } from './output.ts';
import { ProgressBar } from './progress-bar.ts';
import { withRuntime } from './runtime.ts';

export const auditCommands: Command[] = [
  {
    name: 'audit verify',
    summary: 'check the hash chain of the audit trail',
    details: `Recomputes every entry's SHA-256 and its link to the entry before. Exits ${ERROR_CODES.INTEGRITY.exit} and names the first broken entry when one was altered, removed or reordered.`,
    options: { ...STORE_OPTIONS, ...HELP_OPTION },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const check = await withRuntime(config, io, async ({ services }) => {
        // The total is unknown until the walk ends, so the bar shows the count and the rate only.
        const progress = new ProgressBar(io.stderr, { label: 'verifying', unit: 'entries', lineMs: 10_000, quietMs: 1000 });
        try {
          return await services.audit.verify(null, (n) => progress.update(n, null));
        } finally {
          progress.stop();
        }
      });
      if (check.ok) {
        println(io.stdout, `audit chain OK: ${check.count} entries`);
        return 0;
      }
      println(io.stdout, `audit chain BROKEN at entry ${check.brokenSeq}: ${check.reason}`);
      return ERROR_CODES.INTEGRITY.exit;
    },
  },
];
