import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { dataSchemaUriOf } from '@c2c/contracts';
import { ServiceWorld } from '@c2c/service/testing';
import { eventDataFor, eventually, httpRequest } from '@c2c/testing';
import { GatewayHarness, LateTargetProxy } from '@c2c/gateway-app/testing';
import type { IHeaders, Producer } from 'kafkajs';
import { PARTNERSHIPS } from './support/services';

const ROOT = path.resolve(__dirname, '../../..');

interface Letter {
  service: string;
  partition: number;
  offset: string;
  eventId: string | null;
  reason: string;
  resolved: boolean;
}

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin -- <args>` as an operator would (its entry point, compiled on the fly), to its exit. */
function admin(args: string[], env: Record<string, string>, deadlineMs = 60_000): Promise<CliRun> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/admin-cli/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin ${args.join(' ')} did not end within ${deadlineMs} ms:\n${stdout}${stderr}`));
    }, deadlineMs);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * An operator's day with a dead letter, on the real broker and database: a bad event reaches the
 * partnerships service and is dead-lettered; the secretariat finds it through the gateway, replays it
 * with the CLI (it fails again, and says so), the producer then sends the event right, and a second
 * replay of the old letter is a harmless duplicate.
 */
describe('operator tools through the gateway, with the real partnerships service', () => {
  let world: ServiceWorld;
  let jwks: LateTargetProxy;
  let gateway: GatewayHarness;
  let producer: Producer;
  let token: string;
  let cli: Record<string, string>;
  let partnershipsUrl: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('operator_tools_e2e');
    await world.ensureTopics('c2c.cities.v1', 'c2c.commissions.v1');
    jwks = await LateTargetProxy.start();
    const partnerships = (
      await world.start(PARTNERSHIPS, {
        AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`,
        DETECTION_INTERVAL_MS: '0',
      })
    ).app;
    partnershipsUrl = await partnerships.getUrl();
    // Only partnerships is configured: the others are what `missing` names.
    gateway = await GatewayHarness.start({ PARTNERSHIPS_URL: partnershipsUrl }, world);
    jwks.forwardTo(gateway.url);
    token = await gateway.adminToken();
    cli = { GATEWAY_URL: gateway.url, C2C_ADMIN_TOKEN: token };
    producer = world.kafka.producer();
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await world?.close();
    await jwks?.close();
  });

  const publish = (headers: IHeaders, data: object, cityId: string) =>
    producer.send({
      topic: world.topic('c2c.cities.v1'),
      messages: [{ key: cityId, headers, value: JSON.stringify(data) }],
    });

  const lettersOf = async (eventId: string): Promise<Letter[]> => {
    const answer = await gateway.call<{ items: Letter[]; missing: string[] }>(
      'GET',
      '/api/v1/admin/dead-letters?type=c2c.city.archived.v1',
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.missing).toEqual(['cities', 'commissions', 'notifications']);
    return answer.body.items.filter((letter) => letter.eventId === eventId);
  };

  it('lists a dead letter through the gateway and replays it with the CLI, outcome by outcome', async () => {
    const cityId = randomUUID();
    const eventId = randomUUID();
    const headers: IHeaders = {
      ce_specversion: '1.0',
      ce_id: eventId,
      ce_source: '/c2c/cities',
      ce_type: 'c2c.city.archived.v1',
      ce_subject: cityId,
      ce_time: new Date().toISOString(),
      ce_dataschema: dataSchemaUriOf('c2c.city.archived.v1'),
      ce_sequence: '2',
      'content-type': 'application/json',
    };
    const valid = eventDataFor('c2c.city.archived.v1', { cityId });
    await publish(headers, { ...valid, countryCode: 'not-a-country' }, cityId);

    const [letter] = await eventually(
      async () => {
        const letters = await lettersOf(eventId);
        expect(letters).toHaveLength(1);
        return letters;
      },
      { timeout: 45_000 },
    );
    expect(letter).toMatchObject({ service: 'partnerships', reason: 'invalid-data', resolved: false });
    const position = `${letter.partition}:${letter.offset}`;

    const shown = await admin(
      ['dead-letters', 'show', '--service', 'partnerships', '--position', position],
      cli,
    );
    expect(shown).toMatchObject({ code: 0 });
    expect(shown.stdout).toContain('not-a-country');

    // Still invalid: the replay dead-letters it again, and the CLI's exit code says so.
    const again = await admin(
      ['dead-letters', 'replay', '--service', 'partnerships', '--position', position, '--json'],
      cli,
    );
    expect({ code: again.code, stderr: again.stderr }).toEqual({
      code: 1,
      stderr: `replaying partnerships ${position}...\n`,
    });
    expect(JSON.parse(again.stdout)).toEqual({
      replayed: [expect.objectContaining({ service: 'partnerships', eventId, outcome: 'dead-lettered' })],
      missing: [],
    });
    await eventually(async () => expect(await lettersOf(eventId)).toHaveLength(2), { timeout: 30_000 });

    // The producer sends the event right, under the same id: applied once, every letter of it resolved.
    await publish(headers, valid, cityId);
    await eventually(
      async () => expect((await lettersOf(eventId)).map((l) => l.resolved)).toEqual([true, true]),
      { timeout: 45_000 },
    );
    const duplicate = await admin(
      ['dead-letters', 'replay', '--service', 'partnerships', '--position', position, '--json'],
      cli,
    );
    expect(duplicate.code).toBe(0);
    expect(JSON.parse(duplicate.stdout)).toMatchObject({ replayed: [{ eventId, outcome: 'duplicate' }] });

    const listed = await admin(
      ['dead-letters', 'list', '--service', 'partnerships', '--type', 'c2c.city.archived.v1'],
      cli,
    );
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`partnerships\\s+${position}\\s+c2c\\.city\\.archived\\.v1\\s+invalid-data`),
    );
  });

  it('shows consumer lag and the outbox, and refuses what is not the secretariat', async () => {
    const consumers = await admin(['consumers', '--json'], cli);
    expect(consumers.code).toBe(0);
    const { items } = JSON.parse(consumers.stdout) as {
      items: { service: string; partitions: { topic: string }[] }[];
    };
    expect(items).toEqual([
      expect.objectContaining({ service: 'partnerships', group: `${world.topicPrefix}partnerships` }),
    ]);
    expect(items[0].partitions.map((p) => p.topic)).toContain(world.topic('c2c.cities.v1'));

    const outbox = await admin(['outbox'], cli);
    expect(outbox).toMatchObject({
      code: 0,
      stderr: 'warning: no answer from cities, commissions, notifications (down or not configured)\n',
    });
    expect(outbox.stdout).toMatch(/^SERVICE\s+UNSENT/);

    const observer = (await gateway.user('observer')).token;
    const refused = await admin(['outbox'], { ...cli, C2C_ADMIN_TOKEN: observer });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the gateway answered 403');
    // The service checks the role again: an observer's internal token is refused there too.
    for (const [role, caller] of [
      ['observer', observer],
      ['secretariat', token],
    ] as const) {
      const direct = await httpRequest(partnershipsUrl, {
        method: 'GET',
        url: '/admin/outbox',
        headers: { authorization: `Bearer ${await gateway.internalToken('partnerships', caller)}` },
      });
      expect({ role, status: direct.statusCode }).toEqual({ role, status: role === 'observer' ? 403 : 200 });
    }

    const invalid = await gateway.call<{ errors: { field: string }[] }>(
      'POST',
      '/api/v1/admin/dead-letters/replay',
      {
        token,
        body: { partition: 0, offset: '1' },
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body.errors.map((e) => e.field)).toEqual(['service']);

    const bad = await admin(['dead-letters', 'list', '--since', 'last-week'], cli);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since must be an ISO 8601 time');
  });
});
