import { Type } from '@sinclair/typebox';
import { defineEvent, type EventTypeName } from './define-event';
import { deadLetterTopicOf, sourceOfTopic, type TopicName } from './topics';

const input = {
  type: 'c2c.city.renamed.v2' as EventTypeName,
  topic: 'c2c.cities.v1' as TopicName,
  aggregate: 'city',
  description: 'A city was renamed.',
  schema: Type.Object({ name: Type.String() }),
  example: { name: 'Hue' },
};

describe(defineEvent.name, () => {
  it('derives version, source and dataschema', () => {
    expect(defineEvent(input)).toMatchObject({
      version: 2,
      source: '/c2c/cities',
      dataschema: 'https://schemas.c2c.asianmayorsforum.org/events/c2c.city.renamed.v2.json',
    });
  });

  it.each([
    ['a type outside the naming rule', { type: 'c2c.City.Renamed.v1' }, /lowercase kebab case/],
    ['a version 0', { type: 'c2c.city.renamed.v0' }, /lowercase kebab case/],
    ['an aggregate the type does not name', { aggregate: 'partnership' }, /must name its aggregate/],
    ['an unknown topic', { topic: 'c2c.mayors.v1' }, /unknown topic/],
    ['a key field the example lacks', { keyField: 'cityId' }, /has no key field "cityId"/],
  ])('refuses %s', (_, change, message) => {
    expect(() => defineEvent({ ...input, ...change } as typeof input)).toThrow(message);
  });
});

describe('topics', () => {
  it('names the source after the producing service', () => {
    expect(sourceOfTopic('c2c.partnerships.v1')).toBe('/c2c/partnerships');
  });

  it('names one dead-letter topic per consumer group', () => {
    expect(deadLetterTopicOf('notifications.partnerships')).toBe('c2c.dlq.notifications.partnerships');
    expect(() => deadLetterTopicOf('')).toThrow(RangeError);
    expect(() => deadLetterTopicOf('group with spaces')).toThrow(RangeError);
    expect(() => deadLetterTopicOf('g'.repeat(242))).toThrow(RangeError);
  });
});
