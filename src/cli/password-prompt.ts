/**
 * Passwords for `user add`: piped on stdin for scripts, or typed at a terminal without echo.
 * Never from a flag: command lines end up in shell history and in `ps` output.
 */
import { validationError } from '../core/errors.ts';
import type { CliInput } from './output.ts';
import type { ProgressStream } from './progress-bar.ts';

const MAX_STDIN_BYTES = 64 * 1024;

/** All of stdin, less one trailing line break (what `echo` and here-strings add). */
export async function readPasswordFromStdin(stdin: CliInput): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_STDIN_BYTES) throw validationError('the password on stdin is too long', [{ path: 'password', message: 'too long' }]);
  }
  return text.replace(/\r?\n$/, '');
}

/** Reads one line at a terminal with echo off. */
export function promptHidden(prompt: string, stdin: CliInput, stderr: ProgressStream): Promise<string> {
  const setRawMode = stdin.setRawMode?.bind(stdin);
  if (!stdin.isTTY || !setRawMode) return Promise.reject(validationError('no terminal to ask for the password: pipe it with --password-stdin', [{ path: 'password', message: 'missing' }]));
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err: Error | null): void => {
      stdin.removeListener('data', onData);
      setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string | Buffer): void => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      // Arrow keys and the like arrive as escape sequences; they are not part of a password.
      if (text.startsWith('\x1b')) return;
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003') return finish(validationError('password entry cancelled'));
        if (ch === '\u0004') return finish(value === '' ? validationError('password entry cancelled') : null);
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    // Echo off before the prompt shows: a fast typist (or a script) must never see the password echoed.
    setRawMode(true);
    stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** Asks twice, so a typo made blind does not lock the user out. */
export async function promptNewPassword(username: string, stdin: CliInput, stderr: ProgressStream): Promise<string> {
  const first = await promptHidden(`Password for ${username}: `, stdin, stderr);
  const second = await promptHidden('Repeat the password: ', stdin, stderr);
  if (first !== second) throw validationError('the two passwords differ');
  return first;
}
