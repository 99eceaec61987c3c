import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** An app's real entry point running as a child process, and what it printed so far. */
export interface EntryPointProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts an app's `main.ts` as an operator runs it (compiled on the fly with the repository's swc
 * settings), for tests about the process itself: exit codes, signals, what it refuses at start. Nothing
 * is inherited but PATH: an operator's forgotten variables are exactly what such tests are about.
 *
 * @param main the entry point, relative to the repository root, e.g. `apps/cities/src/main.ts`
 */
export function startEntryPoint(main: string, env: Record<string, string>): EntryPointProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, main)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
