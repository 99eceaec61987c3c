import { CreateIdentityTables1764300000000 } from './1764300000000-create-identity-tables';
import { AddUserTokenRevocation1764900000000 } from './1764900000000-add-user-token-revocation';

/** Every migration of the gateway schema, in order. The gateway publishes no events: no outbox. */
export const gatewayMigrations = [CreateIdentityTables1764300000000, AddUserTokenRevocation1764900000000];
