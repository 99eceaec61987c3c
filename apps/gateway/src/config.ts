import path from 'node:path';
import { ConfigError, loadConfig, ServiceConfig } from '@c2c/platform';
import { parseRoleMap } from '@c2c/auth';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Local defaults, documented in the README; refused in production. */
export const LOCAL_BOOTSTRAP_ADMIN = { email: 'admin@c2c.local', password: 'change-me-locally' } as const;
const LOCAL_SIGNING_KEY_SECRET = 'local-development-only-signing-key-secret-0000';

const int = (min: number, max: number) => (target: object, property: string) => {
  Type(() => Number)(target, property);
  IsInt()(target, property);
  Min(min)(target, property);
  Max(max)(target, property);
};

/** The gateway's environment. Names are the variables' names. */
export class GatewayConfig extends ServiceConfig {
  @int(0, 65535)
  override PORT = 3000;

  /** The first secretariat account, created while no secretariat exists. */
  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** `iss` of the tokens the gateway issues, and the issuer services trust. */
  @IsString()
  TOKEN_ISSUER = 'urn:c2c:gateway';

  @IsString()
  TOKEN_AUDIENCE = 'urn:c2c:api';

  @int(60, 3600)
  TOKEN_TTL_SECONDS = 900;

  /**
   * How long a verified token's result is reused (0: verify every request). Short, so a key
   * withdrawn from the JWKS stops working soon; a token's own expiry always applies.
   */
  @int(0, 300_000)
  TOKEN_VERIFY_CACHE_MS = 30_000;

  /**
   * The secret services present (their `AUTH_REVOCATION_SECRET`) to read the revocation feed, which
   * names users whose tokens were revoked; unset, the feed answers 404 and only the gateway itself
   * refuses revoked tokens.
   */
  @IsOptional()
  @MinLength(32)
  REVOCATION_FEED_SECRET?: string;

  /** Encrypts the private signing keys stored in the database (AES-256-GCM, key derived by HKDF). */
  @IsOptional()
  @MinLength(32)
  SIGNING_KEY_SECRET?: string;

  /** A new signing key is made when the newest is older than this. */
  @int(1, 365)
  SIGNING_KEY_ROTATION_DAYS = 30;

  /** A new key is published in the JWKS this long before it signs, so verifiers' caches see it first. */
  @int(0, 86_400)
  SIGNING_KEY_PUBLISH_LEAD_SECONDS = 300;

  /** An external OpenID Connect provider whose access tokens are accepted too. */
  @IsOptional()
  @IsString()
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsUrl(HTTP_URL)
  OIDC_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  /** Dotted path of the provider's claim holding roles or groups. */
  @IsString()
  OIDC_ROLES_CLAIM = 'roles';

  /** `provider-role=platform-role,…`; empty: the provider already uses the platform's role names. */
  @IsString()
  OIDC_ROLE_MAP = '';

  @IsOptional()
  @IsString()
  OIDC_CITY_CLAIM?: string;

  @IsOptional()
  @IsString()
  OIDC_COMMISSIONS_CLAIM?: string;

