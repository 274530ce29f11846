/** What a command reads and writes, passed in rather than taken from `process` so it stays testable. */
import type { Env } from './config.ts';
import type { ProgressStream } from './progress-bar.ts';

export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  stdin: CliInput;
  env: Env;
  cwd: string;
}

export const println = (stream: ProgressStream, text = ''): void => {
  stream.write(`${text}\n`);
};

/** A plain-text table: a header, a rule, and left-aligned columns two spaces apart. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `1 place`, `2 places`: summaries read as sentences. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
