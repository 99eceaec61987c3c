import type { BestPracticeStatus, CommonChallenge, CooperationArea, EventEnvelopeOf } from '@c2c/contracts';

/** The best-practice events of `c2c.commissions.v1` the model is built from. */
export type BestPracticeEvent =
  | EventEnvelopeOf<'c2c.best-practice.submitted.v1'>
  | EventEnvelopeOf<'c2c.best-practice.published.v1'>
  | EventEnvelopeOf<'c2c.best-practice.returned.v1'>;

/** One best practice as this service knows it from the commissions service's events. */
export interface BestPracticeRecord {
  practiceId: string;
  cityId: string;
  title: string;
  challenges: CommonChallenge[];
  sdgs: number[];
  cooperationAreas: CooperationArea[];
  /** What its latest event says: only `published` puts it in the library a transfer may name. */
  status: BestPracticeStatus;
  /** When it was published; null while it is not. */
  publishedAt: string | null;
  /** The sequence of the event the record is from: an older event never overwrites it. */
  lastSequence: number;
}

const STATUS_AFTER: Record<BestPracticeEvent['type'], BestPracticeStatus> = {
  'c2c.best-practice.submitted.v1': 'submitted',
  'c2c.best-practice.published.v1': 'published',
  'c2c.best-practice.returned.v1': 'returned',
};

/**
 * The practice as the event leaves it. Every event carries the whole summary, so the newest event is
 * the whole truth and nothing is merged field by field.
 */
export function recordOf(event: BestPracticeEvent): BestPracticeRecord {
  const { practiceId, cityId, title, challenges, sdgs, cooperationAreas } = event.data;
  return {
    practiceId,
    cityId,
    title,
    challenges: [...challenges],
    sdgs: [...sdgs],
    cooperationAreas: [...cooperationAreas],
    status: STATUS_AFTER[event.type],
    publishedAt: event.type === 'c2c.best-practice.published.v1' ? event.data.publishedAt : null,
    lastSequence: event.sequence,
  };
}

/** Whether a practice transfer may name this practice: it is known and published. */
export const isPublished = (record: BestPracticeRecord | null): boolean => record?.status === 'published';
