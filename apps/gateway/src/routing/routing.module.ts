import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { ProxyService } from './proxy.service';
import { Upstreams } from './upstreams';

/**
 * Reaching the domain services: one client per service, the proxy that forwards a request, and the
 * dossier that asks several at once. The forwarded routes themselves are not controllers: they come
 * from the services' documents (see route-table.ts), registered by gateway-app.ts.
 */
@Module({
  // The internal tokens each forwarded call carries instead of the caller's.
  imports: [TokensModule],
  controllers: [DossierController],
  providers: [Upstreams, ProxyService, DossierService],
  exports: [ProxyService, Upstreams],
})
export class RoutingModule {}
