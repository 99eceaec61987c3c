/**
 * Footprint benchmark (`npm run bench -- footprint`): every app as an operator runs it, `node
 * --enable-source-maps dist/apps/<app>/src/main.js` from the swc build (built first), each in its own
 * process with its own database role and schema, on the shared Kafka under a topic prefix of its own.
 * Per round, the apps start one after the other in `npm start`'s order, and for each:
 *   - time to ready: from spawn to the first `/health/ready` 200 (migrations already applied, as on
 *     any start but the first: one unmeasured start applies them before the rounds);
 *   - RSS at rest: after ready and some idle time, once four reads 500 ms apart agree within 1 MB
 *     (at most 15 s; a process still growing then is reported as not settled);
 *   - RSS under load: the highest of reads every 250 ms while LOAD_SECONDS of requests go through
 *     the gateway (half registering cities, each a new one with a fresh Idempotency-Key, half
 *     listing them), so the cities service writes and publishes, and partnerships, commissions and
 *     notifications consume the city events.
 * No anchors: the figures are set against the issue's targets (≤ 120 MB at rest, ready ≤ 2 s).
 * Resident memory is read from /proc/<pid>/status: Linux only.
 *
 *   env: LOAD_SECONDS=3 (10 in the full profile)  CONNECTIONS=16 (per half)  BENCH_ROUNDS=5  BENCH_WARM_UP=1  BENCH_BUILD=0
 *        BENCH_SERVER_NODE_OPTIONS (NODE_OPTIONS for every app, e.g. a heap or CPU profile)
 */
import { randomBytes } from 'node:crypto';
import { provisionServiceDatabase, serviceDatabaseUrl, type ServiceDatabaseSpec } from '@c2c/persistence';
import {
  benchSize,
  benchmarkMain,
  createTestDatabase,
  figure,
  freePort,
  prepareTestInfrastructure,
  summarize,
  testKafkaBrokers,
} from '@c2c/testing';
import {
  buildDist,
  forgetIdempotencyKeys,
  load,
  login,
  rssMbOf,
  settledRss,
  startServer,
  type ServerProcess,
} from '../../apps/gateway/benchmarks/support';

const LOAD_SECONDS = benchSize('LOAD_SECONDS', { quick: 3, full: 10 });
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const READY_TARGET_MS = 2_000;
const REST_TARGET_MB = 120;
const REVOCATION_SECRET = 'benchmark-only-revocation-feed-secret-00000000';

// `npm start`'s order: the services first, the gateway (which forwards to them) last.
const APPS = [
  { name: 'cities', extensions: ['pg_trgm'] },
  { name: 'partnerships' },
  { name: 'commissions' },
  { name: 'notifications' },
  { name: 'gateway' },
] as const;
type AppName = (typeof APPS)[number]['name'];

