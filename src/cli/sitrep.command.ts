import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { isTansiqError, notFound, validationError } from '../core/errors.ts';
import { LANGUAGES, type Language } from '../core/model/common.ts';
import { MAX_HOURS, type SitrepRequest } from '../services/sitrep.service.ts';
import { tlpLabel } from '../services/sitrep/tlp.util.ts';
import { HELP_OPTION, stringOf } from './args.ts';
import type { Command } from './command.ts';
import { STORE_OPTIONS, storeConfig } from './config.ts';
import { regionArg } from './gaps-region.ts';
import { plural, println } from './output.ts';
import { principalFor } from './principal.ts';
import { withRuntime } from './runtime.ts';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function language(raw: string | undefined): Language {
  if (raw === undefined) return 'en';
  if (!(LANGUAGES as readonly string[]).includes(raw)) throw validationError(`--lang must be ${LANGUAGES.join(', ')}, got ${JSON.stringify(raw)}`, [{ path: '--lang', message: 'unknown language' }]);
  return raw as Language;
}

function hours(raw: string | undefined): number {
  if (raw === undefined) return 24;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_HOURS) {
    throw validationError(`--hours must be a whole number from 1 to ${MAX_HOURS} (24 for the day, 168 for the week), got ${JSON.stringify(raw)}`, [{ path: '--hours', message: 'out of range' }]);
  }
  return Number(raw);
}

/** A plain day ends the window at that day's midnight UTC (its start), as the report of that morning would. */
function until(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const iso = DAY_RE.test(raw) ? `${raw}T00:00:00.000Z` : raw;
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}(T.+(Z|[+-]\d{2}:\d{2}))?$/.test(iso) || Number.isNaN(ms)) {
    throw validationError(`--until must be a day (2021-12-05) or an instant with its offset (2021-12-05T06:00:00Z), got ${JSON.stringify(raw)}`, [{ path: '--until', message: 'not a date' }]);
  }
  return new Date(ms).toISOString();
}

function format(out: string | undefined): 'html' | 'pdf' {
  const ext = out ? extname(out).toLowerCase() : '.html';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw validationError(`--out must end in .pdf or .html, got ${JSON.stringify(out)}`, [{ path: '--out', message: 'unknown format' }]);
}

export const sitrepCommands: Command[] = [
  {
    name: 'sitrep',
    summary: 'write the situation report (SITREP) of a JCC or of every JCC as HTML or PDF',
    synopsis: '--as USER [--jcc <id|code|name|all>] [--lang ar|ckb|en] [--hours 24|168] [--until DATE] [--out report.pdf|.html]',
    details: [
      'The report holds exactly what the account given with --as may see, and carries the most restrictive TLP label',
      'among its records on every page. The window is --hours long and ends at --until (default now; a day means its',
      'midnight UTC). PDF needs chromium (Debian package "chromium", or TANSIQ_CHROMIUM); without --out the HTML goes',
      'to standard output.',
    ].join('\n'),
    options: {
      as: { type: 'string', value: 'USER', description: 'the staff account the report is made for (required)' },
      jcc: { type: 'string', value: 'JCC', description: 'JCC id, code or name, or "all" (default)' },
      lang: { type: 'string', value: 'LANG', description: 'ar, ckb or en (default en)' },
      hours: { type: 'string', value: 'N', description: 'length of the window in hours (default 24; 168 for a week)' },
      until: { type: 'string', value: 'DATE', description: 'end of the window (default now)' },
      out: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE: .pdf or .html' },
      ...STORE_OPTIONS,
      ...HELP_OPTION,
    },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const username = stringOf(args.values.as);
      if (!username) throw validationError('--as is required: the report is made for one reader and shows what they may see', [{ path: '--as', message: 'required' }]);
      const out = stringOf(args.values.out);
      const kind = format(out);
      const jccText = stringOf(args.values.jcc) ?? 'all';
      const base = { lang: language(stringOf(args.values.lang)), hours: hours(stringOf(args.values.hours)) };
      const end = until(stringOf(args.values.until));
      const { bytes, model } = await withRuntime(config, io, async (rt) => {
        const p = await principalFor(rt, username);
        const request: SitrepRequest = { ...base, ...(end ? { until: end } : {}) };
        if (jccText.toLowerCase() !== 'all') {
          // The gap command's region names also take P-codes and files; here only a JCC will do.
          const missing = notFound(`JCC "${jccText}" (give a JCC id, code or name, or "all")`);
          const region = await regionArg(jccText, io.cwd, rt.services.records, p).catch((e: unknown) => {
            throw isTansiqError(e) && e.code === 'NOT_FOUND' ? missing : e;
          });
          if (!('jccId' in region)) throw missing;
          request.jccId = region.jccId;
        }
        if (kind === 'pdf') {
          const r = await rt.services.sitrep.pdf(p, request);
          return { bytes: r.pdf, model: r.model };
        }
        const r = await rt.services.sitrep.html(p, request);
        return { bytes: r.html, model: r.model };
      });
      for (const w of model.warnings) println(io.stderr, `note: ${w}`);
      // Without --out the format is HTML, which is text.
      if (!out) {
        io.stdout.write(String(bytes));
        return;
      }
      try {
        await writeFile(resolve(io.cwd, out), bytes);
      } catch (e) {
        throw validationError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, [{ path: '--out', message: 'not writable' }]);
      }
      println(io.stderr, `wrote ${out}: ${tlpLabel(model.tlp)}, ${plural(model.incidentCount, 'incident')}, ${model.since} – ${model.until}`);
    },
  },
];
