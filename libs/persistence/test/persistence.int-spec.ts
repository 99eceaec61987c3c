import { createTestDatabase, TestDatabase } from '@c2c/testing';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import {
  createServiceDataSource,
  provisionServiceDatabase,
  runMigrations,
  serviceDatabaseUrl,
  TransactionRunner,
} from '../src';

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
