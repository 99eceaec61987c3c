import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { GatewayConfig } from '../config';
import { PasswordHasher } from './password-hasher';
import { EmailTaken, UsersRepository } from './users.repository';

/**
 * Creates the first secretariat account from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD while no
 * secretariat exists, so a fresh installation can be administered and nothing is created twice.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly config: GatewayConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSecretariat();
  }

  /** True when it created the account. */
  async ensureSecretariat(): Promise<boolean> {
    const email = this.config.BOOTSTRAP_ADMIN_EMAIL;
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password) return false;
    return this.users.withBootstrapLock(async () => {
      if (await this.users.hasSecretariat()) return false;
      try {
        await this.users.insert({
          id: randomUUID(),
          email,
          name: 'Secretariat',
          roles: ['secretariat'],
          cityId: null,
          commissionIds: [],
          passwordHash: await this.hasher.hash(password),
        });
      } catch (error) {
        if (!(error instanceof EmailTaken)) throw error;
        this.logger.warn(
          `no secretariat exists, but ${email} is taken by another account; create one by hand`,
        );
        return false;
      }
      this.logger.log(`created the first secretariat account ${email}`);
      return true;
    });
  }
}
