import { Module } from '@nestjs/common';
import { CitiesController } from './cities.controller';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { PartnershipsController } from './partnerships.controller';
import { ProxyService } from './proxy.service';
import { Upstreams } from './upstreams';

/** The public routes served by the domain services behind the gateway. */
@Module({
  controllers: [DossierController, CitiesController, PartnershipsController],
  providers: [Upstreams, ProxyService, DossierService],
})
export class RoutingModule {}
