import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  JSONWebKeySet,
  JWK,
  JWTVerifyGetKey,
  KeyLike,
} from 'jose';
import { EntityManager } from 'typeorm';
import { GatewayConfig } from '../config';
import { KeyEncryption } from './key-encryption';
import { SigningKeyEntity } from './signing-key.entity';
import { SigningKeysRepository } from './signing-keys.repository';

export const SIGNING_ALGORITHM = 'ES256';
const DAY_MS = 86_400_000;
/** Replicas see each other's rotations within this, even without a token naming the new kid. */
const RELOAD_AFTER_MS = 30_000;
/** A token naming an unknown kid may trigger a reload at most this often (no reload storms). */
const UNKNOWN_KID_RELOAD_MS = 1_000;
const CLOCK_SKEW_MS = 60_000;
/** How often rotation is checked and long-retired keys are forgotten; rotation is counted in days. */
const MAINTENANCE_EVERY_MS = 3_600_000;

interface LoadedKey {
  row: SigningKeyEntity;
  publicKey: Promise<KeyLike | Uint8Array>;
  privateKey?: Promise<KeyLike | Uint8Array>;
}

/**
 * The gateway's token signing keys (ES256, kept in its schema with the private half encrypted).
 * Rotation without downtime: a new key is published in the JWKS `SIGNING_KEY_PUBLISH_LEAD_SECONDS`
 * before it starts signing, and the old one stays published until the last token it signed expired.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private readonly logger = new Logger(SigningKeysService.name);
  private readonly encryption: KeyEncryption;
  private keys: LoadedKey[] = [];
  private loadedAt = 0;
  private lastUnknownKidReload = 0;

  constructor(
    private readonly config: GatewayConfig,
    private readonly repository: SigningKeysRepository,
  ) {
    if (!config.SIGNING_KEY_SECRET) throw new Error('SIGNING_KEY_SECRET is not set');
    this.encryption = new KeyEncryption(config.SIGNING_KEY_SECRET);
  }

  /** The first key is made before the app serves: a login must never find no key to sign with. */
  async onModuleInit(): Promise<void> {
    await this.retireUndecryptable();
    await this.ensureFreshKey();
  }

  /**
   * Keys this replica cannot decrypt were stored under another secret, typically the committed local
   * one, which anyone can read: whoever reads the table could mint tokens with them. A new key signs
   * at once and every older key is retired now (no lead, no grace), so tokens they signed stop
   * verifying. Returns the retired kids.
   */
  async retireUndecryptable(now = new Date()): Promise<string[]> {
    const retired = await this.repository.withRotationLock(async (tx) => {
      const unusable = (await this.repository.unretired(now, tx)).filter((row) => !this.decrypts(row));
      if (unusable.length === 0) return [];
      // add() retires every other key at the given time: keys this secret can decrypt go too, which
      // only happens when replicas run with different secrets, itself a fault to end.
      await this.create(tx, now, 0, now);
      return unusable.map((row) => row.kid);
    });
    if (retired.length > 0) {
      this.logger.warn(
        `retired signing keys not encrypted with SIGNING_KEY_SECRET (tokens they signed are refused now): ${retired.join(', ')}`,
      );
      await this.reload(now);
    }
    return retired;
  }

  private decrypts(row: SigningKeyEntity): boolean {
    try {
      this.encryption.decrypt(row.privateJwkEncrypted);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The hourly job: rotates when the newest key is due, and forgets keys retired more than a day ago.
   * Never throws: a failed run is logged and the next one tries again.
   */
  @Interval('signing-key-maintenance', MAINTENANCE_EVERY_MS)
  async maintain(now = new Date()): Promise<void> {
    try {
      await this.ensureFreshKey(now);
      await this.repository.deleteRetiredBefore(new Date(now.getTime() - DAY_MS));
    } catch (error) {
      this.logger.error({ err: error }, 'signing key maintenance failed');
    }
  }

  /** Makes a key when there is none or the newest is older than SIGNING_KEY_ROTATION_DAYS. */
  async ensureFreshKey(now = new Date()): Promise<void> {
    await this.repository.withRotationLock(async (tx) => {
      const newest = (await this.repository.unretired(now, tx))[0];
      const maxAge = this.config.SIGNING_KEY_ROTATION_DAYS * DAY_MS;
      if (newest === undefined) await this.create(tx, now, 0);
      else if (now.getTime() - newest.createdAt.getTime() > maxAge) {
        await this.create(tx, now, this.config.SIGNING_KEY_PUBLISH_LEAD_SECONDS);
      }
    });
    await this.reload(now);
  }

  /** Rotates now (operators, tests); returns the new key's kid. */
  async rotate(now = new Date()): Promise<string> {
    const kid = await this.repository.withRotationLock((tx) =>
      this.create(tx, now, this.config.SIGNING_KEY_PUBLISH_LEAD_SECONDS),
    );
    await this.reload(now);
    return kid;
  }

  /** The key that signs now: the newest active one. */
  async signer(): Promise<{ kid: string; privateKey: KeyLike | Uint8Array }> {
    await this.reloadIfStale();
    const now = Date.now();
    const current = this.keys.find(
      ({ row }) =>
        row.activatesAt.getTime() <= now && (row.retiresAt === null || row.retiresAt.getTime() > now),
    );
    if (current === undefined) throw new Error('no active signing key');
    current.privateKey ??= importJWK(
      JSON.parse(this.encryption.decrypt(current.row.privateJwkEncrypted)) as JWK,
      SIGNING_ALGORITHM,
    );
    return { kid: current.row.kid, privateKey: await current.privateKey };
  }

  /** Every published public key: active, about to be, and retiring. */
  async jwks(): Promise<JSONWebKeySet> {
    await this.reloadIfStale();
    const now = Date.now();
    return {
      keys: this.keys
        .filter(({ row }) => row.retiresAt === null || row.retiresAt.getTime() > now)
        .map(({ row }) => row.publicJwk),
    };
  }

  /** The verification keys for the auth library, by kid, reloading once when a kid is unknown. */
  readonly keyResolver: JWTVerifyGetKey = async (header) => {
    let key = this.published(header.kid);
    if (key === undefined && Date.now() - this.lastUnknownKidReload > UNKNOWN_KID_RELOAD_MS) {
      this.lastUnknownKidReload = Date.now();
      await this.reload(new Date());
      key = this.published(header.kid);
    }
    if (key === undefined || header.alg !== key.row.algorithm) throw new errors.JWKSNoMatchingKey();
    return key.publicKey;
  };

  private published(kid: string | undefined): LoadedKey | undefined {
    const now = Date.now();
    return this.keys.find(
      ({ row }) => row.kid === kid && (row.retiresAt === null || row.retiresAt.getTime() > now),
    );
  }

  private async create(
    tx: EntityManager,
    now: Date,
    leadSeconds: number,
    retireOthersNowAt?: Date,
  ): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const activatesAt = new Date(now.getTime() + leadSeconds * 1000);
    const retireOthersAt =
      retireOthersNowAt ??
      new Date(activatesAt.getTime() + this.config.TOKEN_TTL_SECONDS * 1000 + CLOCK_SKEW_MS);
    await this.repository.add(
      tx,
      {
        kid,
        algorithm: SIGNING_ALGORITHM,
        publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
        privateJwkEncrypted: this.encryption.encrypt(JSON.stringify(await exportJWK(privateKey))),
        createdAt: now,
        activatesAt,
        retiresAt: null,
      },
      retireOthersAt,
    );
    this.logger.log(`new signing key ${kid}, signing from ${activatesAt.toISOString()}`);
    return kid;
  }

  private async reloadIfStale(): Promise<void> {
    if (Date.now() - this.loadedAt > RELOAD_AFTER_MS) await this.reload(new Date());
  }

  private async reload(now: Date): Promise<void> {
    const rows = await this.repository.unretired(now);
    const previous = new Map(this.keys.map((key) => [key.row.kid, key]));
    this.keys = rows.map((row) => {
      const known = previous.get(row.kid);
      return known ? { ...known, row } : { row, publicKey: importJWK(row.publicJwk, row.algorithm) };
    });
    this.loadedAt = Date.now();
  }
}
