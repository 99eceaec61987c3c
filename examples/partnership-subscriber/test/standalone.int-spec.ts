import { ServiceWorld, type TestPublisher } from '@c2c/service/testing';
import { eventDataFor, eventually, testKafkaBrokers } from '@c2c/testing';
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** A command's output; when it fails, what it printed on both streams (tsc reports on stdout). */
const run = (command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) =>
  execFileAsync(command, args, { ...options, encoding: 'utf8' }).catch(
    (error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    },
  );
const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.resolve(__dirname, '..');
const TOPIC = 'c2c.partnerships.v1';

const lockedVersionOf = (name: string): string => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  return lock.packages[`node_modules/${name}`]!.version;
};

/**
 * Another team's checkout of the example: its sources copied out of the repository, the packed
 * contracts and kafkajs installed from npm, compiled against the package's own declarations. Compiled
 * with the repository's tsc (and @types/node) rather than run through swc-node: that way the type
 * declarations of the package are checked too, and the program runs as plain `node build/main.js`.
 */
async function installOutsideTheRepository(work: string): Promise<string> {
  const packed = await run(
    process.execPath,
    [path.join(ROOT, 'tools/contracts-package/pack.mjs'), '--out', work],
    {
      cwd: ROOT,
    },
  );
  const tarball = packed.stdout.trim().split('\n').at(-1)!;

  const app = path.join(work, 'partnership-subscriber');
  fs.cpSync(path.join(EXAMPLE, 'src'), path.join(app, 'src'), { recursive: true });
  for (const file of fs.readdirSync(path.join(app, 'src'))) {
    // The copy must reach the contracts by the package name alone, never by a path into the repository.
    expect(fs.readFileSync(path.join(app, 'src', file), 'utf8')).not.toMatch(/from '\.\.\/\.\./);
  }
  fs.writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'standalone-partnership-subscriber', version: '0.0.0', private: true }),
  );
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  delete compilerOptions.baseUrl;
  delete compilerOptions.paths; // the repository's alias of @c2c/contracts to its sources
  fs.writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions,
        noEmit: false,
        rootDir: 'src',
        outDir: 'build',
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
      },
      include: ['src/**/*.ts'],
    }),
  );

  await run(
    'npm',
    [
      'install',
      tarball,
      `kafkajs@${lockedVersionOf('kafkajs')}`,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: app },
  );
  await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: app,
  });
  return app;
}

interface SubscriberLine {
  type: string;
  id: string;
  outcome: 'applied' | 'duplicate' | 'stale';
  active: string[];
}

/** The compiled subscriber running in its own directory, with nothing of the repository's environment. */
class StandaloneSubscriber {
  readonly lines: SubscriberLine[] = [];
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(app: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['build/main.js'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', OUTPUT: 'json', ...env },
    });
    let buffered = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      const complete = (buffered + chunk.toString()).split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete)
        if (line.trim() !== '') this.lines.push(JSON.parse(line) as SubscriberLine);
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get active(): string[] {
    return this.lines.at(-1)?.active ?? [];
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    return exited;
  }
}

describe('examples/partnership-subscriber installed outside the repository from the packed @c2c/contracts', () => {
  let work: string;
  let app: string;
  let world: ServiceWorld;
  let partnerships: TestPublisher;
  let subscriber: StandaloneSubscriber | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2c-standalone-subscriber-'));
    // Both at once (the install takes the longest); the world is kept even when the install fails, so
    // that afterAll closes it and jest can exit.
    const [installed, created] = await Promise.allSettled([
      installOutsideTheRepository(work),
      ServiceWorld.create('standalone-sub'),
    ]);
    if (created.status === 'fulfilled') world = created.value;
    if (installed.status === 'rejected') throw installed.reason;
    if (created.status === 'rejected') throw created.reason;
    app = installed.value;
    partnerships = await world.publisherFor('partnerships');
    await world.ensureTopics(TOPIC);
  }, 120_000);

  afterAll(async () => {
    await subscriber?.stop();
    await world?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('has only the package and its declared dependencies, resolved inside its own directory', async () => {
    // Resolved by a plain node there: jest's own resolver maps @c2c/contracts to the repository's sources.
    const resolved = await run(process.execPath, ['-p', "require.resolve('@c2c/contracts')"], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(resolved.stdout.trim()).toBe(path.join(app, 'node_modules/@c2c/contracts/dist/index.js'));
    const installed = fs.readdirSync(path.join(app, 'node_modules'));
    for (const framework of ['@nestjs', 'typeorm', 'pg', 'class-validator', 'reflect-metadata'])
      expect(installed).not.toContain(framework);
    const contracts = path.join(app, 'node_modules/@c2c/contracts');
    expect(fs.existsSync(path.join(contracts, 'schemas/c2c.partnership.activated.v1.json'))).toBe(true);
    expect(fs.existsSync(path.join(contracts, 'asyncapi.yaml'))).toBe(true);
  });

  it('reports exactly the active partnerships that the partnerships service published', async () => {
    const partnership = (status: 'active' | 'proposed' | 'terminated' | 'suspended', id: string) => ({
      ...eventDataFor('c2c.partnership.activated.v1').partnership,
      partnershipId: id,
      title: `Standalone ${id.slice(0, 8)}`,
      status,
    });
    const [stays, suspendedLater, ended, proposed] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of [stays, suspendedLater, ended])
      await partnerships.publish('c2c.partnership.activated.v1', id, {
        partnership: partnership('active', id),
      });
    await partnerships.publish('c2c.partnership.terminated.v1', ended, {
      ...eventDataFor('c2c.partnership.terminated.v1'),
      partnership: partnership('terminated', ended),
    });
    await partnerships.publish('c2c.partnership.proposed.v1', proposed, {
      ...eventDataFor('c2c.partnership.proposed.v1'),
      partnership: partnership('proposed', proposed),
    });

    subscriber = new StandaloneSubscriber(app, {
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: world.topicPrefix,
    });
    await eventually(() => expect(subscriber?.active).toEqual([stays, suspendedLater].sort()), {
      timeout: 30_000,
    });

    // And it keeps following the topic: a later suspension takes the partnership off its list.
    await partnerships.publish('c2c.partnership.suspended.v1', suspendedLater, {
      ...eventDataFor('c2c.partnership.suspended.v1'),
      partnership: partnership('suspended', suspendedLater),
    });
    await eventually(() => expect(subscriber?.active).toEqual([stays]), { timeout: 15_000 });
    expect(subscriber.lines.map((line) => line.outcome)).toEqual(Array(6).fill('applied'));
    expect(await subscriber.stop()).toBe(0);
    expect(subscriber.stderr).not.toMatch(/skipped the record|Error/);
  }, 60_000);
});
