import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/core/errors.ts';
import { runCli, tempDir } from './cli.util.ts';

interface Feature {
  type: string;
  geometry: { type: string };
  properties: Record<string, unknown>;
}

void describe('tansiq gaps', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  const gaps = (args: string[]) => runCli(['gaps', '--data-dir', dataDir, ...args], { timeoutMs: 120_000 });

  before(async () => {
    dir = await tempDir('gaps');
    dataDir = join(dir.path, 'data');
    const demo = await runCli(['demo', '--no-geo', '--data-dir', dataDir], { env: { TANSIQ_DEMO_PASSWORD: 'gaps-test-password' }, timeoutMs: 240_000 });
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(() => dir.remove());

  void it('analyses a JCC by its code: a summary, a table of gaps, and GeoJSON of the gaps and the strip', async () => {
    const r = await gaps(['--region', 'KRK', '--cell', '100', '--out', join(dir.path, 'krk.geojson'), '--top', '5']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^region: Kirkuk.*\(jcc:[0-9a-f-]{36}\), [\d,.]+ km² in [\d,]+ cells of 100 m/);
    assert.match(r.stdout, /\ncovered by: none [\d,.]+ km² \([\d.]+%\), peshmerga only/);
    assert.match(r.stdout, /\nvacuum strip: [\d,.]+ km², width/);
    assert.match(r.stdout, /\ninputs: \d+ units?, \d+ checkpoints?, \d+ force lines?, \d+ incidents?/);
    assert.match(r.stdout, /\nRANK\s+AREA KM²\s+DISTRICT\s+RISK\s+INCIDENTS\s+NEAREST PLACE\n/);
    assert.match(r.stdout, /\n1\s+[\d,.]+\s+/);
    assert.match(r.stderr, /wrote \d+ gaps? and the strip to /);

    const doc = JSON.parse(await readFile(join(dir.path, 'krk.geojson'), 'utf8')) as { type: string; features: Feature[] };
    assert.equal(doc.type, 'FeatureCollection');
    const gapFeatures = doc.features.filter((f) => f.properties['kind'] === 'gap');
    assert.ok(gapFeatures.length >= 1);
    assert.deepEqual(gapFeatures.map((f) => f.properties['rank']), gapFeatures.map((_, i) => i + 1));
    for (const key of ['rank', 'areaKm2', 'risk', 'admin', 'places', 'explanation']) assert.ok(key in gapFeatures[0]!.properties, key);
    assert.match(gapFeatures[0]!.geometry.type, /^(Multi)?Polygon$/);
    assert.equal(doc.features.filter((f) => f.properties['kind'] === 'strip').length, 1);
  });

  void it('runs as a staff account with --as, on the disputed territories or a drawn GeoJSON file', async () => {
    const disputed = await gaps(['--region', 'disputed', '--cell', '100', '--as', 'federal-viewer', '--since', '2021-07-01']);
    assert.equal(disputed.code, 0, disputed.stderr);
    assert.match(disputed.stdout, /^region: Disputed territories \(all JCC areas\) \(preset:disputed\)/);
    assert.match(disputed.stdout, /incidents since 2021-07-01/);

    const file = join(dir.path, 'drawn.geojson');
    const square = [[44.2, 35.3], [44.5, 35.3], [44.5, 35.6], [44.2, 35.6], [44.2, 35.3]];
    await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }] }));
    const drawn = await gaps(['--region', file, '--cell', '100']);
    assert.equal(drawn.code, 0, drawn.stderr);
    assert.match(drawn.stdout, /^region: Drawn area \(geometry:[0-9a-f]{32}\)/);
  });

  void it('bad input gets a clear message and the exit code of its error', async () => {
    const cases: [string[], number, RegExp][] = [
      [[], ERROR_CODES.VALIDATION.exit, /^error: --region is required/],
      [['--region', 'Atlantis'], ERROR_CODES.NOT_FOUND.exit, /^error: JCC or admin area "Atlantis" .* not found/],
      [['--region', 'KRK', '--cell', 'fifty'], ERROR_CODES.VALIDATION.exit, /^error: --cell must be a whole number/],
      [['--region', 'KRK', '--cell', '1'], ERROR_CODES.VALIDATION.exit, /cells/],
      [['--region', 'KRK', '--as', 'nobody'], ERROR_CODES.NOT_FOUND.exit, /^error: user nobody not found/],
      [['--region', 'KRK', '--since', 'yesterday'], ERROR_CODES.VALIDATION.exit, /since/],
      [['--region', join(dir.path, 'missing.geojson')], ERROR_CODES.VALIDATION.exit, /^error: cannot read .*missing\.geojson: no such file/],
      [['--region', 'KRK', '--cell', '100', '--out', join(dir.path, 'no', 'such', 'dir.geojson')], ERROR_CODES.VALIDATION.exit, /^error: cannot write /],
    ];
    for (const [args, code, message] of cases) {
      const r = await gaps(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  void it('is listed in the help', async () => {
    const r = await runCli(['gaps', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Usage: tansiq gaps --region/);
  });
});
