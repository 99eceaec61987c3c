import { randomBytes } from 'node:crypto';
import { eventDefinition, EventData, EventType } from '@c2c/contracts';

/**
 * A valid payload of any registered event: the contract's own example (which the contracts' tests
 * prove valid), with the fields a test cares about overridden. A copy each time, so tests can mutate.
 */
export function eventDataFor<T extends EventType>(
  type: T,
  overrides: Partial<EventData<T>> = {},
): EventData<T> {
  const example = structuredClone(eventDefinition(type).example) as EventData<T>;
  return { ...example, ...overrides };
}

/** A short random suffix for names that must be unique per test (cities, titles, e-mails). */
export const uniqueSuffix = (): string => randomBytes(3).toString('hex');
