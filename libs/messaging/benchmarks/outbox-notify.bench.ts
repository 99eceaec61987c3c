/**
 * Outbox NOTIFY benchmark (a one-off script, not part of `npm run bench`): how fast producers can
 * commit `Outbox.add` transactions (16 connections, as fast as they go) with the outbox's NOTIFY
 * trigger and without it. PostgreSQL serialises the commits of notifying transactions in a database
 * (docs/messaging.md, "Limits to know"); this says what that costs here.
 *
 *   node -r @swc-node/register libs/messaging/benchmarks/outbox-notify.bench.ts
 */
import 'reflect-metadata';
import { prepareTestInfrastructure } from '@c2c/testing';
import { MessagingHarness, SCHEMA } from '../test/support/messaging-harness';
import { commitLoad } from './support';

async function main(): Promise<void> {
  prepareTestInfrastructure();
  const harness = await MessagingHarness.create('bench-notify');
  try {
    const commitRate = async () => {
      const { offeredRate } = await commitLoad(harness, 100_000, 12_000);
      await harness.dataSource.query(`delete from ${SCHEMA}.outbox`);
      return offeredRate;
    };
    const trigger = (state: 'enable' | 'disable') =>
      harness.dataSource.query(`alter table ${SCHEMA}.outbox ${state} trigger outbox_notify`);
    const withNotify = await commitRate();
    await trigger('disable');
    const withoutNotify = await commitRate().finally(() => trigger('enable'));
    console.log(
      `producer commits  ${withNotify} tx/s with the NOTIFY trigger   ${withoutNotify} tx/s without   ratio ${(withNotify / withoutNotify).toFixed(2)}x`,
    );
  } finally {
    await harness.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
