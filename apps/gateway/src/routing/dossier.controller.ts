import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@c2c/auth';
import { ApiProblemResponses, IdParams } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, Authenticated } from '../http/api';

import { Dossier, DossierService } from './dossier.service';
import { DossierResponse } from './dto/dossier.dto';
import { ProxyService } from './proxy.service';

@ApiTags('cities')
@Authenticated()
@Controller(`${API_PREFIX}/cities`)
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly proxy: ProxyService,
  ) {}

  @Get(':id/dossier')
  @Roles(...ROLES)
  @ApiOperation({
    operationId: 'getCityDossier',
    summary: 'A city with its partnerships and commission memberships, from every service at once',
  })
  @ApiOkResponse({
    type: DossierResponse,
    description: 'Parts whose service is down are null and listed in `missing`.',
  })
  @ApiProblemResponses(400, 404, 503, 504)
  async getCityDossier(
    @Param() { id }: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Dossier | Buffer> {
    const result = await this.dossiers.read(id, request);
    return 'dossier' in result ? result.dossier : this.proxy.relay(reply, result.refusal);
  }
}
