import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Builds the web console from the working tree, as the gateway would serve it, into a new temporary
 * directory (the repository's dist/ is left alone) and returns that directory. Vite refuses a second
 * build of the project while one runs, so a test tier builds it once, not once per file.
 */
export function buildConsole(prefix = 'c2c-console-'): string {
  const out = mkdtempSync(path.join(tmpdir(), prefix));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mjs',
      '--outDir',
      out,
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}
