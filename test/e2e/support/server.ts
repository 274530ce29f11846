import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_PASSWORD = 'e2e-demo-pass-123';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** `tansiq start` in a child process: fresh data dir, demo loaded, any free port. */
export async function startServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tansiq-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO,
    env: { ...process.env, TANSIQ_DEMO_PASSWORD: DEMO_PASSWORD, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return { url: await listeningUrl(child), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+?) \(address ([^,]+), port (\d+)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[3]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
