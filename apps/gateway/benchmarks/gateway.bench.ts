/**
 * Gateway benchmark (`npm run bench -- gateway`): three routes through the platform gateway to a real
 * cities service, beside the gateway a user would otherwise write, in the same run:
 *   - `GET /api/v1/me` (answered by the gateway itself), `GET /api/v1/cities?limit=20` and
 *     `POST /api/v1/cities` (a new city and a fresh Idempotency-Key per request), forwarded to the
 *     cities service with its database schema and Kafka outbox;
 *   - the anchor: a conventional NestJS gateway on Fastify doing the same policies with the stock
 *     libraries (conventional-gateway/main.ts says what it does and does not do), forwarding to the
 *     same cities service; bare Fastify answering `/me` shown as the limit;
 *   - server CPU per request of each process, against the cities app serving the same request
 *     directly (with the internal token the gateway would have sent): what the gateway adds.
 * Every server runs in its own child process from the swc build (dist/, built first), as an operator
 * runs it, logging at `info` to stdout (discarded). The load comes from undici in a worker thread of
 * this process. Targets alternate round by round. CPU time is read from /proc/<pid>/stat (user +
 * system, all threads) over each round: Linux only.
 *
 *   env: SECONDS=2 (per round; 5 in the full profile)  CONNECTIONS=32  BENCH_ROUNDS=5  BENCH_WARM_UP=1  BENCH_LOG_LEVEL=info
 *        BENCH_BUILD=0 (use the dist/ there is)
 *        BENCH_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=<dir>' (a CPU profile of each server)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { provisionServiceDatabase, serviceDatabaseUrl, type ServiceDatabaseSpec } from '@c2c/persistence';
import {
  benchSize,
  alternate,
  benchmarkMain,
  createTestDatabase,
  figure,
  freePort,
  prepareTestInfrastructure,
  summarize,
  testKafkaBrokers,
} from '@c2c/testing';
import { decodeJwt, exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import {
  buildDist,
  cpuMicrosOf,
  forgetIdempotencyKeys,
  load,
  login,
  startServer,
  type LoadSpec,
  type ServerProcess,
} from './support';

const SECONDS = benchSize('SECONDS', { quick: 2, full: 5 });
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
// Logging as deployed (info: one JSON line per request on stdout) unless told otherwise.
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const GATEWAY_DB: ServiceDatabaseSpec = {
  schema: 'gateway',
  role: 'c2c_bench_gateway',
  password: 'gw-bench',
};
const CITIES_DB: ServiceDatabaseSpec = {
  schema: 'cities',
  role: 'c2c_bench_cities',
  password: 'cities-bench',
  extensions: ['pg_trgm'],
};
const REVOCATION_SECRET = 'benchmark-only-revocation-feed-secret-00000000';
const CORS_ORIGINS = 'https://app.example.org';
const ISSUER = 'urn:c2c:gateway';
// Limits on, as deployed, but far above the offered load: the benchmark measures their cost, not 429s.
const UNREACHED_LIMIT = '1000000000';
const CONVENTIONAL_KID = 'bench-conventional-gateway';

/**
 * The cities service trusts one JWKS. Served here: the platform gateway's keys (fetched on each
 * request, so its rotation holds) and the conventional gateway's, so the service accepts both
 * gateways' internal tokens, and the direct calls' too. Fetched once per cache period, off the
 * measured path.
 */
async function jwksServer(gatewayBase: () => string, extra: JWK): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    fetch(`${gatewayBase()}/.well-known/jwks.json`)
      .then((answer) => answer.json() as Promise<{ keys: JWK[] }>)
      .then(({ keys }) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [...keys, extra] }));
      })
      .catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    server,
  };
}

/** The internal token the gateway would send the cities service for this caller. */
async function internalToken(callerToken: string, privateKey: KeyLike): Promise<string> {
  const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, jti: _jti, sub, ...claims } = decodeJwt(callerToken);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: CONVENTIONAL_KID, typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience('urn:c2c:service:cities')
    .setSubject(String(sub))
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
}

