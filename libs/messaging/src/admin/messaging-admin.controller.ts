import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@c2c/auth';
import { RunsOwnTransactions } from '@c2c/persistence';
import {
  DeadLetterDetailResponse,
  DeadLetterFilterQuery,
  DeadLetterListResponse,
  DeadLetterPositionParams,
  ReplayDeadLettersDto,
  ReplayResponse,
} from './dto/dead-letter.dto';
import { ConsumerStatusResponse, OutboxStatusResponse } from './dto/messaging-status.dto';
import { MessagingAdmin } from './messaging-admin.service';

/** Where every service serves its operator endpoints; the gateway's admin routes call these. */
export const MESSAGING_ADMIN_PATH = 'admin';

/**
 * One service's operator endpoints, the same in every service that runs messaging. Left out of the
 * service's OpenAPI document on purpose: every service has these paths, so the gateway's route table
 * (built from those documents) would route one public path to four services. The gateway serves its
 * own admin routes instead, which ask every service and merge (apps/gateway/src/admin).
 */
@ApiExcludeController()
@Roles('secretariat')
// A replay applies each letter in a transaction of its own, as the live consumer does.
@RunsOwnTransactions()
@Controller(MESSAGING_ADMIN_PATH)
export class MessagingAdminController {
  constructor(private readonly admin: MessagingAdmin) {}

  @Get('dead-letters')
  async listDeadLetters(@Query() filter: DeadLetterFilterQuery): Promise<DeadLetterListResponse> {
    return { items: await this.admin.deadLetters(filter) };
  }

  @Get('dead-letters/:partition/:offset')
  getDeadLetter(@Param() { partition, offset }: DeadLetterPositionParams): Promise<DeadLetterDetailResponse> {
    return this.admin.deadLetter(partition, offset);
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  async replayDeadLetters(@Body() selection: ReplayDeadLettersDto): Promise<ReplayResponse> {
    return { replayed: await this.admin.replay(selection) };
  }

  @Get('outbox')
  getOutbox(): Promise<OutboxStatusResponse> {
    return this.admin.outbox();
  }

  @Get('consumers')
  getConsumers(): Promise<ConsumerStatusResponse> {
    return this.admin.consumers();
  }
}
