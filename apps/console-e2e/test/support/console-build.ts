/** Where the browser tier's global setup tells its workers the console it built is. */
export const CONSOLE_DIR_VARIABLE = 'C2C_TEST_CONSOLE_DIR';

/** The console built once for this run (see global-setup.ts), served by every test's gateway. */
export function builtConsoleDir(): string {
  const dir = process.env[CONSOLE_DIR_VARIABLE];
  if (!dir) {
    throw new Error(
      `${CONSOLE_DIR_VARIABLE} is not set: the browser tests need the global setup of jest's browser project`,
    );
  }
  return dir;
}
