import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validationError } from '../core/errors.ts';
import { parseCoverageRequest, DEFAULT_CELL_M, DEFAULT_WINDOW_DAYS } from '../services/coverage-request.ts';
import { HELP_OPTION, stringOf, type OptionValues } from './args.ts';
import type { Command } from './command.ts';
import { STORE_OPTIONS, storeConfig } from './config.ts';
import { gapsGeoJson, gapTable, summaryLines } from './gaps-output.ts';
import { regionArg } from './gaps-region.ts';
import { plural, println } from './output.ts';
import { principalFor } from './principal.ts';
import { withRuntime } from './runtime.ts';

const DEFAULT_TOP = 20;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(values: OptionValues, name: string, fallback: number): number {
  const raw = stringOf(values[name]);
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw)) throw validationError(`--${name} must be a whole number, got ${JSON.stringify(raw)}`, [{ path: `--${name}`, message: 'not a whole number' }]);
  return Number(raw);
}

/** A plain day runs from midnight to midnight UTC; anything else goes to the request's own instant check. */
const instantArg = (raw: string | undefined, end: 'start' | 'end'): string | undefined =>
  raw && DAY_RE.test(raw) ? `${raw}T${end === 'start' ? '00:00:00.000' : '23:59:59.999'}Z` : raw;

async function writeGeoJson(path: string, doc: object, shown: string): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(doc)}\n`);
  } catch (e) {
    throw validationError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, [{ path: '--out', message: 'not writable' }]);
  }
}

export const gapsCommands: Command[] = [
  {
    name: 'gaps',
    summary: 'gap analysis of a region: coverage by party, gaps ranked by incident risk, the vacuum strip',
    synopsis: '--region <jcc-id|jcc code or name|pcode|file.geojson|disputed> [--cell 50] [--out gaps.geojson] [--as USER]',
    details: [
      'Prints the area covered by none, one or both forces, the vacuum strip, and the gaps most at risk (rank, area, district,',
      'risk, incidents inside or near, nearest place). --out writes every gap as a GeoJSON feature (rank, areaKm2, risk, admin,',
      'places, explanation) and the strip as a feature of kind "strip".',
      'Runs as the console of this site: the records of the site\'s party and those released to it (on any JCC), without TLP:RED.',
      '--as runs it as that staff account instead, seeing exactly what the account sees.',
      `Incidents count from --since (default ${DEFAULT_WINDOW_DAYS} days before --until) to --until (default now). --until also sets the time`,
      'the analysis is made as of: the force lines then in force, and incident recency counted from then (e.g. --until 2021-12-31).',
    ].join('\n'),
    options: {
      region: { type: 'string', short: 'r', value: 'REGION', description: 'JCC id, code or name; P-code; .geojson file with a polygon; or "disputed" (all JCC areas)' },
      cell: { type: 'string', value: 'M', description: `cell size in metres (default ${DEFAULT_CELL_M}; 100 for a quick look, 25 for detail)` },
      out: { type: 'string', short: 'o', value: 'FILE', description: 'write the gaps and the strip as GeoJSON to FILE' },
      as: { type: 'string', value: 'USER', description: 'run as this staff account (default: the console)' },
      since: { type: 'string', value: 'DATE', description: `incidents from this day or instant (default ${DEFAULT_WINDOW_DAYS} days before --until)` },
      until: { type: 'string', value: 'DATE', description: 'incidents until, and analysis as of, this day or instant (default now)' },
      top: { type: 'string', value: 'N', description: `gaps shown in the table (default ${DEFAULT_TOP}; the file has all)` },
      ...STORE_OPTIONS,
      ...HELP_OPTION,
    },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const region = stringOf(args.values.region);
      if (!region) throw validationError('--region is required: a JCC id, code or name, a P-code, a .geojson file or "disputed"', [{ path: '--region', message: 'required' }]);
      const cellM = wholeNumber(args.values, 'cell', DEFAULT_CELL_M);
      const top = wholeNumber(args.values, 'top', DEFAULT_TOP);
      const out = stringOf(args.values.out);
      const analysis = await withRuntime(config, io, async (rt) => {
        const p = await principalFor(rt, stringOf(args.values.as));
        const since = instantArg(stringOf(args.values.since), 'start');
        const until = instantArg(stringOf(args.values.until), 'end');
        const req = parseCoverageRequest({ region: await regionArg(region, io.cwd, rt.services.records, p), cellM, ...(since ? { since } : {}), ...(until ? { until } : {}) });
        return rt.services.coverage.analyse(p, req);
      });
      for (const line of summaryLines(analysis)) println(io.stdout, line);
      if (analysis.gaps.length > 0) {
        println(io.stdout);
        println(io.stdout, gapTable(analysis.gaps.slice(0, top)));
        if (analysis.gaps.length > top) println(io.stdout, `... and ${plural(analysis.gaps.length - top, 'more gap')}${out ? ` in ${out}` : ' (--out writes them all)'}`);
      }
      if (out) {
        await writeGeoJson(resolve(io.cwd, out), gapsGeoJson(analysis), out);
        println(io.stderr, `wrote ${plural(analysis.gaps.length, 'gap')}${analysis.strip?.geometry ? ' and the strip' : ''} to ${out}`);
      }
    },
  },
];
