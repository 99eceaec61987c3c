import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The services behind the gateway; the CLI names them as the gateway's admin routes do. */
export const SERVICES = ['cities', 'partnerships', 'commissions', 'notifications'] as const;
export type Service = (typeof SERVICES)[number];

/** The read models a service rebuilds from another service's topic, and who keeps one. */
export const READ_MODELS = {
  city: { topic: 'c2c.cities.v1', services: ['partnerships', 'commissions'], script: 'rebuild-city-model' },
} as const;
export type ReadModel = keyof typeof READ_MODELS;

/** Bad arguments: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Selection =
  { partition: number; offset: string } | { type?: string; since?: string } | { all: true };

export type Command =
  | { name: 'help'; text: string }
  | { name: 'dead-letters list'; service?: Service; type?: string; since?: string; json: boolean }
  | { name: 'dead-letters show'; service: Service; partition: number; offset: string; json: boolean }
  | { name: 'dead-letters replay'; service?: Service; selection: Selection; json: boolean }
  | { name: 'outbox'; json: boolean }
  | { name: 'consumers'; json: boolean }
  | { name: 'rebuild-read-model'; service: Service; model: ReadModel; check: boolean }
  | { name: 'webhooks redeliver'; subscription: string; delivery: string; json: boolean };

type Values = Record<string, string | boolean | undefined>;

interface Spec {
  summary: string;
  usage: string;
  /** One line per option, for --help. */
  options: Record<string, { type: 'string' | 'boolean'; help: string }>;
  build(values: Values, fail: (message: string) => never, now: Date): Command;
}

