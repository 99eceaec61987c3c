import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@c2c/auth';
import { PersistenceModule } from '@c2c/persistence';
import { HealthModule, LoggingModule } from '@c2c/platform';
import { CatalogModule } from './catalog/catalog.module';
import { GatewayConfig } from './config';
import { GatewayConfigModule } from './config.module';
import { HttpPoliciesModule } from './http/http-policies.module';
import { IdempotencyKeyEntity } from './http/idempotency/idempotency-key.entity';
import { IdentityModule } from './identity/identity.module';
import { UserEntity } from './identity/user.entity';
import { gatewayMigrations } from './migrations';
import { RoutingModule } from './routing/routing.module';
import { SigningKeyEntity } from './tokens/signing-key.entity';
import { SigningKeysService } from './tokens/signing-keys.service';
import { TokensModule } from './tokens/tokens.module';
import { trustedIssuers } from './tokens/trusted-issuers';

export const GATEWAY_SCHEMA = 'gateway';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('gateway', config.LOG_LEVEL),
        HealthModule,
        GatewayConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          schema: GATEWAY_SCHEMA,
          entities: [UserEntity, SigningKeyEntity, IdempotencyKeyEntity],
          migrations: gatewayMigrations,
          applicationName: 'gateway',
        }),
        IdentityModule,
        TokensModule,
        AuthModule.forRootAsync({
          imports: [TokensModule],
          inject: [GatewayConfig, SigningKeysService],
          useFactory: trustedIssuers,
        }),
        HttpPoliciesModule,
        RoutingModule,
        CatalogModule,
      ],
    };
  }
}
