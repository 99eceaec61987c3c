import { Client } from 'pg';

export interface ServiceDatabaseSpec {
  /** The schema the service owns, e.g. `cities`. */
  schema: string;
  /** The service's login role, e.g. `c2c_cities`; it owns its schema and nothing else. */
  role: string;
  password: string;
  /** Extensions the service needs (e.g. `pg_trgm`); installed once, into the shared `extensions` schema. */
  extensions?: string[];
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a plain SQL identifier`);
  return `"${name}"`;
};
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

// Two processes provisioning the same cluster at once (parallel test files, two replicas) race on
// cluster-wide catalogs; these SQLSTATEs mean the other one won, which is fine.
const ALREADY_DONE = new Set(['42710', '23505', '42P06', 'XX000']);

async function idempotent(client: Client, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code || !ALREADY_DONE.has(code)) throw error;
  }
}

/**
 * The bootstrap step an operator (or the local start script) runs with administrative rights before
 * a service's first start: the service's role and schema, with no rights anywhere else. Idempotent;
 * a changed password is applied.
 */
export async function provisionServiceDatabase(adminUrl: string, spec: ServiceDatabaseSpec): Promise<void> {
  // Roles are cluster-wide while the advisory lock below is per database: provisioning two databases
  // of one cluster at once can still collide on the role ("tuple concurrently updated"). Retry then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await provisionOnce(adminUrl, spec);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || !code || !CONCURRENT_CATALOG_UPDATE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

const CONCURRENT_CATALOG_UPDATE = new Set(['XX000', '40001', '40P01', '23505']);

async function provisionOnce(adminUrl: string, spec: ServiceDatabaseSpec): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'c2c-provision' });
  await client.connect();
  try {
    const database = ident(
      (await client.query<{ db: string }>('select current_database() as db')).rows[0].db,
    );
    const role = ident(spec.role);
    const schema = ident(spec.schema);
    // Serialise provisioning per database so concurrent callers see each other's work.
    await client.query('select pg_advisory_lock(hashtext($1))', ['c2c-provision']);
    try {
      await idempotent(client, `create role ${role} login password ${literal(spec.password)}`);
      await client.query(`alter role ${role} login password ${literal(spec.password)}`);
      await client.query(`revoke all on database ${database} from public`);
      await client.query(`grant connect, temporary on database ${database} to ${role}`);
      await client.query(`revoke create on schema public from public`);
      await idempotent(client, `create schema if not exists ${schema} authorization ${role}`);
      await client.query(`alter schema ${schema} owner to ${role}`);
      await client.query(`create schema if not exists extensions`);
      await client.query(`grant usage on schema extensions to ${role}`);
      for (const extension of spec.extensions ?? []) {
        await idempotent(client, `create extension if not exists ${ident(extension)} with schema extensions`);
      }
      await client.query(
        `alter role ${role} in database ${database} set search_path = ${schema}, extensions`,
      );
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', ['c2c-provision']);
    }
  } finally {
    await client.end();
  }
}

/** The service's own connection string: the admin URL's host and database with the service's role. */
export function serviceDatabaseUrl(
  adminUrl: string,
  spec: Pick<ServiceDatabaseSpec, 'role' | 'password'>,
): string {
  const url = new URL(adminUrl);
  url.username = spec.role;
  url.password = spec.password;
  return url.toString();
}
