/**
 * The conventional NestJS gateway: the anchor of the gateway benchmark (`npm run bench -- gateway`).
 *
 * What it is: the gateway a competent team would write from the NestJS documentation with the stock
 * libraries, on Fastify, doing the same policies on the same three routes as the platform gateway:
 *   - authentication: `@nestjs/passport` + `passport-jwt`, verifying the platform gateway's own ES256
 *     access tokens against its JWKS (`jwks-rsa`'s `passportJwtSecret`, keys cached), issuer,
 *     audience and algorithm checked; roles from the token (`POST /cities` is the secretariat's);
 *   - rate limits: `@nestjs/throttler`, one limit per IP and one per user, as the platform has (the
 *     benchmark sets both far above the offered load, as it does for the platform gateway);
 *   - request logging: `nestjs-pino` (`pino-http`), one line per request on stdout at `info`, the
 *     `authorization` header redacted;
 *   - security headers: `@fastify/helmet` with its defaults; CORS for the configured origins;
 *   - forwarding: undici's pooled keep-alive client to the cities service, passing the caller's
 *     `Idempotency-Key` and request id, with an internal token for the service's own audience (the
 *     services accept no client token), signed with this gateway's key and cached per caller token,
 *     as the platform gateway does.
 *
 * Why it is a fair anchor: it is what a user of NestJS would pick instead of our gateway, built the
 * way each library documents, with the same logging level, the same upstream, the same limits on, and
 * in its own process as ours. What it does not replicate (the benchmark's notes say so): storing
 * Idempotency-Keys with their answers (it only passes the header on), the revocation check of every
 * token, the input rules (control characters in query, path and body), the body-size rule per route,
 * problem+json answers, the route table with retries and circuit breakers, and reusing a verified
 * token's result (passport-jwt verifies the signature of every request, as the stock strategy does).
 *
 *   env: PORT, CITIES_URL, GATEWAY_JWKS_URL, SIGNING_JWK (the private ES256 JWK, with its kid),
 *        TOKEN_ISSUER (urn:c2c:gateway), TOKEN_AUDIENCE (urn:c2c:api), CORS_ORIGINS, LOG_LEVEL,
 *        RATE_LIMIT_PER_IP, RATE_LIMIT_PER_USER (per minute)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import {
  CanActivate,
  Controller,
  ExecutionContext,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Post,
  Req,
  Res,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { importJWK, type JWK, SignJWT } from 'jose';
import { passportJwtSecret } from 'jwks-rsa';
import { LRUCache } from 'lru-cache';
import { Logger, LoggerModule } from 'nestjs-pino';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Pool } from 'undici';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const PORT = Number(env('PORT', '3100'));
const CITIES_URL = env('CITIES_URL');
const ISSUER = env('TOKEN_ISSUER', 'urn:c2c:gateway');
const AUDIENCE = env('TOKEN_AUDIENCE', 'urn:c2c:api');
const SIGNING_JWK = JSON.parse(env('SIGNING_JWK')) as JWK & { kid: string };
const CORS_ORIGINS = env('CORS_ORIGINS', '').split(',').filter(Boolean);
const MINUTE_MS = 60_000;

/** The caller, as the strategy's `validate` makes it from a verified token. */
interface Caller {
  sub: string;
  email: string;
  roles: string[];
  claims: Record<string, unknown>;
}
type CallerRequest = FastifyRequest & { user?: Caller };

@Injectable()
class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: env('GATEWAY_JWKS_URL'),
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      }),
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  }

  validate(payload: Record<string, unknown>): Caller {
    return {
      sub: String(payload.sub),
      email: String(payload.email),
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      claims: payload,
    };
  }
}

const ROLES = 'roles';
const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

/** The roles guard of the NestJS documentation's authorization chapter. */
@Injectable()
class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const user = context.switchToHttp().getRequest<CallerRequest>().user;
    if (user?.roles.some((role) => roles.includes(role))) return true;
    throw new ForbiddenException();
  }
}

/** Internal tokens for the cities service's audience, one per caller token, renewed before expiry. */
@Injectable()
class InternalTokens {
  private readonly key = importJWK(SIGNING_JWK, 'ES256');
  private readonly cache = new LRUCache<string, string>({ max: 10_000, ttl: 50_000 });

