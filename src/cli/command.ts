/** The shape of one CLI command; each command group's file exports a list of these. */
import type { OptionSpecs, ParsedArgs } from './args.ts';
import type { CliIo } from './output.ts';

export interface CommandContext {
  io: CliIo;
  args: ParsedArgs;
}

export interface Command {
  /** The words after `tansiq`: `serve`, `user add`. */
  name: string;
  summary: string;
  /** Arguments after the name in the usage line, e.g. `<file> [--level N]`. */
  synopsis?: string;
  /** Paragraphs shown under the usage line of `tansiq <cmd> --help`. */
  details?: string;
  options: OptionSpecs;
  positionals?: { min: number; max: number };
  /** Resolves to the exit code; undefined means 0. */
  run(ctx: CommandContext): Promise<number | void>;
}