interface Sample {
  readyMs: number;
  restMb: number;
  restSettled: boolean;
  loadMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

benchmarkMain('footprint', async (context) => {
  const { rounds, warmUp } = context;
  const progress = (message: string) => context.progress(message);
  prepareTestInfrastructure();
  progress('building dist/');
  buildDist();
  const database = await createTestDatabase('footprint_bench');
  let running: ServerProcess[] = [];
  const stopAll = async () => {
    for (const server of running.reverse()) await server.stop();
    running = [];
  };
  try {
    const specs = Object.fromEntries(
      APPS.map((app) => [
        app.name,
        {
          schema: app.name,
          role: `c2c_bench_fp_${app.name}`,
          password: `bench-${app.name}`,
          ...('extensions' in app ? { extensions: [...app.extensions] } : {}),
        } satisfies ServiceDatabaseSpec,
      ]),
    ) as Record<AppName, ServiceDatabaseSpec>;
    for (const app of APPS) await provisionServiceDatabase(database.adminUrl, specs[app.name]);
    const ports = {} as Record<AppName, number>;
    for (const app of APPS) ports[app.name] = await freePort();
    const urls = Object.fromEntries(
      APPS.map((app) => [`${app.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[app.name]}`]),
    );
    const topicPrefix = `bench-footprint-${randomBytes(3).toString('hex')}.`;
    // What tools/start.mjs gives every app, with this run's database, ports and topics.
    const envOf = (app: AppName): Record<string, string> => ({
      NODE_ENV: 'development',
      ALLOW_LOCAL_DEFAULTS: 'true',
      LOG_LEVEL: 'info',
      DATABASE_URL: serviceDatabaseUrl(database.adminUrl, specs[app]),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REVOCATION_FEED_SECRET: REVOCATION_SECRET,
      AUTH_REVOCATION_SECRET: REVOCATION_SECRET,
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      IDEMPOTENCY_KEYS_PER_USER: '1000000',
      ...urls,
    });
    const startAll = async (): Promise<Record<AppName, ServerProcess>> => {
      const started = {} as Record<AppName, ServerProcess>;
      for (const app of APPS) {
        const server = await startServer(
          app.name,
          `dist/apps/${app.name}/src/main.js`,
          ports[app.name],
          envOf(app.name),
        );
        running.push(server);
        started[app.name] = server;
      }
      return started;
    };

    progress('a first start of every app, not measured: it applies the migrations');
    await startAll();
    await stopAll();

    const samples = Object.fromEntries(APPS.map((app) => [app.name, [] as Sample[]])) as Record<
      AppName,
      Sample[]
    >;
    let requests = 0;
    for (let round = 0; round < warmUp + rounds; round++) {
      await forgetIdempotencyKeys(database.adminUrl);
      const apps = await startAll();
      const rest = Object.fromEntries(
        await Promise.all(APPS.map(async (app) => [app.name, await settledRss(apps[app.name].pid)] as const)),
      ) as Record<AppName, { mb: number; settled: boolean }>;

      const peak = Object.fromEntries(APPS.map((app) => [app.name, 0])) as Record<AppName, number>;
      let loading = true;
      const sampler = (async () => {
        while (loading) {
          for (const app of APPS) peak[app.name] = Math.max(peak[app.name], rssMbOf(apps[app.name].pid));
          await sleep(250);
        }
      })();
      const gateway = apps.gateway.base;
      const headers = { authorization: `Bearer ${await login(gateway)}` };
      const [created, listed] = await Promise.all([
        load({
          url: `${gateway}/api/v1/cities`,
          headers,
          seconds: LOAD_SECONDS,
          connections: CONNECTIONS,
          kind: 'create',
        }),
        load({
          url: `${gateway}/api/v1/cities?limit=20`,
          headers,
          seconds: LOAD_SECONDS,
          connections: CONNECTIONS,
        }),
      ]);
      loading = false;
      await sampler;
      for (const result of [created, listed]) {
        if (result.errors > result.requests * 0.01) {
          throw new Error(`${result.errors} of ${result.requests} answers wrong: ${result.firstError}`);
        }
      }
      await stopAll();

      const measured = round >= warmUp;
      if (measured) requests = created.requests + listed.requests;
      for (const app of APPS) {
        const sample = {
          readyMs: apps[app.name].readyMs,
          restMb: rest[app.name].mb,
          restSettled: rest[app.name].settled,
          loadMb: peak[app.name],
        };
        if (measured) samples[app.name].push(sample);
        progress(
          `${measured ? `round ${round - warmUp + 1}/${rounds}` : 'warm-up'} ${app.name}: ready ${Math.round(sample.readyMs)} ms, ` +
            `rest ${sample.restMb.toFixed(1)} MB${sample.restSettled ? '' : ' (not settled)'}, under load ${sample.loadMb.toFixed(1)} MB`,
        );
      }
    }

    const figures = APPS.flatMap(({ name }) => {
      const of = (pick: (sample: Sample) => number) => summarize(samples[name].map(pick));
      const ready = of((s) => s.readyMs);
      const rest = of((s) => s.restMb);
      return [
        figure({
          id: `footprint.${name}.ready`,
          label: `${name}: spawn to ready`,
          unit: 'ms',
          better: 'lower',
          measured: ready,
          anchors: [],
          target: () => ({ text: '≤ 2 s', met: ready.median <= READY_TARGET_MS }),
        }),
        figure({
          id: `footprint.${name}.rest`,
          label: `${name}: RSS at rest`,
          unit: 'MB',
          better: 'lower',
          measured: rest,
          anchors: [],
          target: () => ({ text: `≤ ${REST_TARGET_MB} MB`, met: rest.median <= REST_TARGET_MB }),
        }),
        figure({
          id: `footprint.${name}.load`,
          label: `${name}: RSS under load (peak)`,
          unit: 'MB',
          better: 'lower',
          measured: of((s) => s.loadMb),
          anchors: [],
        }),
      ];
    });
    const unsettled = APPS.filter(({ name }) => samples[name].some((s) => !s.restSettled)).map((a) => a.name);
    return {
      figures,
      notes: [
        'Each app is `node --enable-source-maps dist/apps/<app>/src/main.js` (the swc build, as the Dockerfile and k8s run it), logging at info to stdout (discarded), NODE_ENV=development with the local defaults, one process each; the apps start one after the other (cities, partnerships, commissions, notifications, gateway), each timed from its own spawn.',
        'RSS from /proc/<pid>/status (VmRSS, MiB; Linux only). At rest: after ready, at least 2 s idle, then four reads 500 ms apart within 1 MB (at most 15 s).',
        `Under load: the peak of reads every 250 ms during ${LOAD_SECONDS} s of requests through the gateway (${CONNECTIONS} connections registering cities, each with a fresh Idempotency-Key, and ${CONNECTIONS} listing them; ${requests.toLocaleString('en-US')} requests in the last measured round), while partnerships, commissions and notifications consume the city events.`,
        ...(unsettled.length === 0
          ? []
          : [`RSS at rest did not settle within 15 s in some round for: ${unsettled.join(', ')}.`]),
      ],
    };
  } finally {
    await stopAll();
    await database.drop();
  }
});
