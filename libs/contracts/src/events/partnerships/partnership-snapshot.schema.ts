import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { countryCode, date, dateTime, nullable, sdgGoal, stringEnum, text, uuid } from '../schema-helpers';
import {
  COOPERATION_AREAS,
  PARTICIPANT_ROLES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
} from './partnership-vocabularies';

/** A city taking part in a partnership, with what a subscriber needs to show it. */
export const PartnershipParticipantSchema = Type.Object({
  cityId: uuid('The participating city.'),
  name: text('City name at the time of the event.'),
  countryCode: countryCode(),
  role: stringEnum(PARTICIPANT_ROLES, { description: 'Proposer or invited partner.' }),
  acceptedAt: nullable(dateTime('When this city accepted.'), 'null until the city has accepted.'),
});
/** A participant as carried in partnership events. */
export type PartnershipParticipant = Static<typeof PartnershipParticipantSchema>;

/**
 * The partnership as it stands after the event. Every partnership event carries it, so a subscriber
 * keeps an up-to-date read model from any one event without calling the partnerships service.
 */
export const PartnershipSnapshotSchema = Type.Object(
  {
    partnershipId: uuid('The partnership.'),
    type: stringEnum(PARTNERSHIP_TYPES, { description: 'Form of the relationship.' }),
    title: text('Title of the partnership.'),
    status: stringEnum(PARTNERSHIP_STATUSES, { description: 'Lifecycle state after the event.' }),
    participants: Type.Array(PartnershipParticipantSchema, {
      minItems: 2,
      description: 'Two or more cities, in two or more countries; exactly one is the proposer.',
    }),
    cooperationAreas: Type.Array(stringEnum(COOPERATION_AREAS), {
      uniqueItems: true,
      description: 'Policy areas the partnership covers.',
    }),
    sdgTags: Type.Array(sdgGoal(), { uniqueItems: true, description: 'SDGs the partnership serves.' }),
    startDate: nullable(date('First day.'), 'null when not yet agreed.'),
    endDate: nullable(date('Last day.'), 'null for an open-ended partnership.'),
  },
  { description: 'The partnership as it stands after this event.' },
);
/** The partnership snapshot carried by every partnership event. */
export type PartnershipSnapshot = Static<typeof PartnershipSnapshotSchema>;

/** Payload schema of a partnership event: the snapshot plus the event's own fields. */
export function partnershipPayload<P extends TProperties>(properties: P) {
  return Type.Object({ partnership: PartnershipSnapshotSchema, ...properties });
}

/** Fields of the events an official (or the platform itself) causes with a stated reason. */
export const actorAndReason = {
  actorId: Type.Optional(
    nullable(
      uuid('The user who acted.'),
      'null when the platform acted on its own (e.g. a city was archived).',
    ),
  ),
  reason: text('Why, as stated by the actor or the platform.'),
};
