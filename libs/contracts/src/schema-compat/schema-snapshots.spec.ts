// The published-schema gate: a snapshot in libs/contracts/schemas is what subscribers were promised.
// The event type must stay registered and its schema may only change compatibly.
import { readdirSync, readFileSync } from 'node:fs';
import { SNAPSHOT_DIR, snapshotPathOf } from '../../scripts/schema-snapshots';
import { EVENT_TYPES, isKnownEventType } from '../registry/event-registry';
import { eventJsonSchema } from '../registry/event-json-schema';
import { compareSchemas } from './compare-schemas';

const snapshots = readdirSync(SNAPSHOT_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

function nextVersionOf(type: string): string {
  return type.replace(/\.v(\d+)$/, (_, n: string) => `.v${Number(n) + 1}`);
}

describe('published event schemas', () => {
  it('has a snapshot for every registered event type', () => {
    const missing = EVENT_TYPES.filter((type) => !snapshots.includes(type));
    if (missing.length > 0) {
      throw new Error(
        `no schema snapshot for ${missing.join(', ')}: run npm run contracts:snapshot ` +
          'and commit libs/contracts/schemas',
      );
    }
  });

  it.each(snapshots)('%s is still registered and compatible with its snapshot', (type) => {
    const advice = `publish a new version ${nextVersionOf(type)} instead of editing ${type}`;
    if (!isKnownEventType(type)) {
      throw new Error(`${type} was published, so it must stay registered; to change it, ${advice}`);
    }
    const previous: unknown = JSON.parse(readFileSync(snapshotPathOf(type), 'utf8'));
    const { problems } = compareSchemas(previous, eventJsonSchema(type));
    if (problems.length > 0) {
      throw new Error(`${type} changed incompatibly; ${advice}:\n  ${problems.join('\n  ')}`);
    }
  });
});