  async authorizationFor(request: CallerRequest): Promise<string> {
    const token = request.headers.authorization ?? '';
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const {
      iss: _iss,
      aud: _aud,
      iat: _iat,
      exp: _exp,
      jti: _jti,
      sub,
      ...claims
    } = request.user?.claims ?? {};
    const internal = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: SIGNING_JWK.kid, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience('urn:c2c:service:cities')
      .setSubject(String(sub))
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(await this.key);
    const authorization = `Bearer ${internal}`;
    this.cache.set(token, authorization);
    return authorization;
  }
}

// As many pooled connections as the platform gateway keeps per service.
const cities = new Pool(CITIES_URL, { connections: 32 });
const RETURNED = ['content-type', 'etag', 'location'] as const;

@Controller('api/v1')
class GatewayController {
  constructor(private readonly tokens: InternalTokens) {}

  @Get('me')
  me(@Req() request: CallerRequest) {
    const { claims } = request.user as Caller;
    return {
      userId: claims.sub,
      email: claims.email,
      roles: claims.roles,
      commissionIds: claims.commission_ids ?? [],
      ...(claims.city_id === undefined ? {} : { cityId: claims.city_id }),
      issuer: claims.iss,
    };
  }

  @Get('cities')
  list(@Req() request: CallerRequest, @Res() reply: FastifyReply) {
    return this.forward(request, reply);
  }

  @Post('cities')
  @Roles('secretariat')
  create(@Req() request: CallerRequest, @Res() reply: FastifyReply) {
    return this.forward(request, reply);
  }

  private async forward(request: CallerRequest, reply: FastifyReply): Promise<void> {
    const headers: Record<string, string> = {
      authorization: await this.tokens.authorizationFor(request),
      'x-request-id': String(request.id),
    };
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') headers['idempotency-key'] = key;
    const hasBody = request.body !== undefined && request.body !== null;
    if (hasBody) headers['content-type'] = 'application/json';
    const answer = await cities.request({
      method: request.method as 'GET' | 'POST',
      path: request.url.replace(/^\/api\/v1/, ''),
      headers,
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
    });
    void reply.status(answer.statusCode);
    for (const name of RETURNED) {
      const value = answer.headers[name];
      if (typeof value === 'string') void reply.header(name, name === 'location' ? `/api/v1${value}` : value);
    }
    await reply.send(Buffer.from(await answer.body.arrayBuffer()));
  }
}

@Module({
  imports: [
    PassportModule,
    // The caller's bearer token stays out of the log, as nestjs-pino's documentation advises.
    LoggerModule.forRoot({
      pinoHttp: { level: env('LOG_LEVEL', 'info'), redact: ['req.headers.authorization'] },
    }),
    ThrottlerModule.forRoot({
      throttlers: [
        { name: 'ip', ttl: MINUTE_MS, limit: Number(env('RATE_LIMIT_PER_IP', '1200')) },
        {
          name: 'user',
          ttl: MINUTE_MS,
          limit: Number(env('RATE_LIMIT_PER_USER', '600')),
          getTracker: (request: Record<string, unknown>) =>
            (request as unknown as CallerRequest).user?.sub ?? String(request.ip),
        },
      ],
    }),
  ],
  controllers: [GatewayController],
  providers: [
    JwtStrategy,
    InternalTokens,
    // In this order: who the caller is, then their limits (per user needs the user), then roles.
    { provide: APP_GUARD, useClass: AuthGuard('jwt') },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
class ConventionalGatewayModule {}

async function main(): Promise<void> {
  const adapter = new FastifyAdapter({ bodyLimit: 131_072 });
  // Readiness for the benchmark's start-up wait, outside Nest's guards (no token needed).
  adapter.getInstance().get('/health/ready', () => ({ status: 'ok' }));
  const app = await NestFactory.create<NestFastifyApplication>(ConventionalGatewayModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.register(helmet);
  app.enableCors({ origin: CORS_ORIGINS });
  app.enableShutdownHooks();
  await app.listen(PORT, '127.0.0.1');
}

void main();
