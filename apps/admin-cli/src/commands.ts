import type {
  ConsumerStatusResponse,
  DeadLetterDetailResponse,
  DeadLetterResponse,
  OutboxStatusResponse,
  ReplayResultResponse,
} from '@c2c/messaging';
import type { Command, ReadModel, Service } from './args';
import type { GatewayClient } from './gateway-client';
import { table } from './table';

// The gateway's admin answers: each service's own answer (shapes from @c2c/messaging) naming the
// service, and the services that could not answer.
type FromService<T> = T & { service: Service };
interface Merged<T> {
  items: FromService<T>[];
  missing: Service[];
}
type Replayed = { replayed: FromService<ReplayResultResponse>[]; missing: Service[] };

/** What a command needs around it: the gateway, where its output and its progress go, and the rebuild. */
export interface CommandIo {
  gateway: GatewayClient;
  /** The result (stdout): a table, or JSON with --json. */
  out(text: string): void;
  /** Progress and warnings (stderr), so `--json` output stays one document. */
  progress(text: string): void;
  /** Runs a service's rebuild script with this process's environment; resolves its exit code. */
  rebuild(service: Service, model: ReadModel, check: boolean): Promise<number>;
}

const ADMIN = '/api/v1/admin';

const query = (values: Record<string, string | undefined>): string => {
  const defined = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
};

function warnMissing(io: CommandIo, missing: Service[]): void {
  if (missing.length > 0)
    io.progress(`warning: no answer from ${missing.join(', ')} (down or not configured)`);
}

const outcomeCounts = (results: { outcome: string }[]): string => {
  const counts = new Map<string, number>();
  for (const { outcome } of results) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'nothing to replay';
};

function letterTable(letters: FromService<DeadLetterResponse>[]): string {
  return table(letters, [
    ['service', (l) => l.service],
    ['position', (l) => `${l.partition}:${l.offset}`],
    ['type', (l) => l.eventType],
    ['reason', (l) => l.reason],
    ['failed at', (l) => l.failedAt],
    ['resolved', (l) => (l.resolved ? 'yes' : 'no')],
    ['error', (l) => (l.error.length > 60 ? `${l.error.slice(0, 57)}...` : l.error)],
  ]);
}

async function replay(
  command: Extract<Command, { name: 'dead-letters replay' }>,
  io: CommandIo,
): Promise<number> {
  const { selection, service } = command;
  const results: FromService<ReplayResultResponse>[] = [];
  const missing: Service[] = [];
  if ('partition' in selection) {
    io.progress(`replaying ${service} ${selection.partition}:${selection.offset}...`);
    const answer = await io.gateway.call<Replayed>('POST', `${ADMIN}/dead-letters/replay`, {
      service,
      ...selection,
    });
    results.push(...answer.replayed);
  } else {
    // Service by service, so a long replay shows where it is; each service replays its own in one call.
    const filter = 'all' in selection ? {} : selection;
    const listed = await io.gateway.call<Merged<DeadLetterResponse>>(
      'GET',
      `${ADMIN}/dead-letters${query({ service, ...filter })}`,
    );
    missing.push(...listed.missing);
    const pending = listed.items.filter((l) => !l.resolved);
    const services = [...new Set(pending.map((l) => l.service))];
    io.progress(
      `${pending.length} unresolved dead letter(s) to replay in ${services.join(', ') || 'no service'}`,
    );
    for (const [index, each] of services.entries()) {
      const count = pending.filter((l) => l.service === each).length;
      io.progress(`[${index + 1}/${services.length}] ${each}: replaying ${count}...`);
      const answer = await io.gateway.call<Replayed>('POST', `${ADMIN}/dead-letters/replay`, {
        service: each,
        ...selection,
      });
      missing.push(...answer.missing);
      results.push(...answer.replayed);
      io.progress(`[${index + 1}/${services.length}] ${each}: ${outcomeCounts(answer.replayed)}`);
    }
  }
  warnMissing(io, missing);
  io.out(
    command.json
      ? JSON.stringify({ replayed: results, missing }, null, 2)
      : table(results, [
          ['service', (r) => r.service],
          ['position', (r) => `${r.partition}:${r.offset}`],
          ['type', (r) => r.eventType],
          ['event id', (r) => r.eventId],
          ['outcome', (r) => r.outcome],
        ]),
  );
  // A letter that failed again is new work for the operator, and a script should see it.
  return results.some((r) => r.outcome === 'dead-lettered') ? 1 : 0;
}

