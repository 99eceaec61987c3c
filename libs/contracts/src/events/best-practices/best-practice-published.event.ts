import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { exampleBestPractice } from './best-practice-examples';
import { bestPracticePayload } from './best-practice-fields.schema';

/** A submitted practice was published in the best-practice library. */
export const bestPracticePublishedV1 = defineEvent({
  type: 'c2c.best-practice.published.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'best-practice',
  keyField: 'practiceId',
  description:
    'A commission officer or the secretariat published a submitted practice: it is in the public ' +
    'library, and a practice transfer (`c2c.partnership.activity-recorded.v1`) may name it. Carries the ' +
    'tags as published, so a subscriber keeps its read model of published practices from this event.',
  schema: bestPracticePayload({
    commissionId: Type.Optional(
      uuid('The commission whose officer published it; absent when the secretariat did.'),
    ),
    publishedAt: dateTime('When it was published.'),
  }),
  example: {
    ...exampleBestPractice(),
    commissionId: EXAMPLE_IDS.commonChallengesCommission,
    publishedAt: '2026-04-20T06:30:00Z',
  },
});
