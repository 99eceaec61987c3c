import { defineEvent } from '../../registry/define-event';
import { EXAMPLE_IDS } from '../example-data';
import { PartnershipActivitySchema } from './partnership-activity.schema';
import { examplePartnership } from './partnership-examples';
import { partnershipPayload } from './partnership-snapshot.schema';

/** A cooperation activity was recorded under a partnership. */
export const partnershipActivityRecordedV1 = defineEvent({
  type: 'c2c.partnership.activity-recorded.v1',
  topic: 'c2c.partnerships.v1',
  aggregate: 'partnership',
  description:
    'An activity (exchange, visit, workshop, joint project, practice transfer …) was recorded under a ' +
    'partnership. A practice transfer links the best practice adapted and the cities on both sides.',
  schema: partnershipPayload({ activity: PartnershipActivitySchema }),
  example: {
    partnership: examplePartnership(),
    activity: {
      activityId: EXAMPLE_IDS.activity,
      kind: 'practice-transfer',
      title: 'Takakura home composting rolled out in Surabaya',
      startDate: '2026-09-07',
      endDate: '2026-09-11',
      participatingCityIds: [EXAMPLE_IDS.kitakyushu, EXAMPLE_IDS.surabaya],
      outcomes: 'Forty community facilitators trained; composting baskets distributed in five districts.',
      practiceTransfer: {
        bestPracticeId: EXAMPLE_IDS.bestPractice,
        sourceCityId: EXAMPLE_IDS.kitakyushu,
        adoptingCityId: EXAMPLE_IDS.surabaya,
      },
    },
  },
});
