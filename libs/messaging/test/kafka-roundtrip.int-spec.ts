import { createTestKafka, createTestTopicPrefix, eventually, TopicRecorder } from '@c2c/testing';
import { ensureTopics, topicName } from '../src';

describe('Kafka round trip on the real broker', () => {
  const kafka = createTestKafka();
  const topic = topicName(createTestTopicPrefix(), 'c2c.roundtrip.v1');
  let recorder: TopicRecorder;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic, numPartitions: 2 }]);
    await ensureTopics(admin, [{ topic, numPartitions: 2 }]); // idempotent
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics.map((t) => [t.name, t.partitions.length])).toEqual([[topic, 2]]);
    await admin.disconnect();
    recorder = await new TopicRecorder(kafka).start([topic]);
  });

  afterAll(() => recorder?.stop());

  it('produces with acks=all and consumes the same key, value and headers', async () => {
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: 'city-1', value: '{"hello":"world"}', headers: { ce_type: 'c2c.roundtrip.v1' } }],
    });
    await producer.disconnect();
    const [message] = await eventually(() => {
      expect(recorder.messages).toHaveLength(1);
      return recorder.messages;
    });
    expect(message).toMatchObject({
      key: 'city-1',
      value: '{"hello":"world"}',
      headers: { ce_type: 'c2c.roundtrip.v1' },
    });
  });
});
