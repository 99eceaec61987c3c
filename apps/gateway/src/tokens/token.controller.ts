import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../http/api';
import { API_PREFIX, JWKS_ROUTE, TOKEN_ROUTE } from '../http/routes';
import { JwksDto } from './dto/jwks.dto';
import { TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { IssueTokenService } from './issue-token.service';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('identity')
@Controller()
export class TokenController {
  constructor(
    private readonly tokens: IssueTokenService,
    private readonly keys: SigningKeysService,
  ) {}

  @PublicRoute()
  @Post(`${API_PREFIX}/${TOKEN_ROUTE}`)
  @HttpCode(200)
  @ApiOperation({ operationId: 'issueToken', summary: 'Log in with e-mail and password; get a bearer token' })
  @ApiOkResponse({ type: TokenResponseDto, description: 'A bearer token for the API.' })
  @ApiProblemResponses(400, 401, 429)
  async issueToken(
    @Body() body: TokenRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const token = await this.tokens.issue(body.email, body.password);
    // RFC 6749 §5.1: a response carrying a token must not be stored by any cache.
    void reply.header('cache-control', 'no-store');
    return token;
  }

  @PublicRoute()
  @Get(JWKS_ROUTE)
  @ApiOperation({ operationId: 'getJwks', summary: 'The public keys that verify the gateway tokens' })
  @ApiOkResponse({ type: JwksDto, description: 'The current, coming and retiring public keys.' })
  @ApiProblemResponses(429)
  async getJwks(@Res({ passthrough: true }) reply: FastifyReply): Promise<JwksDto> {
    void reply.header('cache-control', 'public, max-age=300');
    return this.keys.jwks();
  }
}
