import { request as httpRequest } from 'node:http';
import { provisionServiceDatabase } from '@c2c/persistence';
import { ServiceWorld } from '@c2c/service/testing';
import {
  eventually,
  freePort,
  startEntryPoint,
  TopicRecorder,
  uniqueSuffix,
  type EntryPointProcess,
} from '@c2c/testing';
import { closedPortUrl, GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import { CITIES, PARTNERSHIPS } from './support/services';

const COMMANDS = 48;
const WORKERS = 4;
/** SIGTERM goes to both services once this many commands have been answered. */
const SIGNAL_AFTER = 12;
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** A service run from its real main.ts, as an operator runs it, on a port it keeps across restarts. */
class SpawnedService {
  private process: EntryPointProcess | undefined;

  constructor(
    private readonly main: string,
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private readonly runs: EntryPointProcess[] = [];

  /** What its processes printed, for a failure's message. */
  output(): string {
    return this.runs.map((run, index) => `--- run ${index + 1}\n${run.output()}`).join('\n');
  }

  async start(): Promise<void> {
    const process = startEntryPoint(this.main, { ...this.env, PORT: String(this.port) });
    this.process = process;
    this.runs.push(process);
    const ready = eventually(async () => expect((await fetch(`${this.url}/health/ready`)).status).toBe(200), {
      timeout: 45_000,
      interval: 100,
    });
    const exited = process.exited.then((code) => {
      throw new Error(`${this.main} exited with ${code} before it was ready:\n${process.output()}`);
    });
    await Promise.race([ready, exited]);
  }

  /** Sends SIGTERM; resolves with the exit code and how long the exit took. */
  async terminate(): Promise<{ code: number | null; ms: number }> {
    const process = this.process!;
    const sent = performance.now();
    process.child.kill('SIGTERM');
    const code = await process.exited;
    return { code, ms: performance.now() - sent };
  }

  /** After the test: SIGTERM, and SIGKILL if it is still there after the shutdown deadline. */
  async stop(): Promise<void> {
    const process = this.process;
    if (process === undefined || process.child.exitCode !== null) return;
    const killer = setTimeout(() => process.child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
    process.child.kill('SIGTERM');
    await process.exited.finally(() => clearTimeout(killer));
  }
}

type Probe = number | 'refused';

/** One readiness probe, as an orchestrator sends it: a status, or no answer at all. */
async function probe(url: string): Promise<Probe> {
  try {
    return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) })).status;
  } catch {
    return 'refused';
  }
}

/**
 * A registration sent straight to the service whose body is held back: with `Expect: 100-continue` the
 * service says when it has the request (its headers), so the request is provably in flight when the
 * test sends SIGTERM, and the test completes it after.
 */
function heldRegistration(url: string, token: string, body: unknown) {
  const payload = JSON.stringify(body);
  let answer: Promise<{ status: number; connection?: string; body: { id?: string } }> | undefined;
  const accepted = new Promise<void>((resolveAccepted, reject) => {
    const request = httpRequest(`${url}/cities`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        expect: '100-continue',
      },
    });
    request.on('error', reject);
    answer = new Promise((resolve, rejectAnswer) => {
      request.on('error', rejectAnswer);
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: JSON.parse(text) as { id?: string },
          }),
        );
      });
    });
    request.on('continue', () => {
      resolveAccepted();
      held = () => request.end(payload);
    });
    request.flushHeaders();
  });
  let held: () => void = () => undefined;
  return {
    accepted,
    /** Sends the body; resolves with the answer. */
    complete: () => {
      held();
      return answer!;
    },
  };
}

interface Outcome {
  key: string;
  name: string;
  status: number;
  id?: string;
  attempts: number;
}

/**
 * SIGTERM under load, end to end: a client registers cities through the real gateway (each command
 * with its own Idempotency-Key, retried with the same key on a network error or a 5xx, as a client
 * should), the cities service (HTTP, outbox relay) and the partnerships service (its consumer building
 * the city model from c2c.cities.v1) are real processes stopped with SIGTERM mid-stream and started
 * again. Nothing may be lost or doubled in effect: one row, one event and one applied inbox record per
 * answered command.
 */
