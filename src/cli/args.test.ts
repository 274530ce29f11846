import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOptions, parseCommandArgs, UsageError, type OptionSpecs } from './args.ts';

const options: OptionSpecs = {
  level: { type: 'string', value: 'N', description: 'level' },
  role: { type: 'string', multiple: true, description: 'role' },
  force: { type: 'boolean', description: 'force' },
};

const usageError = (fn: () => unknown, message: RegExp): void => {
  assert.throws(fn, (e: unknown) => e instanceof UsageError && e.exitCode === 2 && message.test(e.message) && e.usage === 'USAGE');
};

void describe('cli args', () => {
  void it('parses options and positionals', () => {
    const p = parseCommandArgs(['f.geojson', '--level', '2', '--role', 'a', '--role=b', '--force'], options, { min: 1, max: 1 }, 'USAGE');
    assert.deepEqual(p.positionals, ['f.geojson']);
    assert.equal(p.values.level, '2');
    assert.deepEqual(p.values.role, ['a', 'b']);
    assert.equal(p.values.force, true);
  });

  void it('says what is wrong, briefly, as a usage error (exit 2)', () => {
    usageError(() => parseCommandArgs(['--levle', '2'], options, { min: 0, max: 1 }, 'USAGE'), /^unknown option --levle$/);
    usageError(() => parseCommandArgs(['--level'], options, { min: 0, max: 1 }, 'USAGE'), /^option --level needs a value$/);
    usageError(() => parseCommandArgs(['--force=yes'], options, { min: 0, max: 1 }, 'USAGE'), /^option --force does not take a value$/);
    usageError(() => parseCommandArgs([], options, { min: 1, max: 1 }, 'USAGE'), /^missing argument$/);
    usageError(() => parseCommandArgs(['a', 'b'], options, { min: 1, max: 1 }, 'USAGE'), /^unexpected argument "b"$/);
  });

  void it('formats aligned option help', () => {
    const text = formatOptions(options);
    assert.match(text, /--level N {2,}level/);
    assert.match(text, /role \(repeatable\)/);
  });
});
