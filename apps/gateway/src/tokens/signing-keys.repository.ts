import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

/** The only place with SQL about signing keys. */
@Injectable()
export class SigningKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keys not yet retired at `now`: the JWKS, and the candidates for signing. */
  unretired(now: Date, tx: EntityManager = this.dataSource.manager): Promise<SigningKeyEntity[]> {
    return tx
      .getRepository(SigningKeyEntity)
      .createQueryBuilder('k')
      .where('k.retires_at is null or k.retires_at > :now', { now })
      .orderBy('k.activates_at', 'DESC')
      .addOrderBy('k.created_at', 'DESC')
      .getMany();
  }

  /**
   * Runs a rotation decision under a lock, so replicas starting together make one key, not one each.
   */
  withRotationLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['gateway:signing-key-rotation']);
      return work(tx);
    });
  }

  async add(tx: EntityManager, key: SigningKeyEntity, retireOthersAt: Date): Promise<void> {
    await tx
      .getRepository(SigningKeyEntity)
      .createQueryBuilder()
      .update()
      .set({ retiresAt: retireOthersAt })
      .where('retires_at is null or retires_at > :at', { at: retireOthersAt })
      .execute();
    await tx.getRepository(SigningKeyEntity).insert(key);
  }

  /** Forgets keys retired long ago; their tokens expired well before. */
  async deleteRetiredBefore(at: Date): Promise<void> {
    await this.dataSource
      .getRepository(SigningKeyEntity)
      .createQueryBuilder()
      .delete()
      .where('retires_at < :at', { at })
      .execute();
  }
}
