import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@c2c/service';
import { OperatorToolsModule } from './admin/operator-tools.module';
import { CatalogModule } from './catalog/catalog.module';
import { GatewayConfig } from './config';
import { HttpPoliciesModule } from './http/http-policies.module';
import { IdempotencyKeyEntity } from './http/idempotency/idempotency-key.entity';
import { IdentityModule } from './identity/identity.module';
import { UserTokenVersions } from './identity/user-token-versions';
import { UserEntity } from './identity/user.entity';
import { gatewayMigrations } from './migrations';
import { RoutingModule } from './routing/routing.module';
import { SigningKeyEntity } from './tokens/signing-key.entity';
import { SigningKeysService } from './tokens/signing-keys.service';
import { TokensModule } from './tokens/tokens.module';
import { trustedIssuers } from './tokens/trusted-issuers';

export const GATEWAY_SCHEMA = 'gateway';

/**
 * The gateway: the platform's service frame (logging, health, schedule, its schema, its config and
 * clock) without messaging, since it neither publishes nor consumes events, and with its own token
 * issuers instead of the gateway JWKS every other service trusts.
 */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot({
          name: 'gateway',
          config,
          database: {
            schema: GATEWAY_SCHEMA,
            entities: [UserEntity, SigningKeyEntity, IdempotencyKeyEntity],
            migrations: gatewayMigrations,
          },
          messaging: false,
          commandReplay: false,
          auth: {
            imports: [TokensModule],
            inject: [GatewayConfig, SigningKeysService, UserTokenVersions],
            useFactory: trustedIssuers,
          },
        }),
        IdentityModule,
        TokensModule,
        HttpPoliciesModule,
        RoutingModule,
        CatalogModule,
        OperatorToolsModule,
      ],
    };
  }
}
