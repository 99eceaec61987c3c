import type { ServiceDatabaseSpec } from '@c2c/persistence';

/**
 * What provisioning gives the cities service: its schema and role, and pg_trgm (installed in the
 * shared `extensions` schema) for name search. Operators and tests provision with this. Roles are
 * cluster-wide, so tests name their own rather than reset the password of a running platform's.
 */
export const citiesDatabase = (password: string, role = 'c2c_cities'): ServiceDatabaseSpec => ({
  schema: 'cities',
  role,
  password,
  extensions: ['pg_trgm'],
});
