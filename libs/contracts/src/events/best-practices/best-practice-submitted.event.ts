import { defineEvent } from '../../registry/define-event';
import { exampleBestPractice } from './best-practice-examples';
import { bestPracticePayload } from './best-practice-fields.schema';

/** A city submitted a practice to the best-practice library. */
export const bestPracticeSubmittedV1 = defineEvent({
  type: 'c2c.best-practice.submitted.v1',
  topic: 'c2c.commissions.v1',
  aggregate: 'best-practice',
  keyField: 'practiceId',
  description:
    'A city officer submitted a practice of their city to the best-practice library (or submitted it ' +
    'again after it was returned). It awaits a commission officer or the secretariat, who publishes or ' +
    'returns it; until published it is not in the public library.',
  schema: bestPracticePayload({}),
  example: exampleBestPractice(),
});
