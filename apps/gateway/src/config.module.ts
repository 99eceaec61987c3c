import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayConfig } from './config';

/** Makes the validated configuration injectable by its class everywhere in the gateway. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GatewayConfig, useValue: config }],
      exports: [GatewayConfig],
    };
  }
}
