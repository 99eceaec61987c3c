import { randomUUID } from 'node:crypto';
import { CityLevel, EventData, EventType, MembershipStatus } from '@c2c/contracts';
import { messagingMigrations, Outbox, OutboxRelay } from '@c2c/messaging';
import {
  createServiceDataSource,
  provisionServiceDatabase,
  runMigrations,
  serviceDatabaseUrl,
  TransactionRunner,
} from '@c2c/persistence';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

const SCHEMA = 'cities';

export interface CityInput {
  name: string;
  countryCode: string;
  level?: CityLevel;
  membershipStatus?: MembershipStatus;
}

/**
 * The cities service's publishing path without its domain: its own schema and role, the real outbox
 * and relay, so `c2c.cities.v1` carries exactly what the cities service puts there (headers, keys,
 * per-city sequence).
 */
export class CityPublisher {
  private readonly outbox = new Outbox(SCHEMA);
  private readonly transactions: TransactionRunner;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    this.transactions = new TransactionRunner(dataSource);
  }

  static async start(adminUrl: string, kafka: Kafka, topicPrefix: string): Promise<CityPublisher> {
    const spec = { schema: SCHEMA, role: 'c2c_test_cities', password: 'cities-test' };
    await provisionServiceDatabase(adminUrl, spec);
    const url = serviceDatabaseUrl(adminUrl, spec);
    const dataSource = createServiceDataSource({
      url,
      schema: SCHEMA,
      entities: [],
      migrations: messagingMigrations(SCHEMA),
      applicationName: 'test-cities',
    });
    await dataSource.initialize();
    await runMigrations(dataSource, SCHEMA);
    const relay = new OutboxRelay(dataSource, kafka, {
      schema: SCHEMA,
      databaseUrl: url,
      topicPrefix,
      pollIntervalMs: 200,
    });
    await relay.start();
    return new CityPublisher(dataSource, relay);
  }

  async register(input: CityInput): Promise<string> {
    const cityId = randomUUID();
    await this.publish('c2c.city.registered.v1', cityId, {
      cityId,
      name: input.name,
      countryCode: input.countryCode,
      level: input.level ?? 'municipality',
      membershipStatus: input.membershipStatus ?? 'member',
      registeredAt: new Date().toISOString(),
    });
    return cityId;
  }

  async updateProfile(
    cityId: string,
    changes: EventData<'c2c.city.profile-updated.v1'>['changes'],
  ): Promise<void> {
    await this.publish('c2c.city.profile-updated.v1', cityId, {
      cityId,
      changedFields: Object.keys(changes),
      changes,
      updatedAt: new Date().toISOString(),
    });
  }

  async changeMembership(cityId: string, from: MembershipStatus, to: MembershipStatus): Promise<void> {
    await this.publish('c2c.city.membership-changed.v1', cityId, {
      cityId,
      previousStatus: from,
      membershipStatus: to,
      changedOn: new Date().toISOString().slice(0, 10),
    });
  }

  async archive(cityId: string, name: string, countryCode: string): Promise<void> {
    await this.publish('c2c.city.archived.v1', cityId, {
      cityId,
      name,
      countryCode,
      reason: 'merged into a metropolitan authority',
      archivedAt: new Date().toISOString(),
    });
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.dataSource.destroy();
  }

  private async publish<T extends EventType>(type: T, cityId: string, data: EventData<T>): Promise<void> {
    await this.transactions.run((tx) => this.outbox.add(tx, type, data, { aggregateId: cityId }));
  }
}
