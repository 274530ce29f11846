import { basename, resolve } from 'node:path';
import { validationError } from '../core/errors.ts';
import type { AdminLevel } from '../core/model/reference.ts';
import { importGeoFile, type GeoFormat, type GeoImport, type GeoImportOptions, type ImportSummary } from '../interop/geo-import.ts';
import type { ReferenceService } from '../services/reference.service.ts';
import { HELP_OPTION, stringOf, type OptionValues } from './args.ts';
import type { Command } from './command.ts';
import { STORE_OPTIONS, storeConfig } from './config.ts';
import { plural, println } from './output.ts';
import { formatBytes, formatDuration, ProgressBar } from './progress-bar.ts';
import { withRuntime } from './runtime.ts';

const FORMATS: readonly GeoFormat[] = ['cod-ab', 'gazetteer', 'geonames'];

function integerOption(values: OptionValues, name: string, min: number, max: number): number | undefined {
  const raw = stringOf(values[name]);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw validationError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`, [{ path: `--${name}`, message: `must be ${min}-${max}` }]);
  }
  return Number(raw);
}

function importOptions(values: OptionValues): GeoImportOptions {
  const format = stringOf(values.format);
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw validationError(`--format must be ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`, [{ path: '--format', message: 'unknown format' }]);
  }
  const bboxText = stringOf(values.bbox);
  const bbox = bboxText?.split(',').map(Number);
  if (bbox && (bbox.length !== 4 || !bbox.every(Number.isFinite))) {
    throw validationError(`--bbox must be minLon,minLat,maxLon,maxLat, got ${JSON.stringify(bboxText)}`, [{ path: '--bbox', message: 'four numbers' }]);
  }
  const level = integerOption(values, 'level', 0, 3) as AdminLevel | undefined;
  const batchSize = integerOption(values, 'batch-size', 1, 100_000);
  const classes = stringOf(values['feature-classes']);
  return {
    ...(format ? { format: format as GeoFormat } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(bbox ? { bbox: bbox as [number, number, number, number] } : {}),
    ...(classes ? { featureClasses: classes.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
    ...(values['skip-bad-lines'] === true ? { skipBadLines: true } : {}),
  };
}

type Batch = Parameters<ReferenceService['importBatch']>[1];

async function* tagged(geo: GeoImport): AsyncGenerator<Batch> {
  if (geo.kind === 'admin-areas') for await (const items of geo.batches) yield { kind: 'admin-areas', items };
  else for await (const items of geo.batches) yield { kind: 'places', items };
}

export const geoCommands: Command[] = [
  {
    name: 'geo import',
    summary: 'import boundaries or a gazetteer (COD-AB GeoJSON, GeoJSON places, GeoNames TSV)',
    synopsis: '<file> [--level N]',
    details: [
      'The format is told from the file: GeoJSON polygons are OCHA COD-AB admin areas (ADM1_PCODE, ADM1_EN, ADM1_AR, ...',
      'or the normalised pcode/name_en/adm1_pcode fields), GeoJSON points a gazetteer, 19 tab-separated columns a GeoNames dump.',
      'GeoJSON files are checked whole before anything is written. Records are written in batches, each in one transaction:',
      'if a GeoNames dump fails part way, the batches before the bad line stay imported and nothing of the later ones is.',
      'Records already present (same P-code or place id) are updated, so running an import again is safe.',
    ].join('\n'),
    options: {
      level: { type: 'string', value: 'N', description: 'admin level 0-3 of every feature (boundaries; default: from the fields)' },
      format: { type: 'string', value: 'F', description: `skip detection: ${FORMATS.join('|')}` },
      'batch-size': { type: 'string', value: 'N', description: 'records per transaction (default 500)' },
      'feature-classes': { type: 'string', value: 'P,T', description: 'GeoNames feature classes to keep (default P,T)' },
      bbox: { type: 'string', value: 'W,S,E,N', description: 'GeoNames: keep only points inside this box' },
      'skip-bad-lines': { type: 'boolean', description: 'GeoNames: skip malformed lines (counted) instead of stopping' },
      ...STORE_OPTIONS,
      ...HELP_OPTION,
    },
    positionals: { min: 1, max: 1 },
    async run({ io, args }) {
      const config = storeConfig(args.values, io.env, io.cwd);
      const file = resolve(io.cwd, args.positionals[0] ?? '');
      const options = importOptions(args.values);
      await withRuntime(config, io, async ({ services }) => {
        let summary: ImportSummary | undefined;
        // The bar's unit depends on the format, known only once the file is opened; the importers
        // report progress only as batches are consumed, by which time the bar exists.
        const shown: { bar?: ProgressBar } = {};
        const started = performance.now();
        let written = 0;
        let batches = 0;
        let geo: GeoImport | undefined;
        try {
          geo = await importGeoFile(file, {
            ...options,
            onProgress: (done, total) => shown.bar?.update(done, total),
            onComplete: (s) => {
              summary = s;
            },
          });
          // GeoNames dumps are streamed and measured in bytes; GeoJSON in features.
          const label = `importing ${basename(file)}`;
          shown.bar = new ProgressBar(io.stderr, geo.format === 'geonames' ? { label, format: formatBytes } : { label, unit: 'features' });
          for await (const batch of tagged(geo)) {
            await services.reference.importBatch(null, batch, basename(file));
            written += batch.items.length;
            batches++;
          }
          shown.bar.finish();
        } catch (e) {
          shown.bar?.stop();
          const what = geo?.kind === 'places' ? plural(written, 'place') : geo?.kind === 'admin-areas' ? plural(written, 'admin area') : plural(written, 'record');
          println(io.stderr, written === 0 ? 'import failed: nothing was written' : `import failed: ${what} in ${plural(batches, 'whole batch', 'whole batches')} had been committed before the error; the failed batch and the rest of the file were not written`);
          throw e;
        }
        const what = geo.kind === 'admin-areas' ? plural(written, 'admin area') : plural(written, 'place');
        const seconds = (performance.now() - started) / 1000;
        const extra = summary ? [summary.filtered ? `${plural(summary.filtered, 'record')} filtered out` : '', summary.skipped ? `${plural(summary.skipped, 'bad record')} skipped` : ''].filter(Boolean) : [];
        println(io.stdout, `imported ${what} (${geo.format}) from ${basename(file)} in ${formatDuration(seconds)}: ${plural(batches, 'batch', 'batches')}, each committed whole${extra.length ? `; ${extra.join(', ')}` : ''}`);
        for (const s of summary?.skippedSamples ?? []) println(io.stderr, `  skipped ${s.at}: ${s.message}`);
      });
    },
  },
];
