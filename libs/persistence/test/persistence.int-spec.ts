import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createTestDatabase, eventually, TestDatabase } from '@c2c/testing';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import {
  createServiceDataSource,
  provisionServiceDatabase,
  runMigrations,
  serviceDatabaseUrl,
  TransactionRunner,
  type Tx,
} from '../src';
import { connectAndMigrate } from '../src/nest/persistence.module';

/**
 * A TCP stand-in for the database on a port of its own: while `down`, it drops every connection at
 * once (what a restarting PostgreSQL does to its clients); once up, it forwards to the real server.
 */
async function flakyDatabase(
  target: URL,
): Promise<{ url: string; attempts: () => number; up: () => void; close: () => Promise<void> }> {
  let down = true;
  let attempts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (down) {
      attempts++;
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    attempts: () => attempts,
    up: () => {
      down = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

@Entity({ name: 'notes', schema: 'alpha' })
class NoteEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  bodyText!: string;
}

class CreateNotes1764288000001 implements MigrationInterface {
  readonly name = 'CreateNotes1764288000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create table alpha.notes (id uuid primary key, body_text text not null)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table alpha.notes');
  }
}

describe('persistence library against real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let betaUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('persistence');
    const alpha = { schema: 'alpha', role: 'c2c_test_alpha', password: 'alpha' };
    const beta = { schema: 'beta', role: 'c2c_test_beta', password: 'beta' };
    await provisionServiceDatabase(database.adminUrl, alpha);
    await provisionServiceDatabase(database.adminUrl, beta);
    const alphaUrl = serviceDatabaseUrl(database.adminUrl, alpha);
    betaUrl = serviceDatabaseUrl(database.adminUrl, beta);
    dataSource = createServiceDataSource({
      url: alphaUrl,
      schema: 'alpha',
      entities: [NoteEntity],
      migrations: [CreateNotes1764288000001],
      applicationName: 'persistence-test',
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('applies migrations once, even when two runners race', async () => {
    const [first, second] = await Promise.all([
      runMigrations(dataSource, 'alpha'),
      runMigrations(dataSource, 'alpha'),
    ]);
    expect([...first, ...second]).toEqual(['CreateNotes1764288000001']);
  });

  it('writes and reads a row in a committed transaction, with snake_case columns', async () => {
    const transactions = new TransactionRunner(dataSource);
    const id = '7d4b3c1e-8f7a-4f51-9d55-1f0f7f3f6a01';
    await transactions.run((tx) => tx.insert(NoteEntity, { id, bodyText: 'hello' }));
    const row = await dataSource.query<{ body_text: string }[]>(
      'select body_text from alpha.notes where id = $1',
      [id],
    );
    expect(row).toEqual([{ body_text: 'hello' }]);
    await expect(dataSource.getRepository(NoteEntity).findOneBy({ id })).resolves.toEqual({
      id,
      bodyText: 'hello',
    });
  });

  it('leaves nothing behind when the work throws', async () => {
    const transactions = new TransactionRunner(dataSource);
    const id = '7d4b3c1e-8f7a-4f51-9d55-1f0f7f3f6a02';
    await expect(
      transactions.run(async (tx) => {
        await tx.insert(NoteEntity, { id, bodyText: 'never' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expect(dataSource.getRepository(NoteEntity).existsBy({ id })).resolves.toBe(false);
  });

  it('joins every run inside runShared into one transaction, opened at the first and committed after the work', async () => {
    const transactions = new TransactionRunner(dataSource);
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const count = async () =>
      (
        (await dataSource.query('select count(*)::int as n from alpha.notes where id = any($1)', [ids])) as {
          n: number;
        }[]
      )[0]?.n;
    const insert = (id: string | undefined) => (tx: Tx) =>
      tx.query('insert into alpha.notes (id, body_text) values ($1, $2)', [id, 'note']);

    await expect(
      transactions.runShared(async () => {
        await transactions.run(insert(ids[0]));
        await transactions.run(insert(ids[1]));
        throw new Error('the work around them failed');
      }),
    ).rejects.toThrow('the work around them failed');
    expect(await count()).toBe(0);

    const seen: string[] = [];
    const result = await transactions.runShared(
      async () => {
        seen.push('before the first run');
        await transactions.run(async (first) => {
          await transactions.run(async (second) => expect(second).toBe(first));
          await insert(ids[0])(first);
        });
        // Not yet visible to another connection: one transaction, not committed until the work ends.
        expect(await count()).toBe(0);
        return 'done';
      },
      {
        onOpen: async () => {
          seen.push('opened');
        },
        beforeCommit: async (tx, done) => {
          seen.push(`before commit: ${done}`);
          await insert(ids[1])(tx);
        },
      },
    );
    expect(result).toBe('done');
    expect(seen).toEqual(['before the first run', 'opened', 'before commit: done']);
    expect(await count()).toBe(2);
  });

  it('waits at start for a database that drops its connections, and migrates once it is back', async () => {
    const spec = { schema: 'gamma', role: 'c2c_test_gamma', password: 'gamma' };
    await provisionServiceDatabase(database.adminUrl, spec);
    const flaky = await flakyDatabase(new URL(serviceDatabaseUrl(database.adminUrl, spec)));
    try {
      const starting = connectAndMigrate(
        {
          url: flaky.url,
          schema: 'gamma',
          entities: [],
          migrations: [],
          applicationName: 'persistence-test',
        },
        30_000,
      );
      await eventually(() => expect(flaky.attempts()).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
      flaky.up();
      const started = await starting;
      expect(started.isInitialized).toBe(true);
      expect(await started.query('select count(*)::int as n from gamma.migrations')).toEqual([{ n: 0 }]);
      await started.destroy();
    } finally {
      await flaky.close();
    }
  });

  it('ends the start at once on an error that is not an outage (a wrong password)', async () => {
    const wrong = new URL(betaUrl);
    wrong.password = 'not-the-password';
    const started = Date.now();
    await expect(
      connectAndMigrate(
        {
          url: wrong.toString(),
          schema: 'beta',
          entities: [],
          migrations: [],
          applicationName: 'persistence-test',
        },
        30_000,
      ),
    ).rejects.toThrow(/password authentication failed/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("gives each service's role no access to another service's schema", async () => {
    const beta = new DataSource({ type: 'postgres', url: betaUrl });
    await beta.initialize();
    try {
      await expect(beta.query('select * from alpha.notes')).rejects.toThrow(/permission denied/);
      await expect(beta.query('create table public.sneaky (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await beta.destroy();
    }
  });
});