type Route = 'me' | 'list' | 'create';
const ROUTES: Record<Route, { label: string; path: string; kind: LoadSpec['kind'] }> = {
  me: { label: 'GET /api/v1/me', path: '/api/v1/me', kind: 'read' },
  list: { label: 'GET /api/v1/cities?limit=20', path: '/api/v1/cities?limit=20', kind: 'read' },
  create: { label: 'POST /api/v1/cities (Idempotency-Key)', path: '/api/v1/cities', kind: 'create' },
};

benchmarkMain('gateway', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  progress('building dist/');
  buildDist();
  const database = await createTestDatabase('gateway_bench');
  const servers: ServerProcess[] = [];
  let jwks: Server | undefined;
  try {
    await provisionServiceDatabase(database.adminUrl, GATEWAY_DB);
    await provisionServiceDatabase(database.adminUrl, CITIES_DB);
    const [gatewayPort, citiesPort, conventionalPort, barePort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const citiesUrl = `http://127.0.0.1:${citiesPort}`;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const common = {
      NODE_ENV: 'development',
      LOG_LEVEL,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: `bench-gateway-${randomBytes(3).toString('hex')}.`,
    };

    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const conventionalKey = { ...(await exportJWK(privateKey)), kid: CONVENTIONAL_KID, alg: 'ES256' };
    const published = { ...(await exportJWK(publicKey)), kid: CONVENTIONAL_KID, alg: 'ES256', use: 'sig' };
    const keys = await jwksServer(() => gatewayUrl, published);
    jwks = keys.server;

    progress('starting the gateway, the cities service, the conventional gateway and bare Fastify');
    const gateway = await startServer('gateway', 'dist/apps/gateway/src/main.js', gatewayPort, {
      ...common,
      // The local defaults (bootstrap account, key secret), as `npm start` allows them.
      ALLOW_LOCAL_DEFAULTS: 'true',
      DATABASE_URL: serviceDatabaseUrl(database.adminUrl, GATEWAY_DB),
      CITIES_URL: citiesUrl,
      CORS_ORIGINS,
      RATE_LIMIT_PER_IP: UNREACHED_LIMIT,
      RATE_LIMIT_PER_USER: UNREACHED_LIMIT,
      IDEMPOTENCY_KEYS_PER_USER: '1000000',
      TOKEN_TTL_SECONDS: '3600',
      REVOCATION_FEED_SECRET: REVOCATION_SECRET,
    });
    servers.push(gateway);
    const cities = await startServer('cities', 'dist/apps/cities/src/main.js', citiesPort, {
      ...common,
      DATABASE_URL: serviceDatabaseUrl(database.adminUrl, CITIES_DB),
      GATEWAY_URL: gatewayUrl,
      AUTH_JWKS_URL: keys.url,
      AUTH_REVOCATIONS_URL: `${gatewayUrl}/.well-known/c2c-revocations`,
      AUTH_REVOCATION_SECRET: REVOCATION_SECRET,
    });
    servers.push(cities);
    const conventional = await startServer(
      'conventional gateway',
      'dist/apps/gateway/benchmarks/conventional-gateway/main.js',
      conventionalPort,
      {
        NODE_ENV: 'development', // as our gateway runs here (for its local defaults)
        LOG_LEVEL,
        CITIES_URL: citiesUrl,
        GATEWAY_JWKS_URL: `${gatewayUrl}/.well-known/jwks.json`,
        SIGNING_JWK: JSON.stringify(conventionalKey),
        CORS_ORIGINS,
        RATE_LIMIT_PER_IP: UNREACHED_LIMIT,
        RATE_LIMIT_PER_USER: UNREACHED_LIMIT,
      },
    );
    servers.push(conventional);
    const bare = await startServer(
      'bare Fastify',
      'dist/apps/gateway/benchmarks/bare-fastify.js',
      barePort,
      {},
    );
    servers.push(bare);

    const token = await login(gateway.base);
    const asCaller = { authorization: `Bearer ${token}` };
    const asGateway = { authorization: `Bearer ${await internalToken(token, privateKey)}` };

    // A full first page for every list round, the first included.
    for (const name of ['Kitakyushu', 'Surabaya', 'Hue', 'Yokohama', 'Penang', 'Cebu', 'Da Nang', 'Busan']) {
      for (const part of ['', ' North', ' South']) {
        const created = await fetch(`${cities.base}/cities`, {
          method: 'POST',
          headers: { ...asGateway, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `${name}${part}`, countryCode: 'JP', level: 'metropolitan-city' }),
        });
        if (created.status !== 201)
          throw new Error(`seeding cities: ${created.status} ${await created.text()}`);
      }
    }

    // What each server spends with no request at all (timers, the relay's polling, the revocation
    // feed, Kafka heartbeats): at a low request rate it is a visible part of the CPU per request.
    const idleBefore = servers.map((server) => cpuMicrosOf(server.pid));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = servers.map(
      (server, i) => `${server.name} ${Math.round((cpuMicrosOf(server.pid) - idleBefore[i]) / 2_000)} ms/s`,
    );

    /** Each target: one bounded load on one server, whose CPU time (and the service's) is read around it. */
    const cpu: Record<string, number[]> = {};
    const upstreamCpu: Record<string, number[]> = {};
    const latency: Record<string, { p50: number; p99: number }[]> = {};
    const target =
      (name: string, server: ServerProcess, route: Route, headers: Record<string, string>, direct = false) =>
      async (): Promise<number> => {
        if (server === gateway && route === 'create') await forgetIdempotencyKeys(database.adminUrl);
        const before = cpuMicrosOf(server.pid);
        const upstreamBefore = cpuMicrosOf(cities.pid);
        const result = await load({
          url: direct
            ? `${server.base}${ROUTES[route].path.replace('/api/v1', '')}`
            : `${server.base}${ROUTES[route].path}`,
          headers,
          seconds: SECONDS,
          connections: CONNECTIONS,
          kind: ROUTES[route].kind,
        });
        if (result.errors > result.requests * 0.01) {
          throw new Error(
            `${name}: ${result.errors} of ${result.requests} answers wrong: ${result.firstError}`,
          );
        }
        (cpu[name] ??= []).push((cpuMicrosOf(server.pid) - before) / result.requests);
        (upstreamCpu[name] ??= []).push((cpuMicrosOf(cities.pid) - upstreamBefore) / result.requests);
        (latency[name] ??= []).push({ p50: result.p50, p99: result.p99 });
        return result.perSecond;
      };
    const targets = {
      'ours me': target('ours me', gateway, 'me', asCaller),
      'conventional me': target('conventional me', conventional, 'me', asCaller),
      'bare me': target('bare me', bare, 'me', {}),
      'ours list': target('ours list', gateway, 'list', asCaller),
      'conventional list': target('conventional list', conventional, 'list', asCaller),
      'cities list': target('cities list', cities, 'list', asGateway, true),
      'ours create': target('ours create', gateway, 'create', asCaller),
      'conventional create': target('conventional create', conventional, 'create', asCaller),
      'cities create': target('cities create', cities, 'create', asGateway, true),
    };
    const perSecond = await alternate(targets, {
      rounds,
      warmUp,
      onSample: (name, round, value) =>
        progress(
          `round ${round}/${rounds} ${name}: ${value} req/s, ${Math.round(cpu[name].at(-1) ?? 0)} µs CPU/req`,
        ),
    });
    // The measured rounds only: each target ran once per round, warm-up rounds first.
    const measured = (samples: Record<string, number[]>, name: string) =>
      summarize(samples[name].slice(warmUp));
    const ratioAtLeast = (least: number) => (ratio: number | undefined) => ({
      text: `≥ ${least}×`,
      met: (ratio ?? 0) >= least,
    });
    const ratioAtMost = (most: number) => (ratio: number | undefined) => ({
      text: `≤ ${most}×`,
      met: ratio !== undefined && ratio <= most,
    });
    const throughput = (route: Route) =>
      figure({
        id: `gateway.${route}`,
        label: `${ROUTES[route].label}: req/s`,
        unit: 'req/s',
        better: 'higher',
        measured: perSecond[`ours ${route}`],
        anchors: [
          { label: 'conventional NestJS gateway', summary: perSecond[`conventional ${route}`] },
          ...(route === 'me' ? [{ label: 'bare Fastify (the limit)', summary: perSecond['bare me'] }] : []),
        ],
        target: ratioAtLeast(1.5),
      });
    const serverCpu = (route: 'list' | 'create') =>
      figure({
        id: `gateway.cpu.${route}`,
        label: `${ROUTES[route].label}: gateway CPU per request`,
        unit: 'µs/req',
        better: 'lower',
        measured: measured(cpu, `ours ${route}`),
        anchors: [
          { label: 'the cities app serving it directly', summary: measured(cpu, `cities ${route}`) },
          { label: 'conventional gateway', summary: measured(cpu, `conventional ${route}`) },
        ],
        target: ratioAtMost(2),
      });
    const median = (values: number[]) => summarize(values).median;
    const latencyNote = (name: string) => {
      const rows = latency[name].slice(warmUp);
      return `${name} p50 ${median(rows.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(rows.map((r) => r.p99)).toFixed(1)} ms`;
    };
    const upstreamNote = (route: 'list' | 'create') =>
      `the cities app's CPU per ${ROUTES[route].label} through our gateway ${Math.round(measured(upstreamCpu, `ours ${route}`).median)} µs, through the conventional one ${Math.round(measured(upstreamCpu, `conventional ${route}`).median)} µs, called directly ${Math.round(measured(upstreamCpu, `cities ${route}`).median)} µs`;
    return {
      figures: [
        throughput('me'),
        throughput('list'),
        throughput('create'),
        figure({
          id: 'gateway.cpu.me',
          label: `${ROUTES.me.label}: gateway CPU per request`,
          unit: 'µs/req',
          better: 'lower',
          measured: measured(cpu, 'ours me'),
          anchors: [
            { label: 'conventional gateway', summary: measured(cpu, 'conventional me') },
            { label: 'bare Fastify', summary: measured(cpu, 'bare me') },
          ],
        }),
        serverCpu('list'),
        serverCpu('create'),
      ],
      notes: [
        `Each server in its own process from the swc build, logging at ${LOG_LEVEL} to stdout (discarded); load from undici in a worker thread of the benchmark process, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per round; all on one machine, so the load generator, the servers, PostgreSQL and Kafka share its cores.`,
        "CPU per request is the process's user + system time (all threads, /proc/<pid>/stat, Linux only) over the round ÷ the requests answered; for the gateways it is the gateway process alone, the cities service's share is apart.",
        "The conventional gateway (apps/gateway/benchmarks/conventional-gateway/main.ts): @nestjs/passport + passport-jwt verifying the platform gateway's ES256 tokens through its JWKS (jwks-rsa), @nestjs/throttler per IP and per user, nestjs-pino, @fastify/helmet, CORS, undici forwarding with an internal token cached per caller token. It does not replicate our gateway's Idempotency-Key storage (it passes the header on; the cities service stores nothing for it), the per-token revocation check, the input rules, problem+json answers, retries and circuit breakers, or the reuse of a verified token (passport-jwt verifies every signature).",
        "Rate limits on in both gateways but far above the offered load (no 429s). The platform gateway reuses a verified token for up to 30 s (TOKEN_VERIFY_CACHE_MS). One caller makes every request, so its limit of live Idempotency-Keys is raised and the stored keys are emptied before each round of our gateway's POSTs (each claim counts the caller's live keys).",
        `CPU time at rest, no requests (2 s, before the rounds; included in the figures, which divide a round's CPU time by its requests): ${idle.join(', ')}.`,
        upstreamNote('list'),
        upstreamNote('create'),
        [
          'ours me',
          'conventional me',
          'bare me',
          'ours list',
          'conventional list',
          'cities list',
          'ours create',
          'conventional create',
          'cities create',
        ]
          .map(latencyNote)
          .join('; '),
      ],
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    jwks?.close();
    await database.drop();
  }
});
