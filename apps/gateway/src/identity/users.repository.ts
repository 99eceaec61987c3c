import { Injectable } from '@nestjs/common';
import { sqlState } from '@c2c/persistence';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface UserPosition {
  createdAt: string;
  id: string;
}

export type NewUser = Omit<UserEntity, 'version' | 'createdAt' | 'updatedAt'>;
export type UserChanges = Partial<
  Pick<UserEntity, 'name' | 'roles' | 'cityId' | 'commissionIds' | 'passwordHash'>
>;

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
      const row = this.users.create({ ...user, version: 1, createdAt: now, updatedAt: now });
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
  async update(id: string, expectedVersion: number, changes: UserChanges): Promise<UserEntity | null> {
    const result = await this.users
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id and version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1 ? this.findById(id) : null;
  }

  /** Serialises bootstrap among replicas starting together. */
  async withBootstrapLock<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['gateway:bootstrap-admin']);
      return work();
    });
  }
}
