import type { Tx } from '@c2c/persistence';
import { FixedClock } from '@c2c/platform';
import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import type { BestPractice, PracticeContent, PracticeTransfer } from '../../src/best-practices/best-practice';
import type { BestPracticeStore, PracticeFilter, PracticePosition } from '../../src/best-practices/ports';
import { FindBestPractices } from '../../src/best-practices/usecases/find-best-practices.query';
import { PublishBestPractice } from '../../src/best-practices/usecases/publish-best-practice.usecase';
import { ReturnBestPractice } from '../../src/best-practices/usecases/return-best-practice.usecase';
import { ReviseBestPractice } from '../../src/best-practices/usecases/revise-best-practice.usecase';
import { SubmitBestPractice } from '../../src/best-practices/usecases/submit-best-practice.usecase';
import { FakeCommissionState, portsOf } from './fake-commission-ports';

export * from './fake-commission-ports';
export { FIRST, SECOND } from './commission-unit-fixtures';

const copy = <T extends object>(value: T): T => structuredClone(value);

/** The library in memory. Full-text search is PostgreSQL's, so `text` is proven in the HTTP tier only. */
export class FakePractices implements BestPracticeStore {
  readonly rows = new Map<string, BestPractice>();
  readonly transfers: PracticeTransfer[] = [];

  insert(_tx: Tx, practice: BestPractice): Promise<void> {
    this.rows.set(practice.id, copy(practice));
    return Promise.resolve();
  }
  update(tx: Tx, practice: BestPractice): Promise<void> {
    return this.insert(tx, practice);
  }
  findForUpdate(_tx: Tx, id: string): Promise<BestPractice | null> {
    return this.findById(id);
  }
  findById(id: string): Promise<BestPractice | null> {
    const found = this.rows.get(id);
    return Promise.resolve(found ? copy(found) : null);
  }
  list(filter: PracticeFilter, take: number, after?: PracticePosition): Promise<BestPractice[]> {
    if (filter.text !== undefined) throw new Error('full-text search is not faked');
    const rows = [...this.rows.values()]
      .filter((p) => filter.statuses.includes(p.status))
      .filter((p) => filter.cityId === undefined || p.cityId === filter.cityId)
      .filter((p) => filter.challenge === undefined || p.challenges.includes(filter.challenge))
      .filter((p) => filter.sdg === undefined || p.sdgs.includes(filter.sdg))
      .filter(
        (p) => filter.cooperationArea === undefined || p.cooperationAreas.includes(filter.cooperationArea),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .filter((p) => after === undefined || p.createdAt.toISOString() < after.createdAt);
    return Promise.resolve(rows.slice(0, take).map(copy));
  }
  transfersOf(practiceId: string): Promise<PracticeTransfer[]> {
    return Promise.resolve(this.transfers.filter((t) => t.practiceId === practiceId).map(copy));
  }
  recordTransfer(_tx: Tx, transfer: PracticeTransfer): Promise<void> {
    if (!this.transfers.some((t) => t.activityId === transfer.activityId))
      this.transfers.push(copy(transfer));
    return Promise.resolve();
  }
}

/** A practice's content as a city officer would send it. */
export const practiceContent = (overrides: Partial<PracticeContent> = {}): PracticeContent => ({
  title: 'Takakura home composting',
  problem: 'Organic waste was half of what the city burned.',
  solution: 'Households compost in baskets with a starter of fermented rice bran.',
  results: 'Household waste fell by a fifth in five years.',
  lessons: 'Train community facilitators first.',
  contact: {
    name: 'Aiko Tanaka',
    role: 'Environment Bureau',
    email: 'aiko@example.org',
    phone: '+81 93 000',
  },
  challenges: ['environment', 'urbanization'],
  sdgs: [11, 12],
  cooperationAreas: ['environment-and-climate'],
  ...overrides,
});

/** The unit tier's world for the library: each use case wired to the same fakes and a fixed clock. */
export function practiceSetup(now = new Date('2026-06-02T09:00:00Z')) {
  const clock = new FixedClock(now);
  const state = new FakeCommissionState(now);
  const outbox = new FakeOutbox();
  const practices = new FakePractices();
  const { cities, commissions } = portsOf(state);
  const submit = new SubmitBestPractice(fakeTransactions, practices, cities, outbox, clock);
  const revise = new ReviseBestPractice(fakeTransactions, practices, outbox, clock);
  const publish = new PublishBestPractice(fakeTransactions, practices, commissions, outbox, clock);
  const returnIt = new ReturnBestPractice(fakeTransactions, practices, commissions, outbox, clock);
  const find = new FindBestPractices(practices);
  const [kitakyushu, surabaya] = [state.city('Kitakyushu'), state.city('Surabaya', { countryCode: 'ID' })];
  return { clock, state, outbox, practices, submit, revise, publish, returnIt, find, kitakyushu, surabaya };
}
