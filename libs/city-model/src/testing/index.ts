import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CityLevel, EventData, EventType, MembershipStatus } from '@c2c/contracts';
import type { ServiceConfig } from '@c2c/platform';
import type { RunningService, ServiceWorld, TestPublisher } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { CityModel } from '../city-model.service';
import type { CityRecord } from '../city-projection';

// Test helpers of every service that keeps the city read model (tests only: `@c2c/city-model/testing`).

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Runs a service's `scripts/rebuild-city-model.ts` as an operator would, against the app's database
 * and topics; its exit code and everything it printed.
 */
export function runCityModelRebuildScript(
  service: RunningService<ServiceConfig>,
  script: string,
  ...args: string[]
): Promise<{ code: number | null; output: string }> {
  const { config } = service;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      KAFKA_BROKERS: config.KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: config.KAFKA_TOPIC_PREFIX,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** Waits until the app's city model knows these cities (and, with `archived`, knows them archived). */
export function citiesKnown(
  service: RunningService<ServiceConfig>,
  ids: string[],
  archived = false,
): Promise<Map<string, CityRecord>> {
  return eventually(async () => {
    const known = await service.get(CityModel).lookup(ids);
    for (const id of ids) {
      expect(known.get(id)?.name).toBeTruthy();
      expect(known.get(id)?.archivedAt != null).toBe(archived);
    }
    return known;
  });
}

export interface CityInput {
  name: string;
  countryCode: string;
  level?: CityLevel;
  membershipStatus?: MembershipStatus;
  /** A fixed id, for tests that name the city in constants; a fresh one otherwise. */
  cityId?: string;
  contactOfficers?: EventData<'c2c.city.registered.v1'>['contactOfficers'];
}

/**
 * The cities service's events without its domain, through its own schema, outbox and relay (the
 * world's publisher), so `c2c.cities.v1` carries exactly what the cities service puts there.
 */
export class CityPublisher {
  private constructor(private readonly publisher: TestPublisher) {}

  static async open(world: ServiceWorld): Promise<CityPublisher> {
    return new CityPublisher(await world.publisherFor('cities'));
  }

  async register(input: CityInput): Promise<string> {
    const cityId = input.cityId ?? randomUUID();
    await this.publish('c2c.city.registered.v1', cityId, {
      cityId,
      name: input.name,
      countryCode: input.countryCode,
      level: input.level ?? 'municipality',
      membershipStatus: input.membershipStatus ?? 'member',
      registeredAt: new Date().toISOString(),
      ...(input.contactOfficers === undefined ? {} : { contactOfficers: input.contactOfficers }),
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

  private async publish<T extends EventType>(type: T, cityId: string, data: EventData<T>): Promise<void> {
    await this.publisher.publish(type, cityId, data);
  }
}
