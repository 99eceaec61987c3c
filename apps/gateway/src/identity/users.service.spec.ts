import { problemOfDomainError, problemTypeUri } from '@c2c/platform';
import { PasswordHasher } from './password-hasher';
import { UserTokenVersions } from './user-token-versions';
import { UserEntity } from './user.entity';
import { UserError, UserErrorCode } from './users.errors';
import { EmailTaken, NewUser, UserChanges, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const ID = '7d1f9a52-5d7e-4c1e-9a53-0f6f1c2b3a4d';

/** The repository's contract, in memory: versions and the e-mail's uniqueness. */
class FakeUsersRepository {
  readonly rows = new Map<string, UserEntity>();
  /** Set to make the next update lose to a concurrent writer. */
  loseNextUpdate = false;

  insert(user: NewUser): Promise<UserEntity> {
    if ([...this.rows.values()].some((row) => row.email.toLowerCase() === user.email.toLowerCase())) {
      return Promise.reject(new EmailTaken(user.email));
    }
    const now = new Date('2026-01-01T00:00:00Z');
    const row: UserEntity = {
      ...user,
      version: 1,
      tokenVersion: 1,
      tokensRevokedAt: null,
      deactivatedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.rows.set(row.id, row);
    return Promise.resolve(row);
  }

  findById(id: string): Promise<UserEntity | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  update(
    id: string,
    expectedVersion: number,
    { revokeTokens, ...changes }: UserChanges,
  ): Promise<UserEntity | null> {
    const row = this.rows.get(id);
    if (row === undefined || row.version !== expectedVersion || this.loseNextUpdate) {
      this.loseNextUpdate = false;
      return Promise.resolve(null);
    }
    const revocation = revokeTokens
      ? { tokenVersion: row.tokenVersion + 1, tokensRevokedAt: new Date() }
      : {};
    const updated = { ...row, ...changes, ...revocation, version: row.version + 1 };
    this.rows.set(id, updated);
    return Promise.resolve(updated);
  }
}

const hasher = { hash: (password: string) => Promise.resolve(`hashed:${password}`) } as PasswordHasher;

async function refusal(work: Promise<unknown>): Promise<UserError> {
  const error: unknown = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof UserError) return error;
  throw new Error(`expected a UserError, got ${String(error)}`);
}

describe(UsersService.name, () => {
  let repository: FakeUsersRepository;
  let service: UsersService;
  /** Users whose cached token state the service dropped. */
  let forgotten: string[];

  beforeEach(() => {
    repository = new FakeUsersRepository();
    forgotten = [];
    const tokenVersions = { forget: (id: string) => forgotten.push(id) } as unknown as UserTokenVersions;
    service = new UsersService(repository as unknown as UsersRepository, hasher, tokenVersions);
  });

  const create = (email = 'officer@seoul.example') =>
    service.create({ email, name: 'Officer', password: 'long-enough-password', role: 'observer' });

  it('refuses a taken e-mail as a conflict clients know by the `conflict` type', async () => {
    await create('Taken@Example.org');
    const error = await refusal(create('taken@example.org'));
    expect(error.code).toBe(UserErrorCode.EmailTaken);
    const problem = problemOfDomainError(error);
    expect(problem.status).toBe(409);
    expect(problemTypeUri(problem.code)).toBe(problemTypeUri('conflict'));
    expect(problem.title).toBe('Conflict');
  });

  it('refuses an unknown user as not found', async () => {
    const problem = problemOfDomainError(await refusal(service.get(ID)));
    expect([problem.status, problem.code]).toEqual([404, 'not-found']);
  });

  it('refuses a role without its scope with the failing fields', async () => {
    const error = await refusal(
      service.create({
        email: 'c@x.example',
        name: 'C',
        password: 'long-enough-password',
        role: 'city-officer',
      }),
    );
    const problem = problemOfDomainError(error);
    expect([problem.status, problem.code]).toEqual([400, 'validation-error']);
    expect(problem.errors).toEqual([{ field: 'cityId', message: 'a city-officer needs a cityId' }]);
  });

  it('updates at the expected version, or at any version when none is given', async () => {
    const user = await create();
    expect((await service.update(user.id, 1, { name: 'Renamed' })).version).toBe(2);
    expect((await service.update(user.id, undefined, { name: 'Again' })).version).toBe(3);
  });

  it('refuses a stale version with the current one as the ETag', async () => {
    const user = await create();
    await service.update(user.id, 1, { name: 'Renamed' });
    const problem = problemOfDomainError(await refusal(service.update(user.id, 1, { name: 'Late' })));
    expect([problem.status, problem.code]).toEqual([412, 'precondition-failed']);
    expect(problem.headers.etag).toBe('W/"2"');
  });

  it('refuses an update lost to a concurrent writer as stale', async () => {
    const user = await create();
    repository.loseNextUpdate = true;
    const problem = problemOfDomainError(await refusal(service.update(user.id, 1, { name: 'Lost' })));
    expect(problem.status).toBe(412);
    expect(problem.code).toBe('precondition-failed');
  });

  describe('token revocation', () => {
    it('ends older tokens on a password change and on a role or scope change, not on a rename', async () => {
      const user = await create();
      expect((await service.update(user.id, undefined, { name: 'Renamed' })).tokenVersion).toBe(1);
      expect(
        (await service.update(user.id, undefined, { password: 'another-long-password' })).tokenVersion,
      ).toBe(2);
      expect((await service.update(user.id, undefined, { role: 'secretariat' })).tokenVersion).toBe(3);
      expect((await service.update(user.id, undefined, { role: 'secretariat' })).tokenVersion).toBe(3);
      expect(forgotten).toContain(user.id);
    });

    it('deactivates (no-op when already so) and reactivates, bumping the token version each time', async () => {
      const user = await create();
      const deactivated = await service.deactivate(user.id, 1);
      expect(deactivated).toMatchObject({ tokenVersion: 2, version: 2 });
      expect(deactivated.deactivatedAt).toBeInstanceOf(Date);
      expect(await service.deactivate(user.id, undefined)).toMatchObject({ tokenVersion: 2, version: 2 });
      const reactivated = await service.reactivate(user.id, 2);
      expect(reactivated).toMatchObject({ tokenVersion: 3, version: 3, deactivatedAt: null });
    });

    it('refuses a stale If-Match on deactivation', async () => {
      const user = await create();
      await service.update(user.id, 1, { name: 'Renamed' });
      const problem = problemOfDomainError(await refusal(service.deactivate(user.id, 1)));
      expect(problem.status).toBe(412);
    });
  });
});
