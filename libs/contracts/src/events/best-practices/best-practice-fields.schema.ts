import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { sdgGoal, stringEnum, text, uuid } from '../schema-helpers';
import { COOPERATION_AREAS } from '../partnerships/partnership-vocabularies';
import { COMMON_CHALLENGES } from './best-practice-vocabularies';

/**
 * What every best-practice event says about the practice: enough for a subscriber to list and filter
 * it (partnerships keeps the published ones, which practice transfers may name). The full text
 * (problem, solution, results, lessons, contact) stays in the commissions service.
 */
export const bestPracticeSummaryProperties = {
  practiceId: uuid('The practice (the record key).'),
  cityId: uuid('The city whose practice it is, and which submitted it.'),
  title: text('Title of the practice.'),
  challenges: Type.Array(stringEnum(COMMON_CHALLENGES), {
    uniqueItems: true,
    description: 'Common challenges the practice addresses (ids from `COMMON_CHALLENGES`).',
  }),
  sdgs: Type.Array(sdgGoal(), { uniqueItems: true, description: 'SDGs the practice serves.' }),
  cooperationAreas: Type.Array(stringEnum(COOPERATION_AREAS), {
    uniqueItems: true,
    description: 'Policy areas of the practice (the partnerships vocabulary).',
  }),
};

/** The practice summary on its own, for the {@link BestPracticeSummary} type. */
export const BestPracticeSummarySchema = Type.Object(bestPracticeSummaryProperties);
/** The fields every best-practice event carries about the practice. */
export type BestPracticeSummary = Static<typeof BestPracticeSummarySchema>;

/** Payload schema of a best-practice event: the practice summary plus the event's own fields. */
export function bestPracticePayload<P extends TProperties>(properties: P) {
  return Type.Object({ ...bestPracticeSummaryProperties, ...properties });
}
