import { defineEvent } from '../../registry/define-event';
import { text } from '../schema-helpers';
import { exampleBestPractice } from './best-practice-examples';
import { bestPracticePayload } from './best-practice-fields.schema';

/** A submitted practice was returned to its city with comments. */
export const bestPracticeReturnedV1 = defineEvent({
  type: 'c2c.best-practice.returned.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'best-practice',
  keyField: 'practiceId',
  description:
    'A commission officer or the secretariat returned a submitted practice to its city with comments ' +
    'on what to improve. It is not published; the city may submit it again.',
  schema: bestPracticePayload({
    comments: text('What the city is asked to improve before the practice can be published.'),
  }),
  example: {
    ...exampleBestPractice(),
    comments:
      'Please add the measured results (tonnes of waste diverted per year) and a contact for cities ' +
      'that want to adapt the method.',
  },
});
