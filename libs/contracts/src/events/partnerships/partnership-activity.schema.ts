import { Type, type Static } from '@sinclair/typebox';
import { date, nullable, stringEnum, text, uuid } from '../schema-helpers';
import { ACTIVITY_KINDS } from './partnership-vocabularies';

/** A successful practice moving from one city to another, linked to the best-practice library. */
export const PracticeTransferSchema = Type.Object({
  bestPracticeId: uuid('The practice in the commissions service best-practice library.'),
  sourceCityId: uuid('The city the practice comes from.'),
  adoptingCityId: uuid('The city adapting it.'),
});

/** One cooperation activity carried out under a partnership. */
export const PartnershipActivitySchema = Type.Object({
  activityId: uuid('The activity.'),
  kind: stringEnum(ACTIVITY_KINDS, { description: 'Kind of activity.' }),
  title: text('Short title.'),
  startDate: date('First day.'),
  endDate: nullable(date('Last day.'), 'null for a one-day or ongoing activity.'),
  participatingCityIds: Type.Array(uuid('A city taking part.'), {
    minItems: 1,
    uniqueItems: true,
    description: 'Cities taking part; partnership members and possibly others.',
  }),
  outcomes: Type.Optional(text('What the activity achieved, in a few sentences.')),
  practiceTransfer: Type.Optional(PracticeTransferSchema),
});
/** An activity as carried in `c2c.partnership.activity-recorded.v1`. */
export type PartnershipActivity = Static<typeof PartnershipActivitySchema>;
