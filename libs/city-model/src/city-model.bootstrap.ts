import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { MESSAGING_OPTIONS, MessagingModuleOptions, topicName } from '@c2c/messaging';
import { Kafka } from 'kafkajs';
import { CITY_MODEL_OPTIONS, type CityModelModuleOptions } from './city-model.options';
import { CityModelRebuild } from './city-model.rebuild';
import { CityModelRepository } from './city-model.repository';

/**
 * At start, an empty city model under a consumer group that has already read `c2c.cities.v1` (the
 * database was restored or the table emptied) would never fill again: the group resumes at its offsets.
 * Then the model is rebuilt from the beginning of the topic, in the background. A brand-new group needs
 * nothing: it reads the topic from the beginning anyway.
 */
@Injectable()
export class CityModelBootstrap implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('city-model');
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    @Inject(CITY_MODEL_OPTIONS) private readonly options: CityModelModuleOptions,
    private readonly cities: CityModelRepository,
    private readonly rebuild: CityModelRebuild,
    private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.rebuildOnEmpty) return;
    this.running = this.rebuildIfEmpty().catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.logger.error({ err: error, msg: 'city model rebuild failed' });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /** Resolves when the start-up check (and the rebuild it may have started) is over; tests wait on it. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async rebuildIfEmpty(): Promise<void> {
    if ((await this.cities.count()) > 0 || !(await this.liveGroupHasRead())) return;
    this.logger.log('the city model is empty but its consumer group has read the topic: rebuilding');
    const report = await this.rebuild.run({ wait: false, signal: this.abort.signal });
    if (report) this.logger.log(`city model rebuilt: ${report.cities} cities`);
  }

  private async liveGroupHasRead(): Promise<boolean> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topic = topicName(this.messaging.topicPrefix, 'c2c.cities.v1');
      if (!(await admin.listTopics()).includes(topic)) return false;
      const groupId = this.messaging.groupId ?? this.messaging.service;
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (offsets?.partitions ?? []).some((partition) => Number(partition.offset) >= 0);
    } finally {
      await admin.disconnect();
    }
  }
}
