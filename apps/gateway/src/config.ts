import path from 'node:path';
import { ConfigError, loadConfig, ServiceConfig } from '@c2c/platform';
import { parseRoleMap } from '@c2c/auth';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Local defaults, documented in the README. They are public (committed), so they apply only with an
 * explicit ALLOW_LOCAL_DEFAULTS=true (set by tools/start.mjs and the test harness), never because a
 * variable was forgotten.
 */
export const LOCAL_BOOTSTRAP_ADMIN = { email: 'admin@c2c.local', password: 'change-me-locally' } as const;
export const LOCAL_SIGNING_KEY_SECRET = 'local-development-only-signing-key-secret-0000';

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

  /**
   * `true` lets the committed local defaults (bootstrap account, key secret) fill what is missing.
   * Anything else fails closed: a missing secret stops the start, naming it.
   */
  @IsIn(['true', 'false'])
  ALLOW_LOCAL_DEFAULTS: 'true' | 'false' = 'false';

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

  /**
   * `provider-role=platform-role,…`. Empty trusts no provider role (every provider token is then a
   * 403): a provider's role names are its own, and taking them as they come would let whoever
   * administers the provider name a secretariat.
   */
  @IsString()
  OIDC_ROLE_MAP = '';

  /**
   * Provider tokens issued (`iat`) longer ago than this are refused, whatever their `exp`: a provider
   * configured with long-lived access tokens must not make a stolen one useful for days.
   */
  @int(60, 86_400)
  OIDC_MAX_TOKEN_AGE_SECONDS = 3600;

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

  /**
   * Whose X-Forwarded-For to believe: `false` (the default: nobody, the socket's address is the
   * client), a hop count, or the ingress's addresses/CIDRs (Fastify trustProxy). Trusting a whole
   * private range would let any caller on it choose its own address and escape the per-IP limits.
   */
  @Matches(/^(false|true|\d{1,2}|[\w.:/-]+(\s*,\s*[\w.:/-]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, or comma-separated addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  @int(1024, 100 * 1_048_576)
  /** The largest valid body of any route is ~81 KB (a proposal in a three-byte script): see docs/security.md. */
  BODY_LIMIT_BYTES = 131_072;

  @int(1000, 3_600_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  @int(1, 1_000_000_000)
  RATE_LIMIT_PER_IP = 1200;

  @int(1, 1_000_000_000)
  RATE_LIMIT_PER_USER = 600;

  /** Login attempts per IP and window: password guessing is slow even before argon2 makes it so. */
  @int(1, 1_000_000_000)
  RATE_LIMIT_LOGIN_PER_IP = 20;

  /**
   * Failed logins for one e-mail (within RATE_LIMIT_WINDOW_MS) before it is locked out: the per-IP
   * limit alone does not stop guessing one account's password from many addresses.
   */
  @int(1, 1000)
  LOGIN_FAILURES_BEFORE_LOCKOUT = 5;

  /** The first lockout; each further one doubles, up to LOGIN_LOCKOUT_MAX_SECONDS. */
  @int(1, 86_400)
  LOGIN_LOCKOUT_BASE_SECONDS = 30;

  @int(1, 86_400)
  LOGIN_LOCKOUT_MAX_SECONDS = 3600;

  /**
   * argon2 operations (logins, password changes) running at once. Each takes a libuv thread and
   * 19 MiB; see UV_THREADPOOL_SIZE in main.ts, which leaves threads for DNS and file reads.
   */
  @int(1, 64)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** argon2 operations waiting for a slot; beyond them a login is a quick 503 with Retry-After. */
  @int(0, 10_000)
  PASSWORD_HASH_QUEUE = 32;

  /**
   * How long an Idempotency-Key's answer is kept here. The services keep theirs for
   * `COMMAND_ANSWER_TTL_HOURS`: raise both together.
   */
  @int(1, 168)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** Live (unexpired) Idempotency-Keys one caller may hold: each is a stored answer in the database. */
  @int(1, 1_000_000)
  IDEMPOTENCY_KEYS_PER_USER = 1000;

  @IsUrl(HTTP_URL)
  CITIES_URL = 'http://127.0.0.1:3001';

  @IsUrl(HTTP_URL)
  PARTNERSHIPS_URL = 'http://127.0.0.1:3002';

  /**
   * The services added after the first slice have no default address (`npm start` sets them): with
   * none, the gateway never sends a caller's token anywhere for them (the dossier names the part
   * missing).
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  COMMISSIONS_URL?: string;

  @IsOptional()
  @IsUrl(HTTP_URL)
  NOTIFICATIONS_URL?: string;

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

  /**
   * The built web console (`vite build` of apps/console), served at /console/ (relative paths: from the
   * working directory). Without an index.html there, /console answers a 503 saying how to build it.
   */
  @IsString()
  CONSOLE_DIR = path.resolve(process.cwd(), 'dist/apps/console');
}

/** Whether the committed local defaults may fill missing secrets (never in production). */
export const localDefaultsAllowed = (config: GatewayConfig): boolean =>
  config.ALLOW_LOCAL_DEFAULTS === 'true' && config.NODE_ENV !== 'production';

// The revocation feed's secret too: without it the services never learn of a deactivation, and a
// revoked user's tokens keep working there until they expire. Local runs get one from npm start.
const SECRETS = [
  'BOOTSTRAP_ADMIN_EMAIL',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'SIGNING_KEY_SECRET',
  'REVOCATION_FEED_SECRET',
] as const;

function crossChecks(config: GatewayConfig): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production' && config.ALLOW_LOCAL_DEFAULTS === 'true') {
    problems.push('ALLOW_LOCAL_DEFAULTS must not be true in production');
  }
  if (!localDefaultsAllowed(config)) {
    for (const name of SECRETS) {
      if (!config[name]) problems.push(`${name} is required (ALLOW_LOCAL_DEFAULTS=true only for local runs)`);
    }
    if (config.BOOTSTRAP_ADMIN_PASSWORD === LOCAL_BOOTSTRAP_ADMIN.password) {
      problems.push('BOOTSTRAP_ADMIN_PASSWORD must not be the local default');
    }
    if (config.SIGNING_KEY_SECRET === LOCAL_SIGNING_KEY_SECRET) {
      problems.push('SIGNING_KEY_SECRET must not be the committed local default');
    }
  }
  if (config.OIDC_ISSUER && !config.OIDC_JWKS_URL) {
    problems.push('OIDC_JWKS_URL is required when OIDC_ISSUER is set');
  }
  // Two trusted issuers of one name: the provider's keys and claims would silently stand in for the
  // gateway's own.
  if (config.OIDC_ISSUER !== undefined && config.OIDC_ISSUER === config.TOKEN_ISSUER) {
    problems.push("OIDC_ISSUER must differ from TOKEN_ISSUER (the gateway's own issuer)");
  }
  try {
    parseRoleMap(config.OIDC_ROLE_MAP);
  } catch (error) {
    problems.push(`OIDC_ROLE_MAP: ${(error as Error).message}`);
  }
  if (config.LOGIN_LOCKOUT_MAX_SECONDS < config.LOGIN_LOCKOUT_BASE_SECONDS) {
    problems.push('LOGIN_LOCKOUT_MAX_SECONDS must be at least LOGIN_LOCKOUT_BASE_SECONDS');
  }
  return problems;
}

/**
 * Reads the gateway's environment. The bootstrap account and the key secret fall back to the local
 * defaults only with ALLOW_LOCAL_DEFAULTS=true outside production; otherwise their absence stops the
 * start, naming each variable.
 */
export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const config = loadConfig(GatewayConfig, env);
  const problems = crossChecks(config);
  if (problems.length > 0) throw new ConfigError(problems);
  if (localDefaultsAllowed(config)) {
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
