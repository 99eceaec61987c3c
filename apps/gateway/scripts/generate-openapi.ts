// Writes the gateway's OpenAPI document to docs/openapi.json; with --check, fails when the committed
// file differs from what the code generates (CI runs that).
//   npm run openapi [-- --check]
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateOpenApiText } from '../src/openapi/generate';

const TARGET = path.resolve(__dirname, '../../../docs/openapi.json');

async function main(): Promise<void> {
  const generated = await generateOpenApiText();
  if (process.argv.includes('--check')) {
    let committed: string | undefined;
    try {
      committed = readFileSync(TARGET, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== generated) {
      process.stderr.write('docs/openapi.json is out of date: run npm run openapi\n');
      process.exit(1);
    }
    process.stdout.write('docs/openapi.json is up to date\n');
    return;
  }
  writeFileSync(TARGET, generated);
  process.stdout.write(`wrote ${path.relative(process.cwd(), TARGET)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
