import { createEventEnvelope, type EventData, type EventType } from '@c2c/contracts';
import { randomUUID } from 'node:crypto';
import { type BestPracticeEvent, isPublished, recordOf } from './best-practice-projection';

type PracticeEventType = BestPracticeEvent['type'];

const practiceId = randomUUID();
const summary = {
  practiceId,
  cityId: randomUUID(),
  title: 'Community-based solid waste composting',
  challenges: ['environment' as const],
  sdgs: [11, 12],
  cooperationAreas: ['environment-and-climate' as const],
};

function event<T extends PracticeEventType & EventType>(type: T, data: EventData<T>, sequence: number) {
  return createEventEnvelope(type, data, {
    id: randomUUID(),
    subject: practiceId,
    time: '2026-04-20T06:30:00Z',
    sequence,
  }) as BestPracticeEvent;
}

describe('best-practice projection', () => {
  it('keeps a published practice with its tags, publication time and sequence', () => {
    const record = recordOf(
      event('c2c.best-practice.published.v1', { ...summary, publishedAt: '2026-04-20T06:30:00Z' }, 2),
    );
    expect(record).toEqual({
      ...summary,
      status: 'published',
      publishedAt: '2026-04-20T06:30:00Z',
      lastSequence: 2,
    });
    expect(isPublished(record)).toBe(true);
  });

  it('makes a submitted or returned practice, and an unknown one, not one a transfer may name', () => {
    const submitted = recordOf(event('c2c.best-practice.submitted.v1', summary, 1));
    const returned = recordOf(
      event('c2c.best-practice.returned.v1', { ...summary, comments: 'add measured results' }, 3),
    );
    expect([submitted.status, returned.status]).toEqual(['submitted', 'returned']);
    expect([submitted.publishedAt, returned.publishedAt]).toEqual([null, null]);
    expect([isPublished(submitted), isPublished(returned), isPublished(null)]).toEqual([false, false, false]);
  });
});
