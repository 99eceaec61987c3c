import { randomUUID } from 'node:crypto';
import type { BestPracticeStatus, BestPracticeSummary, EventData, EventType } from '@c2c/contracts';
import type { RunningService, ServiceWorld, TestPublisher } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import type { PartnershipsConfig } from '../../src/config';
import { BestPracticeModel } from '../../src/best-practice-model/best-practice-model.service';
import type { BestPracticeRecord } from '../../src/best-practice-model/best-practice-projection';

/** Waits until the app's best-practice model holds the practice in `status`. */
export function practiceKnown(
  service: RunningService<PartnershipsConfig>,
  practiceId: string,
  status: BestPracticeStatus,
): Promise<BestPracticeRecord> {
  return eventually(async () => {
    const record = await service.get(BestPracticeModel).find(practiceId);
    expect(record?.status).toBe(status);
    return record!;
  });
}

/**
 * The commissions service's best-practice events without its domain, through its own schema, outbox and
 * relay (the world's publisher), so `c2c.commissions.v1` carries them as the commissions service puts
 * them there: its `ce_source`, one sequence per practice.
 */
export class BestPracticePublisher {
  private readonly practices = new Map<string, BestPracticeSummary>();

  private constructor(private readonly publisher: TestPublisher) {}

  static async open(world: ServiceWorld): Promise<BestPracticePublisher> {
    return new BestPracticePublisher(await world.publisherFor('commissions'));
  }

  /** A city submits a practice to the library; its id. */
  async submit(cityId: string, title = 'Takakura home composting'): Promise<string> {
    const practiceId = randomUUID();
    const practice: BestPracticeSummary = {
      practiceId,
      cityId,
      title,
      challenges: ['environment', 'capacity-building'],
      sdgs: [11, 12],
      cooperationAreas: ['environment-and-climate'],
    };
    this.practices.set(practiceId, practice);
    await this.publish('c2c.best-practice.submitted.v1', practice);
    return practiceId;
  }

  /** An officer publishes a submitted practice. */
  async publishPractice(practiceId: string): Promise<void> {
    await this.publish('c2c.best-practice.published.v1', {
      ...this.summaryOf(practiceId),
      publishedAt: new Date().toISOString(),
    });
  }

  /** A city's practice, submitted and published; its id. */
  async published(cityId: string, title?: string): Promise<string> {
    const practiceId = await this.submit(cityId, title);
    await this.publishPractice(practiceId);
    return practiceId;
  }

  private summaryOf(practiceId: string): BestPracticeSummary {
    const practice = this.practices.get(practiceId);
    if (practice === undefined) throw new Error(`practice ${practiceId} was never submitted here`);
    return practice;
  }

  private async publish<T extends EventType>(
    type: T,
    data: EventData<T> & BestPracticeSummary,
  ): Promise<void> {
    await this.publisher.publish(type, data.practiceId, data);
  }
}
