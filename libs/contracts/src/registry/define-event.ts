import type { Static, TObject } from '@sinclair/typebox';
import { isEventTypeName } from '../cloudevents/attribute-formats';
import { dataSchemaUriOf } from '../cloudevents/cloudevent-headers';
import { isTopicName, sourceOfTopic, type TopicName } from './topics';

/** Shape of an event type name: `c2c.<aggregate>.<event>.v<N>`. */
export type EventTypeName = `c2c.${string}.${string}.v${number}`;

/** What an event's author writes in its `*.event.ts` file. */
export interface EventDefinitionInput<
  TType extends EventTypeName,
  TTopic extends TopicName,
  TDataSchema extends TObject,
> {
  /** `c2c.<aggregate>.<event>.v<N>`: past tense, versioned; never edited once published. */
  readonly type: TType;
  /** The topic it is published on (the producing service's topic). */
  readonly topic: TTopic;
  /** The aggregate the event is about; equals the type's second segment. Its id is the Kafka key. */
  readonly aggregate: string;
  /** What happened and when subscribers can expect it. Shown in AsyncAPI and the JSON Schema. */
  readonly description: string;
  /** TypeBox schema of `data`: the TypeScript type, validation and JSON Schema all come from it. */
  readonly schema: TDataSchema;
  /** A realistic payload; tests check that it validates against `schema`. */
  readonly example: Static<TDataSchema>;
  /**
   * The top-level payload field that holds the aggregate id (the Kafka key and `ce_subject`), when it
   * is not `<aggregate>Id` (`practiceId` for `best-practice` events, say).
   */
  readonly keyField?: Extract<keyof Static<TDataSchema>, string>;
}

/** A registered event: its input plus what follows from it. */
export interface EventDefinition<
  TType extends EventTypeName = EventTypeName,
  TTopic extends TopicName = TopicName,
  TDataSchema extends TObject = TObject,
> extends EventDefinitionInput<TType, TTopic, TDataSchema> {
  /** The `v<N>` of the type. */
  readonly version: number;
  /** CloudEvents `source` of this event: `/c2c/<producing service>`. */
  readonly source: string;
  /** CloudEvents `dataschema`: URI of the payload's JSON Schema. */
  readonly dataschema: string;
}

/**
 * Declares one event type. Checks the naming rules when the module loads, so a misnamed event fails
 * every test rather than reaching a topic.
 *
 * @example
 * export const cityArchivedV1 = defineEvent({
 *   type: 'c2c.city.archived.v1', topic: 'c2c.cities.v1', aggregate: 'city',
 *   description: 'A city was archived.', schema: Type.Object({ cityId: uuid('…') }), example: { cityId: '…' },
 * });
 */
export function defineEvent<
  const TType extends EventTypeName,
  TTopic extends TopicName,
  TDataSchema extends TObject,
>(input: EventDefinitionInput<TType, TTopic, TDataSchema>): EventDefinition<TType, TTopic, TDataSchema> {
  const segments = input.type.split('.');
  if (!isEventTypeName(input.type)) {
    throw new Error(
      `event type "${input.type}" must be c2c.<aggregate>.<event>.v<N> in lowercase kebab case`,
    );
  }
  if (segments[1] !== input.aggregate) {
    throw new Error(`event type "${input.type}" must name its aggregate "${input.aggregate}"`);
  }
  if (!isTopicName(input.topic)) {
    throw new Error(`event type "${input.type}" is on unknown topic "${String(input.topic)}"`);
  }
  if (input.keyField !== undefined) {
    const key: unknown = (input.example as Record<string, unknown>)[input.keyField];
    if (typeof key !== 'string') {
      throw new Error(`example of event type "${input.type}" has no key field "${input.keyField}"`);
    }
  }
  return Object.freeze({
    ...input,
    version: Number(segments[3]?.slice(1)),
    source: sourceOfTopic(input.topic),
    dataschema: dataSchemaUriOf(input.type),
  });
}
