// Adds a JSON Schema snapshot to libs/contracts/schemas for every registered event type that has
// none. Never overwrites: a snapshot records what subscribers were promised, and the compatibility
// test holds the current schema to it. Run after adding an event type, and commit the new files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { EVENT_TYPES } from '../src/index';
import { SNAPSHOT_DIR, snapshotPathOf, snapshotTextOf } from './schema-snapshots';

async function main(): Promise<void> {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const added: string[] = [];
  for (const type of EVENT_TYPES) {
    const file = snapshotPathOf(type);
    if (existsSync(file)) continue;
    // Formatted as the repository's prettier would, so `format:check` stays green.
    const text = await format(snapshotTextOf(type), { ...(await resolveConfig(file)), filepath: file });
    // 'wx' fails rather than overwrite, should the file appear between the check and the write.
    writeFileSync(file, text, { flag: 'wx' });
    added.push(path.relative(process.cwd(), file));
  }
  console.log(
    added.length === 0
      ? `All ${EVENT_TYPES.length} event types already have a snapshot.`
      : `Added ${added.length} snapshot(s):\n  ${added.join('\n  ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
