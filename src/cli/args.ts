/**
 * Command-line parsing on top of `util.parseArgs`, with the usage errors a person can act on.
 * A usage error is a VALIDATION error (exit code 2) that also carries the usage text to show.
 */
import { parseArgs } from 'node:util';
import { TansiqError } from '../core/errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in usage, e.g. `DIR`. */
  value?: string;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

export class UsageError extends TansiqError {
  readonly usage: string;

  constructor(message: string, usage: string) {
    super('VALIDATION', message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}

export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'show this help' } };

/**
 * Parses strictly: an unknown option or a missing value is a usage error, never silently ignored,
 * because a mistyped `--data-dir` would otherwise write to the default database.
 */
export function parseCommandArgs(argv: readonly string[], options: OptionSpecs, positionals: { min: number; max: number }, usage: string): ParsedArgs {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
  );
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true }) as { values: OptionValues; positionals: string[] };
  } catch (e) {
    throw new UsageError(parseErrorMessage(e), usage);
  }
  if (parsed.values.help) return parsed;
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing argument${positionals.min - n > 1 ? 's' : ''}`, usage);
  if (n > positionals.max) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals.max])}`, usage);
  return parsed;
}

// parseArgs' own messages are long and mention "positional arguments"; say only what went wrong.
function parseErrorMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(err.message ?? '')?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `option ${option.split(/[ ,]/)[0]} ${/argument missing/.test(err.message ?? '') ? 'needs a value' : 'does not take a value'}` : (err.message ?? 'invalid option');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${option ?? ''}`.trim();
    default:
      return err.message ?? 'invalid arguments';
  }
}

/** The option lines of a usage text, aligned. */
export function formatOptions(options: OptionSpecs): string {
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.description + (o.multiple ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}

export const stringOf = (v: OptionValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);

export const stringsOf = (v: OptionValues[string]): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
