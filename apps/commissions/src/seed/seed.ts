import { setTimeout as delay } from 'node:timers/promises';
import { NestFactory } from '@nestjs/core';
import { systemUser } from '@c2c/auth';
import { CityModel } from '@c2c/city-model';
import { AppModule } from '../app.module';
import { FindBestPractices } from '../best-practices/usecases/find-best-practices.query';
import { PublishBestPractice } from '../best-practices/usecases/publish-best-practice.usecase';
import { SubmitBestPractice } from '../best-practices/usecases/submit-best-practice.usecase';
import { CommissionError, CommissionErrorCode } from '../commissions/commission.errors';
import { ApproveMembershipRequest } from '../commissions/usecases/approve-membership-request.usecase';
import { FindCommissions } from '../commissions/usecases/find-commissions.query';
import { RequestMembership } from '../commissions/usecases/request-membership.usecase';
import { UpdateCommission } from '../commissions/usecases/update-commission.usecase';
import type { CommissionsConfig } from '../config';
import { FindMeetings } from '../meetings/usecases/find-meetings.query';
import { HoldMeeting } from '../meetings/usecases/hold-meeting.usecase';
import { ScheduleMeeting } from '../meetings/usecases/schedule-meeting.usecase';
import { AdoptResolution } from '../resolutions/usecases/adopt-resolution.usecase';
import { DEMO_CITY_NAMES, DEMO_MEETING, DEMO_PRACTICES, DEMO_SEATS } from './demo-forum';

/** The demo-data loader acts for the secretariat, under a name its records show. */
const SYSTEM_USER = systemUser('commissions');

export interface ForumSeedResult {
  memberships: number;
  meetings: number;
  practices: number;
  /** Demo cities this service does not know as active members: what names them was left out. */
  unknownCities: string[];
}

/** Where the seed finds the service's providers: the job's application context, or a test's app. */
export interface Providers {
  get<T>(type: abstract new (...args: never[]) => T): T;
}

/** Demo city ids by name, as the service's city read model knows them (active members only). */
export type DemoCities = ReadonlyMap<string, string>;

/**
 * Loads the demo forum through the service's own use cases, so every record has its event, and only
 * where missing: a second run adds nothing. Whatever names a city the read model does not hold as an
 * active member is skipped (and reported), never half-written.
 */
export async function seedForum(app: Providers, cities: DemoCities): Promise<ForumSeedResult> {
  const result: ForumSeedResult = { memberships: 0, meetings: 0, practices: 0, unknownCities: [] };
  const idOf = (name: string): string | undefined => {
    const id = cities.get(name);
    if (id === undefined && !result.unknownCities.includes(name)) result.unknownCities.push(name);
    return id;
  };

  for (const seat of DEMO_SEATS) {
    const cityId = idOf(seat.city);
    if (cityId === undefined) continue;
    try {
      const request = await app.get(RequestMembership).execute(SYSTEM_USER, seat.commissionId, {
        cityId,
        motivation: 'A founding member of the commission.',
      });
      await app.get(ApproveMembershipRequest).execute(SYSTEM_USER, seat.commissionId, request.id);
      result.memberships++;
    } catch (error) {
      if (!(error instanceof CommissionError) || error.code !== CommissionErrorCode.AlreadyMember)
        throw error;
    }
  }
  for (const commissionId of new Set(DEMO_SEATS.map((seat) => seat.commissionId))) {
    const { commission } = await app.get(FindCommissions).byId(commissionId);
    if (commission.chairCityId !== null) continue;
    const seats = DEMO_SEATS.filter((seat) => seat.commissionId === commissionId);
    const chair = seats.find((seat) => seat.role === 'chair');
    const chairCityId = chair === undefined ? undefined : cities.get(chair.city);
    if (chairCityId === undefined) continue;
    const viceChairCityIds = seats
      .filter((seat) => seat.role === 'vice-chair')
      .flatMap((seat) => cities.get(seat.city) ?? []);
    await app
      .get(UpdateCommission)
      .execute(SYSTEM_USER, commissionId, { chairCityId, viceChairCityIds }, commission.version);
  }

  const meetings = await app.get(FindMeetings).page(DEMO_MEETING.commissionId, 1);
  const hostCityId = idOf(DEMO_MEETING.host);
  if (meetings.items.length === 0 && hostCityId !== undefined) {
    const { commissionId } = DEMO_MEETING;
    const meeting = await app.get(ScheduleMeeting).execute(SYSTEM_USER, commissionId, {
      title: DEMO_MEETING.title,
      startsAt: DEMO_MEETING.startsAt,
      timeZone: DEMO_MEETING.timeZone,
      hostCityId,
      agenda: DEMO_MEETING.agenda,
    });
    await app.get(HoldMeeting).execute(SYSTEM_USER, commissionId, meeting.id, {
      attendingCityIds: DEMO_MEETING.attending.flatMap((name) => idOf(name) ?? []),
      minutes: DEMO_MEETING.minutes,
    });
    const { actions, ...resolution } = DEMO_MEETING.resolution;
    await app.get(AdoptResolution).execute(SYSTEM_USER, commissionId, {
      ...resolution,
      meetingId: meeting.id,
      actions: actions.flatMap(({ owner, ...action }) => {
        const ownerCityId = idOf(owner);
        return ownerCityId === undefined ? [] : [{ ...action, ownerCityId }];
      }),
    });
    result.meetings++;
  }

  for (const { city, publishedBy, ...content } of DEMO_PRACTICES) {
    const cityId = idOf(city);
    if (cityId === undefined) continue;
    const existing = await app.get(FindBestPractices).page(SYSTEM_USER, { cityId, status: 'all' }, 100);
    if (existing.items.some((practice) => practice.title === content.title)) continue;
    const practice = await app.get(SubmitBestPractice).execute(SYSTEM_USER, { cityId, ...content });
    if (publishedBy !== undefined) {
      await app.get(PublishBestPractice).execute(SYSTEM_USER, practice.id, publishedBy);
    }
    result.practices++;
  }
  return result;
}

/**
 * The demo cities this service knows as active AMF members, waiting up to `timeoutMs` for the city
 * read model to catch up with `c2c.cities.v1` (the cities demo data is loaded moments before).
 */
export async function demoCitiesKnown(app: Providers, timeoutMs: number): Promise<DemoCities> {
  const deadline = Date.now() + timeoutMs;
  const model = app.get(CityModel);
  for (;;) {
    const members = (await model.findByNames([...DEMO_CITY_NAMES])).filter(
      (city) => city.membershipStatus === 'member' && city.archivedAt === null && city.name !== null,
    );
    const known = new Map(members.map((city) => [city.name ?? '', city.cityId]));
    if (known.size === DEMO_CITY_NAMES.length || Date.now() >= deadline) return known;
    await delay(250);
  }
}

/**
 * The demo-data loader as a one-off job beside the running service: the service's own modules, with
 * the outbox, the topics and the scheduler left to the service.
 */
export async function runSeed(config: CommissionsConfig, timeoutMs = 60_000): Promise<ForumSeedResult> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { job: true }), {
    logger: ['error', 'warn'],
  });
  try {
    return await seedForum(app, await demoCitiesKnown(app, timeoutMs));
  } finally {
    await app.close();
  }
}
