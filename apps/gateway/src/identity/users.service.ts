import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  assertIfMatch,
  decodeCursor,
  Page,
  pageOf,
  Problem,
  ProblemType,
  requireIfMatch,
} from '@c2c/platform';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { PasswordHasher } from './password-hasher';
import { assertRoleScope } from './role-scope';
import { UserEntity } from './user.entity';
import { EmailTaken, UserChanges, UserPosition, UsersRepository } from './users.repository';

const isPosition = (value: unknown): value is UserPosition =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UserPosition).id === 'string' &&
  typeof (value as UserPosition).createdAt === 'string' &&
  !Number.isNaN(Date.parse((value as UserPosition).createdAt));

const notFound = (id: string) => new Problem(ProblemType.NotFound, `user ${id} does not exist`);

/** Managing platform users (secretariat only; the controller enforces who may call). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
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
      if (error instanceof EmailTaken) {
        throw new Problem(ProblemType.Conflict, `a user with e-mail ${input.email} already exists`);
      }
      throw error;
    }
  }

  async list(limit: number, cursor?: string): Promise<Page<UserEntity>> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, isPosition);
    const rows = await this.users.list(limit + 1, after);
    return pageOf(rows, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (user === null) throw notFound(id);
    return user;
  }

  /** Applies a partial update if `If-Match` names the current version (else 428 / 412). */
  async update(id: string, ifMatchHeader: string | undefined, input: UpdateUserDto): Promise<UserEntity> {
    const ifMatch = requireIfMatch(ifMatchHeader);
    const current = await this.get(id);
    assertIfMatch(ifMatch, current.version);
    const role = input.role ?? current.roles[0];
    const cityId = input.cityId === undefined ? current.cityId : input.cityId;
    const commissionIds = input.commissionIds ?? current.commissionIds;
    assertRoleScope({ role, cityId, commissionIds });
    const changes: UserChanges = { roles: [role], cityId, commissionIds: [...new Set(commissionIds)] };
    if (input.name !== undefined) changes.name = input.name;
    if (input.password !== undefined) changes.passwordHash = await this.hasher.hash(input.password);
    const updated = await this.users.update(id, current.version, changes);
    if (updated === null) {
      // Someone else changed it between our read and our write: as stale as a wrong If-Match.
      throw new Problem(ProblemType.PreconditionFailed, 'the user changed meanwhile; read it again');
    }
    return updated;
  }
}
