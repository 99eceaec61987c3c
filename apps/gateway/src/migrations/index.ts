import { CreateIdentityTables1764300000000 } from './1764300000000-create-identity-tables';

/** Every migration of the gateway schema, in order. The gateway publishes no events: no outbox. */
export const gatewayMigrations = [CreateIdentityTables1764300000000];
