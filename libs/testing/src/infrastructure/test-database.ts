import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testAdminDatabaseUrl } from './test-environment';

export interface TestDatabase {
  /** Administrative URL of this file's own database. */
  adminUrl: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file, so files run in parallel without seeing each other's rows.
 * Tests then provision it with the persistence library's step, as an operator would.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const admin = testAdminDatabaseUrl();
  await withAdmin(admin, (client) => client.query(`create database "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminUrl = url.toString();
  return {
    adminUrl,
    name,
    async drop() {
      await withAdmin(admin, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