describe('SIGTERM under load', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let gateway: GatewayHarness | undefined;
  let cities: SpawnedService;
  let partnerships: SpawnedService;

  beforeAll(async () => {
    world = await ServiceWorld.create('shutdown_e2e');
    await world.ensureTopics('c2c.cities.v1');
    await provisionServiceDatabase(world.database.adminUrl, CITIES.database);
    await provisionServiceDatabase(world.database.adminUrl, PARTNERSHIPS.database);
    jwks = await LateTargetProxy.start();
    const common = {
      AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: 'warn',
    };
    cities = new SpawnedService(
      'apps/cities/src/main.ts',
      { ...world.environment(CITIES.database), ...common },
      await freePort(),
    );
    partnerships = new SpawnedService(
      'apps/partnerships/src/main.ts',
      { ...world.environment(PARTNERSHIPS.database), ...common, DETECTION_INTERVAL_MS: '0' },
      await freePort(),
    );
    gateway = await GatewayHarness.start(
      {
        CITIES_URL: cities.url,
        PARTNERSHIPS_URL: partnerships.url,
        COMMISSIONS_URL: await closedPortUrl(),
        // A restart is the outage under test: the breaker must not add its own.
        BREAKER_VOLUME_THRESHOLD: '10000',
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    await Promise.all([cities.start(), partnerships.start()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([cities?.stop(), partnerships?.stop()]);
    await jwks?.close();
    await world?.close();
  }, 60_000);

  it('finishes what it took, loses and doubles nothing, and turns unready at once', async () => {
    const token = await gateway!.adminToken();
    const run = uniqueSuffix();
    const outcomes: Outcome[] = [];
    let answered = 0;
    let signalled: () => void = () => undefined;
    const enoughAnswered = new Promise<void>((resolve) => (signalled = resolve));

    // Retries with the same key until an answer other than a failure to deliver, for up to 60 s.
    const send = async (index: number): Promise<Outcome> => {
      const key = `shutdown-${run}-${index}`;
      const name = `Shutdown ${run} ${index}`;
      const body = { name, countryCode: 'ID', level: 'metropolitan-city' };
      const deadline = Date.now() + 60_000;
      for (let attempts = 1; ; attempts++) {
        let status: number;
        let id: string | undefined;
        try {
          const response = await gateway!.call<{ id?: string }>('POST', '/api/v1/cities', {
            token,
            body,
            headers: { 'idempotency-key': key },
          });
          status = response.status;
          id = response.body.id;
        } catch {
          status = 0;
        }
        // 409 here is the key's first request still running (a retry overtook it).
        const retry = status === 0 || status >= 500 || status === 409;
        if (!retry || Date.now() > deadline) return { key, name, status, id, attempts };
        await new Promise((resolve) => setTimeout(resolve, 50)); // the client's backoff
      }
    };
    const worker = async (first: number) => {
      for (let index = first; index < COMMANDS; index += WORKERS) {
        outcomes.push(await send(index));
        if (++answered === SIGNAL_AFTER) signalled();
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));

    await enoughAnswered;
    const internalToken = await gateway!.internalToken('cities', token);
    const heldName = `Shutdown ${run} held`;
    const held = heldRegistration(cities.url, internalToken, {
      name: heldName,
      countryCode: 'ID',
      level: 'metropolitan-city',
    });
    await held.accepted;
    const probes: Probe[] = [];
    const stopped = Promise.all([cities.terminate(), partnerships.terminate()]);
    // It stops taking requests while one is still running: readiness goes from 200 to 503 (on a
    // connection that was open) or to no answer (a new one), and never back to 200.
    await eventually(
      async () => {
        probes.push(await probe(cities.url));
        expect(probes.at(-1)).toBe('refused');
      },
      { timeout: 5_000, interval: 10 },
    );
    const down = probes.slice(probes.findIndex((status) => status !== 200));
    expect(down.filter((status) => status !== 503 && status !== 'refused')).toEqual([]);
    // The request it had when the signal came is answered, and that answer closes its connection.
    const heldAnswer = await held.complete();
    expect({ status: heldAnswer.status, connection: heldAnswer.connection }).toEqual({
      status: 201,
      connection: 'close',
    });
    const [citiesExit, partnershipsExit] = await stopped;
    expect({ cities: citiesExit.code, partnerships: partnershipsExit.code }).toEqual({
      cities: 0,
      partnerships: 0,
    });
    expect(Math.max(citiesExit.ms, partnershipsExit.ms)).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(answered).toBeLessThan(COMMANDS); // the stream was still running when the signal came

    await Promise.all([cities.start(), partnerships.start()]);
    await load;

    // Every command was answered 201 in the end, each with a city of its own.
    expect(outcomes.filter((outcome) => outcome.status !== 201)).toEqual([]);
    const ids = [...outcomes.map((outcome) => outcome.id!), heldAnswer.body.id!];
    expect(new Set(ids).size).toBe(COMMANDS + 1);
    expect(outcomes.some((outcome) => outcome.attempts > 1)).toBe(true); // the outage was met

    // One row per command, and no other.
    const rows = await world.sql<{ id: string; name: string }>(
      `select id, name from cities.cities where name like $1`,
      [`Shutdown ${run} %`],
    );
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());

    // One event per command on the topic, read to its high watermark once the outbox is empty.
    await eventually(
      async () =>
        expect(await world.sql<{ n: number }>(`select count(*)::int as n from cities.outbox`)).toEqual([
          { n: 0 },
        ]),
      { timeout: 15_000 },
    );
    const topic = world.topic('c2c.cities.v1');
    const admin = world.kafka.admin();
    await admin.connect();
    const watermarks = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const recorder = await new TopicRecorder(world.kafka).start([topic]);
    try {
      await eventually(
        () => {
          for (const { partition, high } of watermarks) {
            const read = recorder.messages.filter((message) => message.partition === partition);
            expect(read.length).toBe(Number(high));
          }
        },
        { timeout: 20_000 },
      );
    } finally {
      await recorder.stop();
    }
    const registered = recorder
      .ofType('c2c.city.registered.v1')
      .filter((message) => ids.includes(message.key ?? ''));
    expect(registered.map((message) => message.key).sort()).toEqual([...ids].sort());

    // The partnerships consumer applied each of them once: in its inbox once, in its model at sequence 1.
    const eventIds = registered.map((message) => message.headers.ce_id);
    await eventually(
      async () => {
        const inbox = await world.sql<{ event_id: string }>(
          `select event_id from partnerships.inbox where event_id = any($1::uuid[])`,
          [eventIds],
        );
        expect(inbox.map((row) => row.event_id).sort()).toEqual([...eventIds].sort());
      },
      { timeout: 20_000 },
    );
    const model = await world.sql<{ city_id: string; last_sequence: string }>(
      `select city_id, last_sequence from partnerships.cities where city_id = any($1::uuid[])`,
      [ids],
    );
    expect(model.map((row) => row.city_id).sort()).toEqual([...ids].sort());
    expect(model.every((row) => row.last_sequence === '1')).toBe(true);
  }, 120_000);
});
