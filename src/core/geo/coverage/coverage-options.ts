/**
 * The numeric options of a coverage job: defaults, and bounds that keep every job finite. Each
 * refusal names the field and the accepted range.
 */
import { validationError } from '../../errors.ts';
import type { CoverageInput } from './coverage.types.ts';

export interface CoverageOptions {
  cellM: number;
  stripDepthM: number;
  nowMs: number;
  halfLifeDays: number;
  nearM: number;
  minGapAreaKm2: number;
  simplifyM: number;
  maxCells: number;
}

export const DEFAULT_MAX_CELLS = 64_000_000;
/** Even a caller-raised limit stays below this: one byte per cell plus the runs must fit in memory. */
export const HARD_MAX_CELLS = 128_000_000;

export function fail(path: string, message: string): never {
  throw validationError(`invalid coverage input: ${path}: ${message}`, [{ path, message }]);
}

interface Range { min: number; max: number; minExclusive?: boolean }

export function checkNumber(value: unknown, path: string, range: Range): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a finite number');
  const low = range.minExclusive ? value <= range.min : value < range.min;
  if (low || value > range.max) fail(path, `must be ${range.minExclusive ? 'greater than' : 'at least'} ${range.min} and at most ${range.max.toLocaleString('en')}`);
  return value;
}

const optional = (value: unknown, fallback: number, path: string, range: Range): number =>
  value === undefined ? fallback : checkNumber(value, path, range);

export function resolveOptions(input: CoverageInput): CoverageOptions {
  const cellM = optional(input.cellM, 50, 'cellM', { min: 1, max: 10_000 });
  return {
    cellM,
    stripDepthM: optional(input.stripDepthM, 10_000, 'stripDepthM', { min: 0, max: 200_000 }),
    nowMs: checkNumber(input.nowMs, 'nowMs', { min: -8.64e15, max: 8.64e15 }),
    halfLifeDays: optional(input.halfLifeDays, 30, 'halfLifeDays', { min: 0, max: 36_500, minExclusive: true }),
    nearM: optional(input.nearM, 2_000, 'nearM', { min: 0, max: 50_000 }),
    minGapAreaKm2: optional(input.minGapAreaKm2, 0.5, 'minGapAreaKm2', { min: 0, max: 1e6 }),
    simplifyM: optional(input.simplifyM, cellM, 'simplifyM', { min: 0, max: 100_000 }),
    maxCells: Math.floor(optional(input.maxCells, DEFAULT_MAX_CELLS, 'maxCells', { min: 1, max: HARD_MAX_CELLS })),
  };
}
