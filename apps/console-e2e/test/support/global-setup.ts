import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUpTestInfrastructure } from '@c2c/testing';
import { CONSOLE_DIR_VARIABLE } from './console-build';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Once per jest run of the browser tier: the infrastructure, then the console as the gateway would
 * serve it, built from the working tree once for every browser file. One build, not one per file:
 * Vite refuses a second build of the same project while one runs (its command lock), and two
 * workers building side by side failed CI that way.
 */
export default function globalSetup(): void {
  setUpTestInfrastructure();
  const out = mkdtempSync(path.join(tmpdir(), 'c2c-console-e2e-'));
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
  // Workers start after this and inherit the environment.
  process.env[CONSOLE_DIR_VARIABLE] = out;
}
