import { problemOfDomainError } from '@c2c/platform';
import { GatewayConfig } from '../config';
import { PasswordHasher } from '../identity/password-hasher';
import { UserEntity } from '../identity/user.entity';
import { UsersRepository } from '../identity/users.repository';
import { IssueTokenService } from './issue-token.service';
import { SigningKeysService } from './signing-keys.service';
import { TokenError } from './token.errors';

const user = { id: 'u1', email: 'a@example.org', passwordHash: 'right' } as UserEntity;
const users = {
  findByEmail: (email: string) => Promise.resolve(email === user.email ? user : null),
} as unknown as UsersRepository;
const hasher = {
  verify: (hash: string, password: string) => Promise.resolve(hash === password),
  verifyNothing: () => Promise.resolve(false as const),
} as unknown as PasswordHasher;
const keys = {
  signer: () => Promise.reject(new Error('a refused login must not reach the signing key')),
} as unknown as SigningKeysService;

describe(IssueTokenService.name, () => {
  const service = new IssueTokenService(new GatewayConfig(), users, hasher, keys);

  it.each([
    ['a wrong password', user.email, 'wrong'],
    ['an unknown e-mail', 'nobody@example.org', 'right'],
  ])('refuses %s with the same 401 invalid-credentials', async (_case, email, password) => {
    const error: unknown = await service.issue(email, password).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TokenError);
    const problem = problemOfDomainError(error as TokenError);
    expect(problem.status).toBe(401);
    expect(problem.code).toBe('invalid-credentials');
    expect(problem.detail).toBe('wrong e-mail or password');
  });
});
