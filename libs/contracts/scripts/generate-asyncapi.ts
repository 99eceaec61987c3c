// Writes docs/asyncapi.yaml from the event registry. With --check, writes nothing and exits 1 when the
// committed file differs from what would be written (for CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ASYNCAPI_YAML_PATH, renderAsyncApiYaml } from './render-asyncapi-yaml';

const relative = path.relative(process.cwd(), ASYNCAPI_YAML_PATH);
const expected = renderAsyncApiYaml();
const actual = existsSync(ASYNCAPI_YAML_PATH) ? readFileSync(ASYNCAPI_YAML_PATH, 'utf8') : undefined;

if (process.argv.includes('--check')) {
  if (actual === expected) {
    console.log(`${relative} is up to date.`);
  } else {
    console.error(
      `${relative} is ${actual === undefined ? 'missing' : 'out of date'}: run ` +
        'node_modules/.bin/node -r @swc-node/register libs/contracts/scripts/generate-asyncapi.ts',
    );
    process.exitCode = 1;
  }
} else if (actual === expected) {
  console.log(`${relative} is already up to date.`);
} else {
  writeFileSync(ASYNCAPI_YAML_PATH, expected);
  console.log(`Wrote ${relative}.`);
}
