// Run from the repository root:
//   node_modules/.bin/node -r @swc-node/register examples/partnership-subscriber/src/main.ts
// Environment: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX (default none), GROUP_ID,
// OUTPUT=json for one JSON line per event (with the active partnership ids after it) instead of tables.
import { randomUUID } from 'node:crypto';
import type { ActivePartnerships, Outcome, PartnershipEvent } from './active-partnerships';
import { startSubscriber } from './subscriber';

function printTable(state: ActivePartnerships): void {
  const rows = state.list().map((p) => ({
    title: p.title,
    type: p.type,
    cities: p.participants.map((c) => `${c.name} (${c.countryCode})`).join(', '),
    until: p.endDate ?? 'open-ended',
  }));
  console.log(`\n${rows.length} active partnership(s) at ${new Date().toISOString()}`);
  if (rows.length > 0) console.table(rows);
}

/** How each event is reported: readable by people, or by a program (OUTPUT=json). */
function reporter(
  json: boolean,
): (event: PartnershipEvent, outcome: Outcome, state: ActivePartnerships) => void {
  if (json) {
    return (event, outcome, state) =>
      console.log(
        JSON.stringify({
          type: event.type,
          id: event.id,
          subject: event.subject,
          outcome,
          active: state.ids(),
        }),
      );
  }
  // Print the set once a burst settles: catching up on the topic delivers many events at once.
  let pending: NodeJS.Timeout | undefined;
  return (event, outcome, state) => {
    console.log(`${event.type} ${event.subject} #${event.sequence} → ${outcome}`);
    clearTimeout(pending);
    pending = setTimeout(() => printTable(state), 300);
  };
}

async function main(): Promise<void> {
  const running = await startSubscriber({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
    // State is in memory, so every run reads the topic from the beginning under a group of its own.
    groupId: process.env.GROUP_ID ?? `partnership-subscriber-example-${randomUUID().slice(0, 8)}`,
    onEvent: reporter(process.env.OUTPUT === 'json'),
    onRejected: (reason, offset) => console.error(`skipped the record at offset ${offset}: ${reason}`),
  });
  console.error('subscribed to c2c.partnerships.v1; Ctrl-C stops');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
