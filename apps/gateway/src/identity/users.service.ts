import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { cursorOf, Page, pageOf } from '@c2c/platform';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { PasswordHasher } from './password-hasher';
import { assertRoleScope } from './role-scope';
import { UserTokenVersions } from './user-token-versions';
import { UserEntity } from './user.entity';
import { UserError } from './users.errors';
import { EmailTaken, UserChanges, UserPosition, UsersRepository } from './users.repository';

/** Oldest first: the (createdAt, id) of the last user of the page before. */
const USER_CURSOR = cursorOf({ createdAt: 'timestamp', id: 'uuid' });

/** Managing platform users (secretariat only; the controller enforces who may call). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokenVersions: UserTokenVersions,
  ) {}

  async create(input: CreateUserDto): Promise<UserEntity> {
    const scope = {
      role: input.role,
      cityId: input.cityId ?? null,
      commissionIds: input.commissionIds ?? [],
    };
    assertRoleScope(scope);
    try {
      return await this.users.insert({
        id: randomUUID(),
        email: input.email.trim(),
        name: input.name,
        roles: [scope.role],
        cityId: scope.cityId,
        commissionIds: [...new Set(scope.commissionIds)],
        passwordHash: await this.hasher.hash(input.password),
      });
    } catch (error) {
      if (error instanceof EmailTaken) throw UserError.emailTaken(input.email);
      throw error;
    }
  }

  async list(limit: number, cursor?: string): Promise<Page<UserEntity>> {
    const after: UserPosition | undefined = cursor === undefined ? undefined : USER_CURSOR.decode(cursor);
    const rows = await this.users.list(limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (user === null) throw UserError.notFound(id);
    return user;
  }

  /**
   * Applies a partial update if the user is still at `expectedVersion` (`undefined`: whatever version
   * it is at); a stale version is refused with the current one.
   */
  async update(id: string, expectedVersion: number | undefined, input: UpdateUserDto): Promise<UserEntity> {
    const current = await this.get(id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw UserError.versionMismatch(current.version);
    }
    const role = input.role ?? current.roles[0];
    const cityId = input.cityId === undefined ? current.cityId : input.cityId;
    const commissionIds = input.commissionIds ?? current.commissionIds;
    assertRoleScope({ role, cityId, commissionIds });
    const changes: UserChanges = { roles: [role], cityId, commissionIds: [...new Set(commissionIds)] };
    if (input.name !== undefined) changes.name = input.name;
    if (input.password !== undefined) changes.passwordHash = await this.hasher.hash(input.password);
    // A token states the caller's role and scope, and a changed password means someone else may
    // know the old one: either way the tokens issued before must end now, not at their expiry.
    changes.revokeTokens = input.password !== undefined || !sameScope(current, changes);
    const updated = await this.users.update(id, current.version, changes);
    this.tokenVersions.forget(id);
    if (updated === null) {
      // Someone else changed it between our read and our write: as stale as a wrong If-Match.
      throw UserError.versionMismatch();
    }
    return updated;
  }

  /**
   * Ends a user's access: no login, and every token it holds is refused (the gateway within its
   * user cache's seconds, the services at their next read of the revocation feed). Deactivating a
   * deactivated user changes nothing.
   */
  deactivate(id: string, expectedVersion: number | undefined): Promise<UserEntity> {
    return this.setActive(id, expectedVersion, false);
  }

  /** Lets a deactivated user log in again; tokens from before the deactivation stay refused. */
  reactivate(id: string, expectedVersion: number | undefined): Promise<UserEntity> {
    return this.setActive(id, expectedVersion, true);
  }

  private async setActive(
    id: string,
    expectedVersion: number | undefined,
    active: boolean,
  ): Promise<UserEntity> {
    const current = await this.get(id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw UserError.versionMismatch(current.version);
    }
    if ((current.deactivatedAt === null) === active) return current;
    const updated = await this.users.update(id, current.version, {
      deactivatedAt: active ? null : new Date(),
      revokeTokens: true,
    });
    this.tokenVersions.forget(id);
    if (updated === null) throw UserError.versionMismatch();
    return updated;
  }
}

function sameScope(current: UserEntity, changes: UserChanges): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
  return (
    same(current.roles, changes.roles ?? current.roles) &&
    (changes.cityId === undefined ? true : changes.cityId === current.cityId) &&
    same(current.commissionIds, changes.commissionIds ?? current.commissionIds)
  );
}