/** Runs one parsed command; answers the exit code. */
export async function runCommand(command: Command, io: CommandIo): Promise<number> {
  switch (command.name) {
    case 'help':
      io.out(command.text);
      return 0;
    case 'dead-letters list': {
      const { service, type, since } = command;
      const answer = await io.gateway.call<Merged<DeadLetterResponse>>(
        'GET',
        `${ADMIN}/dead-letters${query({ service, type, since })}`,
      );
      warnMissing(io, answer.missing);
      io.out(command.json ? JSON.stringify(answer, null, 2) : letterTable(answer.items));
      return 0;
    }
    case 'dead-letters show': {
      const letter = await io.gateway.call<FromService<DeadLetterDetailResponse>>(
        'GET',
        `${ADMIN}/dead-letters/${command.service}/${command.partition}/${command.offset}`,
      );
      io.out(
        command.json
          ? JSON.stringify(letter, null, 2)
          : [
              letterTable([letter]),
              '',
              `error:   ${letter.error}`,
              `attempts: ${letter.attempts}; from ${letter.originalTopic} ${letter.originalPartition ?? '?'}:${letter.originalOffset ?? '?'}`,
              `key:     ${letter.key ?? ''}`,
              'headers:',
              ...Object.entries(letter.headers).map(([name, value]) => `  ${name}: ${value}`),
              'data:',
              JSON.stringify(letter.data, null, 2),
            ].join('\n'),
      );
      return 0;
    }
    case 'dead-letters replay':
      return replay(command, io);
    case 'outbox': {
      const answer = await io.gateway.call<Merged<OutboxStatusResponse>>('GET', `${ADMIN}/outbox`);
      warnMissing(io, answer.missing);
      io.out(
        command.json
          ? JSON.stringify(answer, null, 2)
          : table(answer.items, [
              ['service', (o) => o.service],
              ['unsent', (o) => o.size],
              ['oldest unsent (s)', (o) => o.oldestAgeSeconds.toFixed(1)],
            ]),
      );
      return 0;
    }
    case 'consumers': {
      const answer = await io.gateway.call<Merged<ConsumerStatusResponse>>('GET', `${ADMIN}/consumers`);
      warnMissing(io, answer.missing);
      const rows = answer.items.flatMap((group) =>
        group.partitions.map((p) => ({ ...p, group: group.group })),
      );
      io.out(
        command.json
          ? JSON.stringify(answer, null, 2)
          : [
              table(answer.items, [
                ['service', (c) => c.service],
                ['group', (c) => c.group],
                ['lag', (c) => c.lag],
                ['dead-letter topic', (c) => c.deadLetterTopic],
              ]),
              '',
              table(rows, [
                ['group', (r) => r.group],
                ['topic', (r) => r.topic],
                ['partition', (r) => r.partition],
                ['committed', (r) => r.committed],
                ['end', (r) => r.end],
                ['lag', (r) => r.lag],
              ]),
            ].join('\n'),
      );
      return 0;
    }
    case 'rebuild-read-model':
      return io.rebuild(command.service, command.model, command.check);
    case 'webhooks redeliver': {
      const path = `/api/v1/webhooks/${command.subscription}/deliveries/${command.delivery}/redelivery`;
      const delivery = await io.gateway.call<{
        id: string;
        eventType: string;
        status: string;
        attempts: number;
      }>('POST', path);
      io.out(
        command.json
          ? JSON.stringify(delivery, null, 2)
          : table(
              [delivery],
              [
                ['delivery', (d) => d.id],
                ['event type', (d) => d.eventType],
                ['status', (d) => d.status],
                ['attempts', (d) => d.attempts],
              ],
            ),
      );
      return 0;
    }
  }
}