  /** Origins allowed by CORS, comma-separated; empty allows none (same-origin and non-browser clients). */
  @Matches(/^(\s*https?:\/\/[^\s,]+\s*(,\s*https?:\/\/[^\s,]+\s*)*)?$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS = '';

  /** Whose X-Forwarded-For to believe (Fastify trustProxy: addresses, CIDRs or names like `loopback`). */
  @IsString()
  TRUST_PROXY = 'loopback,linklocal,uniquelocal';

  @int(1024, 100 * 1_048_576)
  BODY_LIMIT_BYTES = 1_048_576;

  @int(1000, 3_600_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  @int(1, 1_000_000_000)
  RATE_LIMIT_PER_IP = 1200;

  @int(1, 1_000_000_000)
  RATE_LIMIT_PER_USER = 600;

  /** Login attempts per IP and window: password guessing is slow even before argon2 makes it so. */
  @int(1, 1_000_000_000)
  RATE_LIMIT_LOGIN_PER_IP = 20;

  @int(1, 168)
  IDEMPOTENCY_TTL_HOURS = 24;

  @IsUrl(HTTP_URL)
  CITIES_URL = 'http://127.0.0.1:3001';

  @IsUrl(HTTP_URL)
  PARTNERSHIPS_URL = 'http://127.0.0.1:3002';

  @IsUrl(HTTP_URL)
  COMMISSIONS_URL = 'http://127.0.0.1:3003';

  @IsUrl(HTTP_URL)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';

  /** Headers and body of an upstream answer must arrive within this. */
  @int(50, 120_000)
  UPSTREAM_TIMEOUT_MS = 5000;

  @int(50, 60_000)
  UPSTREAM_CONNECT_TIMEOUT_MS = 1000;

  /** Extra attempts for idempotent requests (GET, HEAD, PUT, DELETE) that failed to connect or got 502/503. */
  @int(0, 5)
  UPSTREAM_RETRIES = 2;

  /** How long an open circuit refuses calls before one trial request. */
  @int(100, 600_000)
  BREAKER_RESET_MS = 10_000;

  @int(1, 100)
  BREAKER_ERROR_PERCENT = 50;

  /** Calls in the rolling 10 s window before the breaker may open. */
  @int(1, 10_000)
  BREAKER_VOLUME_THRESHOLD = 5;

  /** The AsyncAPI document served at /api/v1/events/catalog (relative paths: from the working directory). */
  @IsString()
  ASYNCAPI_PATH = path.resolve(process.cwd(), 'docs/asyncapi.yaml');

  /**
   * Where the services' own OpenAPI documents are (`<service>.openapi.json`), from which the gateway
   * composes its public document and its routing table (relative paths: from the working directory).
   */
  @IsString()
  SERVICE_API_DOCS_DIR = path.resolve(process.cwd(), 'docs/api');
}

function crossChecks(config: GatewayConfig): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (!config.BOOTSTRAP_ADMIN_EMAIL) problems.push('BOOTSTRAP_ADMIN_EMAIL is required in production');
    if (!config.BOOTSTRAP_ADMIN_PASSWORD) problems.push('BOOTSTRAP_ADMIN_PASSWORD is required in production');
    if (!config.SIGNING_KEY_SECRET) problems.push('SIGNING_KEY_SECRET is required in production');
    if (config.BOOTSTRAP_ADMIN_PASSWORD === LOCAL_BOOTSTRAP_ADMIN.password) {
      problems.push('BOOTSTRAP_ADMIN_PASSWORD must not be the local default in production');
    }
  }
  if (config.OIDC_ISSUER && !config.OIDC_JWKS_URL) {
    problems.push('OIDC_JWKS_URL is required when OIDC_ISSUER is set');
  }
  try {
    parseRoleMap(config.OIDC_ROLE_MAP);
  } catch (error) {
    problems.push(`OIDC_ROLE_MAP: ${(error as Error).message}`);
  }
  return problems;
}

/**
 * Reads the gateway's environment. Outside production the bootstrap account and the key secret fall
 * back to local defaults; in production their absence stops the start, naming the variables.
 */
export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const config = loadConfig(GatewayConfig, env);
  const problems = crossChecks(config);
  if (problems.length > 0) throw new ConfigError(problems);
  if (config.NODE_ENV !== 'production') {
    config.BOOTSTRAP_ADMIN_EMAIL ??= LOCAL_BOOTSTRAP_ADMIN.email;
    config.BOOTSTRAP_ADMIN_PASSWORD ??= LOCAL_BOOTSTRAP_ADMIN.password;
    config.SIGNING_KEY_SECRET ??= LOCAL_SIGNING_KEY_SECRET;
  }
  return config;
}

/** The configured origins for CORS. */
export const corsOrigins = (config: GatewayConfig): string[] =>
  config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

/** Fastify's trustProxy value from TRUST_PROXY: `true`/`false`, a hop count, or addresses. */
export function trustProxyOf(config: GatewayConfig): boolean | number | string {
  const value = config.TRUST_PROXY.trim();
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
