import { buildConsole, setUpTestInfrastructure } from '@c2c/testing';
import { CONSOLE_DIR_VARIABLE } from './console-build';

/**
 * Once per jest run of the browser tier: the infrastructure, then the console as the gateway would
 * serve it, built once for every browser file. One build, not one per file: Vite refuses a second
 * build of the same project while one runs (its command lock), and two workers building side by
 * side failed CI that way.
 */
export default function globalSetup(): void {
  setUpTestInfrastructure();
  // Workers start after this and inherit the environment.
  process.env[CONSOLE_DIR_VARIABLE] = buildConsole('c2c-console-e2e-');
}