const JSON_OPTION = {
  json: { type: 'boolean', help: 'print JSON for machines instead of a table' },
} as const;
const SERVICE_HELP = `one of ${SERVICES.join(', ')}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const str = (values: Values, name: string): string | undefined => values[name] as string | undefined;

function serviceOf(values: Values, fail: (message: string) => never): Service | undefined {
  const service = str(values, 'service');
  if (service === undefined) return undefined;
  if (!(SERVICES as readonly string[]).includes(service))
    fail(`--service must be ${SERVICE_HELP}, not "${service}"`);
  return service as Service;
}

function required<T>(value: T | undefined, option: string, fail: (message: string) => never): T {
  return value === undefined ? fail(`--${option} is required`) : value;
}

/** `p:o` on the dead-letter topic, as `dead-letters list` prints it. */
export function positionOf(
  text: string,
  fail: (message: string) => never,
): { partition: number; offset: string } {
  const match = /^(\d{1,9}):(\d{1,19})$/.exec(text);
  if (match === null) fail(`--position must be <partition>:<offset>, e.g. 0:42, not "${text}"`);
  return { partition: Number(match[1]), offset: match[2] };
}

/** An ISO 8601 time, or one relative to now: `30m`, `6h`, `2d`. */
export function sinceOf(text: string, now: Date, fail: (message: string) => never): string {
  const relative = /^(\d{1,6})([mhd])$/.exec(text);
  if (relative !== null) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(relative[1]) * unit).toISOString();
  }
  const time = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(time))
    fail(`--since must be an ISO 8601 time (2026-12-01T08:00:00Z) or 30m, 6h, 2d; not "${text}"`);
  return new Date(time).toISOString();
}

const SPECS: Record<string, Spec> = {
  'dead-letters list': {
    summary: 'list dead letters of every consumer group (or one service), by event type and time',
    usage: 'dead-letters list [--service <s>] [--type <event type>] [--since <time>] [--json]',
    options: {
      service: { type: 'string', help: SERVICE_HELP },
      type: { type: 'string', help: 'only this event type, e.g. c2c.city.registered.v1' },
      since: { type: 'string', help: 'only letters dead-lettered since: ISO 8601, or 30m, 6h, 2d' },
      ...JSON_OPTION,
    },
    build: (values, fail, now) => ({
      name: 'dead-letters list',
      service: serviceOf(values, fail),
      type: str(values, 'type'),
      since: values.since === undefined ? undefined : sinceOf(str(values, 'since')!, now, fail),
      json: values.json === true,
    }),
  },
  'dead-letters show': {
    summary: 'one dead letter with its error, headers and data',
    usage: 'dead-letters show --service <s> --position <partition>:<offset> [--json]',
    options: {
      service: { type: 'string', help: SERVICE_HELP },
      position: { type: 'string', help: 'its position on the dead-letter topic, as the list prints it' },
      ...JSON_OPTION,
    },
    build: (values, fail) => ({
      name: 'dead-letters show',
      service: required(serviceOf(values, fail), 'service', fail),
      ...positionOf(required(str(values, 'position'), 'position', fail), fail),
      json: values.json === true,
    }),
  },
  'dead-letters replay': {
    summary: 'replay one dead letter, those of a type or since a time, or all (after fixing the cause)',
    usage:
      'dead-letters replay --service <s> --position <p>:<o>\n' +
      '       dead-letters replay [--service <s>] (--type <event type> | --since <time> | --all) [--json]',
    options: {
      service: { type: 'string', help: `${SERVICE_HELP} (required with --position)` },
      position: { type: 'string', help: 'the one letter to replay' },
      type: { type: 'string', help: 'every unresolved letter of this event type' },
      since: { type: 'string', help: 'every unresolved letter since: ISO 8601, or 30m, 6h, 2d' },
      all: { type: 'boolean', help: 'every unresolved letter' },
      ...JSON_OPTION,
    },
    build: (values, fail, now) => {
      const service = serviceOf(values, fail);
      const { position, type, since } = values as Record<string, string | undefined>;
      const filters = [type, since].some((v) => v !== undefined);
      let selection: Selection;
      if (position !== undefined) {
        if (filters || values.all === true)
          fail('--position replays one letter: leave out --type, --since and --all');
        if (service === undefined) fail('--service is required with --position');
        selection = positionOf(position, fail);
      } else if (values.all === true) {
        if (filters) fail('--all replays every letter: leave out --type and --since');
        selection = { all: true };
      } else if (filters) {
        selection = { type, since: since === undefined ? undefined : sinceOf(since, now, fail) };
      } else {
        return fail('say what to replay: --position, --type, --since or --all');
      }
      return { name: 'dead-letters replay', service, selection, json: values.json === true };
    },
  },
  outbox: {
    summary: "each service's outbox backlog (events committed, not yet on Kafka) and its age",
    usage: 'outbox [--json]',
    options: { ...JSON_OPTION },
    build: (values) => ({ name: 'outbox', json: values.json === true }),
  },
  consumers: {
    summary: "each service's consumer group and its lag per partition, from the broker",
    usage: 'consumers [--json]',
    options: { ...JSON_OPTION },
    build: (values) => ({ name: 'consumers', json: values.json === true }),
  },
  'rebuild-read-model': {
    summary: "rebuild a service's read model from its topic, with the service's own environment",
    usage: 'rebuild-read-model --service <partnerships|commissions> --model city [--check]',
    options: {
      service: { type: 'string', help: 'the service whose model to rebuild' },
      model: { type: 'string', help: `one of ${Object.keys(READ_MODELS).join(', ')}` },
      check: { type: 'boolean', help: 'exit 1 when the rebuilt model differs from the one it replaced' },
    },
    build: (values, fail) => {
      const service = required(serviceOf(values, fail), 'service', fail);
      const model = required(str(values, 'model'), 'model', fail);
      if (!(model in READ_MODELS)) fail(`--model must be one of ${Object.keys(READ_MODELS).join(', ')}`);
      const keepers: readonly string[] = READ_MODELS[model as ReadModel].services;
      if (!keepers.includes(service)) fail(`${service} keeps no ${model} model; ${keepers.join(' and ')} do`);
      return { name: 'rebuild-read-model', service, model: model as ReadModel, check: values.check === true };
    },
  },
  'webhooks redeliver': {
    summary: 'deliver a webhook delivery again (after the receiver is fixed)',
    usage: 'webhooks redeliver --subscription <id> --delivery <id> [--json]',
    options: {
      subscription: { type: 'string', help: 'the webhook subscription id' },
      delivery: { type: 'string', help: 'the delivery id, from GET /api/v1/webhooks/{id}/deliveries' },
      ...JSON_OPTION,
    },
    build: (values, fail) => {
      const uuid = (option: string) => {
        const value = required(str(values, option), option, fail);
        return UUID.test(value) ? value : fail(`--${option} must be a uuid, not "${value}"`);
      };
      return {
        name: 'webhooks redeliver',
        subscription: uuid('subscription'),
        delivery: uuid('delivery'),
        json: values.json === true,
      };
    },
  },
};

const GROUPS = ['dead-letters', 'webhooks'];

export const TOOL_HELP = [
  'Operator tools of the C2C platform.',
  '',
  'Usage: npm run admin -- <command> [options]     (each command has --help)',
  '',
  'Commands:',
  ...Object.entries(SPECS).map(([name, spec]) => `  ${name.padEnd(22)} ${spec.summary}`),
  '',
  'Environment:',
  '  GATEWAY_URL          the gateway (default http://127.0.0.1:3000)',
  '  C2C_ADMIN_TOKEN      a secretariat bearer token, or instead:',
  '  C2C_ADMIN_EMAIL, C2C_ADMIN_PASSWORD   a secretariat login, signed in with POST /api/v1/auth/token',
  '  rebuild-read-model runs locally with the service’s own environment (DATABASE_URL, KAFKA_BROKERS, …).',
  '',
  'Output: tables, or JSON with --json (run `npm run -s admin -- …` so npm prints no banner before it).',
  'Exit codes: 0 done, 1 failed (or a replay dead-lettered again, or --check found drift), 2 bad arguments.',
].join('\n');

function helpOf(spec: Spec): string {
  return [
    `${spec.summary}.`,
    '',
    ...spec.usage
      .split('\n')
      .map((line, i) => `${i === 0 ? 'Usage: ' : '       '}npm run admin -- ${line.trim()}`),
    '',
    'Options:',
    ...Object.entries(spec.options).map(
      ([option, { type, help }]) =>
        `  --${option}${type === 'string' ? ' <value>' : ''}`.padEnd(26) + ` ${help}`,
    ),
    `  --help`.padEnd(26) + ` this text`,
  ].join('\n');
}

/** Reads the command line (without `node` and the script); throws {@link UsageError} on bad arguments. */
export function parseCommand(argv: string[], now = new Date()): Command {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { name: 'help', text: TOOL_HELP };
  }
  const name = GROUPS.includes(first) ? `${first} ${second ?? ''}`.trim() : first;
  const spec = SPECS[name];
  if (spec === undefined) {
    const known = Object.keys(SPECS).filter((command) => command.startsWith(`${first} `));
    throw new UsageError(
      known.length > 0
        ? `${first} needs a subcommand: ${known.map((command) => command.split(' ')[1]).join(', ')}`
        : `unknown command "${name}"`,
      TOOL_HELP,
    );
  }
  const rest = argv.slice(name.split(' ').length);
  const usage = helpOf(spec);
  if (rest.includes('--help') || rest.includes('-h')) return { name: 'help', text: usage };
  const fail = (message: string): never => {
    throw new UsageError(message, usage);
  };
  const options: ParseArgsOptionsConfig = Object.fromEntries(
    Object.entries(spec.options).map(([option, { type }]) => [option, { type }]),
  );
  let values: Values;
  try {
    values = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    return fail((error as Error).message);
  }
  return spec.build(values, fail, now);
}
