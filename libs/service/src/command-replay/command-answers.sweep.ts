import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { TransactionRunner } from '@c2c/persistence';
import { CommandAnswersRepository } from './command-answers.repository';

/** Injection token of how many hours answers are kept (`COMMAND_ANSWER_TTL_HOURS` of the config). */
export const COMMAND_ANSWER_TTL = Symbol('CommandAnswerTtlHours');
/** Old answers are only garbage (nothing replays them once the gateway forgot the key). */
const SWEEP_EVERY_MS = 3_600_000;

/** The hourly job deleting command answers older than the configured `COMMAND_ANSWER_TTL_HOURS`. */
@Injectable()
export class CommandAnswersSweep {
  private readonly logger = new Logger(CommandAnswersSweep.name);
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly answers: CommandAnswersRepository,
    @Inject(COMMAND_ANSWER_TTL) private readonly ttlHours: number,
  ) {}

  /** Never throws: a failed run is logged, the next one retries. */
  @Interval('command-answers-sweep', SWEEP_EVERY_MS)
  async sweep(): Promise<number> {
    try {
      return await this.transactions.run((tx) => this.answers.deleteOlderThan(tx, this.ttlHours));
    } catch (error) {
      this.logger.error({ err: error }, 'deleting old command answers failed');
      return 0;
    }
  }
}
