import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigError } from '@c2c/platform';
import { GatewayConfig, LOCAL_BOOTSTRAP_ADMIN, localDefaultsAllowed } from '../config';
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
    if (!localDefaultsAllowed(this.config)) await this.refuseLocalDefaultPassword();
    await this.ensureSecretariat();
  }

  /**
   * Outside local runs, stops the start while a bootstrap account still opens with the committed
   * local password: the account outlives the local run that created it (it is made only while no
   * secretariat exists), and its password is in the README.
   */
  async refuseLocalDefaultPassword(): Promise<void> {
    const emails = new Set([LOCAL_BOOTSTRAP_ADMIN.email, this.config.BOOTSTRAP_ADMIN_EMAIL ?? '']);
    const exposed: string[] = [];
    for (const email of [...emails].filter(Boolean)) {
      const user = await this.users.findByEmail(email);
      if (user && (await this.hasher.verify(user.passwordHash, LOCAL_BOOTSTRAP_ADMIN.password))) {
        exposed.push(user.email);
      }
    }
    if (exposed.length > 0) {
      throw new ConfigError(
        exposed.map(
          (email) =>
            `the account ${email} still has the local default password; change it (or delete the account) before starting without ALLOW_LOCAL_DEFAULTS=true`,
        ),
      );
    }
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
