import { Injectable } from '@nestjs/common';
import { sqlState } from '@c2c/persistence';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface UserPosition {
  createdAt: string;
  id: string;
}

export type NewUser = Omit<
  UserEntity,
  'version' | 'createdAt' | 'updatedAt' | 'tokenVersion' | 'tokensRevokedAt' | 'deactivatedAt'
>;
export type UserChanges = Partial<
  Pick<UserEntity, 'name' | 'roles' | 'cityId' | 'commissionIds' | 'passwordHash' | 'deactivatedAt'>
> & {
  /** Bump the token version: every token issued before ends. */
  revokeTokens?: boolean;
};

/** What the gateway needs to know about a user to accept its token. */
export interface TokenState {
  tokenVersion: number;
  deactivated: boolean;
}

/** A recent bump of a user's token version, for the revocation feed. */
export interface TokenRevocation {
  id: string;
  tokenVersion: number;
  tokensRevokedAt: Date;
}

/** Thrown when the e-mail is taken (case-insensitively). */
export class EmailTaken extends Error {}

/** The only place with SQL about users. */
@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  async insert(user: NewUser): Promise<UserEntity> {
    try {
      const now = new Date();
      const row = this.users.create({
        ...user,
        version: 1,
        tokenVersion: 1,
        tokensRevokedAt: null,
        deactivatedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.users.insert(row);
      return row;
    } catch (error) {
      if (sqlState(error) === '23505') throw new EmailTaken(user.email);
      throw error;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  hasSecretariat(): Promise<boolean> {
    return this.users
      .createQueryBuilder('u')
      .where(':role = any(u.roles)', { role: 'secretariat' })
      .getExists();
  }

  /** Users in creation order, `limit` of them after `after`. */
  list(limit: number, after?: UserPosition): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u').orderBy('u.created_at', 'ASC').addOrderBy('u.id', 'ASC');
    if (after) {
      query.where('(u.created_at, u.id) > (:createdAt, :id)', after);
    }
    return query.limit(limit).getMany();
  }

  /**
   * Applies changes only if the row is still at `expectedVersion` (optimistic concurrency); null
   * when someone else changed it first.
   */
  async update(
    id: string,
    expectedVersion: number,
    { revokeTokens, ...changes }: UserChanges,
  ): Promise<UserEntity | null> {
    const revocation = revokeTokens
      ? { tokenVersion: () => 'token_version + 1', tokensRevokedAt: () => 'now()' }
      : {};
    const result = await this.users
      .createQueryBuilder()
      .update()
      .set({ ...changes, ...revocation, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id and version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1 ? this.findById(id) : null;
  }

  async tokenStateOf(id: string): Promise<TokenState | null> {
    const row = await this.users.findOne({
      where: { id },
      select: { tokenVersion: true, deactivatedAt: true },
    });
    return row === null ? null : { tokenVersion: row.tokenVersion, deactivated: row.deactivatedAt !== null };
  }

  /** Users whose token version was bumped after `since`. */
  async revokedSince(since: Date): Promise<TokenRevocation[]> {
    const rows = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.tokenVersion', 'u.tokensRevokedAt'])
      .where('u.tokens_revoked_at > :since', { since })
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      tokenVersion: row.tokenVersion,
      tokensRevokedAt: row.tokensRevokedAt ?? since,
    }));
  }

  /** Serialises bootstrap among replicas starting together. */
  async withBootstrapLock<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['gateway:bootstrap-admin']);
      return work();
    });
  }
}
