import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { TokensModule } from '../tokens/tokens.module';
import { OperatorToolsController } from './operator-tools.controller';
import { OperatorToolsService } from './operator-tools.service';

/** The operator tools: the gateway's own admin routes over every service's messaging endpoints. */
@Module({
  imports: [RoutingModule, TokensModule],
  controllers: [OperatorToolsController],
  providers: [OperatorToolsService],
})
export class OperatorToolsModule {}
