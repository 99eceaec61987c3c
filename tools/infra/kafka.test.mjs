// node --test tools/infra/kafka.test.mjs
// The broker's instance: the platform's own is unchanged (9092/9093 under .local/kafka), and another
// one gets its own directory and ports in everything the broker is given. Starts no broker.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { KAFKA_DIR } from './config.mjs';
import { kafkaInstance, localKafkaPid } from './kafka.mjs';

test('the default instance is the platform broker of DESIGN.md', () => {
  const local = kafkaInstance();
  assert.deepEqual(
    { dir: local.dir, brokers: local.brokers, controllerPort: local.controllerPort },
    { dir: KAFKA_DIR, brokers: '127.0.0.1:9092', controllerPort: 9093 },
  );
  assert.equal(local.pidFile, path.join(KAFKA_DIR, 'kafka.pid'));
});

test('another instance lives in its own directory on its own ports', () => {
  const other = kafkaInstance({ dir: '/tmp/elsewhere', port: 19092, controllerPort: 19093 });
  assert.equal(other.brokers, '127.0.0.1:19092');
  for (const file of [other.data, other.logs, other.pidFile, other.properties])
    assert.ok(file.startsWith(`/tmp/elsewhere${path.sep}`), file);
  assert.equal(localKafkaPid(other), null); // nothing runs there
});
