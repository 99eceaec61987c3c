import { rmSync } from 'node:fs';
import { tearDownTestInfrastructure } from '@c2c/testing';
import { CONSOLE_DIR_VARIABLE } from './console-build';

/** After the browser tier: the console build goes, then what every infrastructure tier cleans. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env[CONSOLE_DIR_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
  await tearDownTestInfrastructure();
}
