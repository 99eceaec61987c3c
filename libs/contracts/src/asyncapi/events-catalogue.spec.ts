// docs/events.md is written by hand for people; this keeps it from silently falling behind the registry.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVENT_TYPES } from '../registry/event-registry';
import { TOPIC_NAMES } from '../registry/topics';

const catalogue = readFileSync(path.resolve(__dirname, '../../../../docs/events.md'), 'utf8');

it('docs/events.md names every topic and every registered event type', () => {
  const missing = [...TOPIC_NAMES, ...EVENT_TYPES].filter((name) => !catalogue.includes(`\`${name}\``));
  expect(missing).toEqual([]);
});
