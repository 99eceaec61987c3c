// Location and format of the committed schema snapshots, shared by the snapshot script and the
// compatibility test.
import * as path from 'node:path';
import { eventJsonSchema, type EventType } from '../src/index';

/** libs/contracts/schemas: one `<event-type>.json` per published event type. */
export const SNAPSHOT_DIR = path.resolve(__dirname, '../schemas');

/** The snapshot file of an event type. */
export function snapshotPathOf(type: string): string {
  return path.join(SNAPSHOT_DIR, `${type}.json`);
}

/** The text a new snapshot of `type` is written with: its current JSON Schema, two-space indented. */
export function snapshotTextOf(type: EventType): string {
  return `${JSON.stringify(eventJsonSchema(type), null, 2)}\n`;
}
