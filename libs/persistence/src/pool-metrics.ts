import type { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** What the gauges read off node-postgres's pool. */
type PoolCounts = Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;

/** TypeORM's PostgreSQL driver keeps its pg pool as `master`, untyped. */
const poolOf = (dataSource: DataSource): PoolCounts | undefined =>
  (dataSource.driver as unknown as { master?: PoolCounts }).master;

/**
 * The database pool in use and waited for, read at scrape time: `c2c_db_pool_connections{state}`
 * (`used`, `idle`) and `c2c_db_pool_pending_requests`, the queries queued for a connection. A pool at
 * its maximum with requests pending is where latency comes from before the database is slow.
 */
export function watchPool(dataSource: DataSource, registry: Registry): void {
  new Gauge({
    name: 'c2c_db_pool_connections',
    help: 'Connections of the service database pool, by state (used, idle)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = poolOf(dataSource);
      this.set({ state: 'used' }, pool ? pool.totalCount - pool.idleCount : 0);
      this.set({ state: 'idle' }, pool?.idleCount ?? 0);
    },
  });
  new Gauge({
    name: 'c2c_db_pool_pending_requests',
    help: 'Queries waiting for a connection of the service database pool',
    registers: [registry],
    collect() {
      this.set(poolOf(dataSource)?.waitingCount ?? 0);
    },
  });
}
