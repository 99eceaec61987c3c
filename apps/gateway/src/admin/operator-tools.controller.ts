import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@c2c/auth';
import type {
  ConsumerStatusResponse,
  DeadLetterListResponse,
  OutboxStatusResponse,
  ReplayResponse,
} from '@c2c/messaging';
import { ApiProblemResponses } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, Authenticated } from '../http/api';
import { ProxyService } from '../routing/proxy.service';
import {
  AdminConsumersResponse,
  AdminDeadLetterParams,
  AdminDeadLettersQuery,
  AdminDeadLettersResponse,
  AdminOutboxResponse,
  AdminReplayDto,
  AdminReplayResponse,
  ServiceDeadLetterDetailResponse,
} from './dto/admin.dto';
import { FannedOut, OperatorToolsService } from './operator-tools.service';

const query = (values: Record<string, string | undefined>): string => {
  const defined = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
};

/** Every answer's items, each naming the service it came from. */
const merged = <T, I>({ answers, missing }: FannedOut<T>, items: (body: T) => I[]) => ({
  items: answers.flatMap(({ service, body }) => items(body).map((item) => ({ service, ...item }))),
  missing,
});

/**
 * The operator tools (secretariat only): dead letters, outbox and consumer lag of every service at
 * once. The services serve the same endpoints each (libs/messaging's admin controller), left out of
 * their documents, so these routes are the gateway's own and merge what each service says.
 */
@ApiTags('admin')
@Authenticated()
@Roles('secretariat')
@Controller(`${API_PREFIX}/admin`)
export class OperatorToolsController {
  constructor(
    private readonly tools: OperatorToolsService,
    private readonly proxy: ProxyService,
  ) {}

  @Get('dead-letters')
  @ApiOperation({
    operationId: 'listDeadLetters',
    summary: 'Dead letters of every consumer group, by service, event type and time (secretariat)',
  })
  @ApiOkResponse({ type: AdminDeadLettersResponse })
  @ApiProblemResponses(400)
  async listDeadLetters(
    @Query() { service, type, since }: AdminDeadLettersQuery,
    @Req() request: FastifyRequest,
  ): Promise<AdminDeadLettersResponse> {
    const answers = await this.tools.each<DeadLetterListResponse>(
      service,
      { method: 'GET', path: `dead-letters${query({ type, since })}` },
      request,
    );
    return merged(answers, (body) => body.items);
  }

  @Get('dead-letters/:service/:partition/:offset')
  @ApiOperation({
    operationId: 'getDeadLetter',
    summary:
      "One dead letter with its error, headers and data, by its service's topic position (secretariat)",
  })
  @ApiOkResponse({ type: ServiceDeadLetterDetailResponse })
  @ApiProblemResponses(400, 404, 503, 504)
  async getDeadLetter(
    @Param() { service, partition, offset }: AdminDeadLetterParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceDeadLetterDetailResponse | Buffer> {
    const response = await this.tools.one(
      service,
      { method: 'GET', path: `dead-letters/${partition}/${offset}` },
      request,
    );
    if (response.status !== 200) return this.proxy.relay(reply, response);
    return {
      service,
      ...(JSON.parse(response.body.toString('utf8')) as Omit<ServiceDeadLetterDetailResponse, 'service'>),
    };
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'replayDeadLetters',
    summary: 'Replay one dead letter, those of a type or since a time, or all of them (secretariat)',
    description:
      'A replay goes through the consumer as live traffic does: an event applied in the meantime is a ' +
      '`duplicate`, and one that fails again is `dead-lettered` anew (the letter replayed stays).',
  })
  @ApiOkResponse({ type: AdminReplayResponse })
  @ApiProblemResponses(400, 404, 503, 504)
  async replayDeadLetters(
    @Body() { service, ...selection }: AdminReplayDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdminReplayResponse | Buffer> {
    const call = { method: 'POST', path: 'dead-letters/replay', body: selection } as const;
    if (selection.partition !== undefined && service !== undefined) {
      // One letter: its service's answer (a 404 for no letter there) is the answer.
      const response = await this.tools.one(service, call, request);
      if (response.status !== 200) return this.proxy.relay(reply, response);
      const { replayed } = JSON.parse(response.body.toString('utf8')) as ReplayResponse;
      return { replayed: replayed.map((result) => ({ service, ...result })), missing: [] };
    }
    const { items, missing } = merged(
      await this.tools.each<ReplayResponse>(service, call, request),
      (b) => b.replayed,
    );
    return { replayed: items, missing };
  }

  @Get('outbox')
  @ApiOperation({
    operationId: 'getOutboxStatus',
    summary: "Each service's outbox backlog and its age (secretariat)",
  })
  @ApiOkResponse({ type: AdminOutboxResponse })
  async getOutbox(@Req() request: FastifyRequest): Promise<AdminOutboxResponse> {
    const answers = await this.tools.each<OutboxStatusResponse>(
      undefined,
      { method: 'GET', path: 'outbox' },
      request,
    );
    return merged(answers, (body) => [body]);
  }

  @Get('consumers')
  @ApiOperation({
    operationId: 'getConsumerLag',
    summary: "Each service's consumer group and its lag per partition, from the broker (secretariat)",
  })
  @ApiOkResponse({ type: AdminConsumersResponse })
  async getConsumers(@Req() request: FastifyRequest): Promise<AdminConsumersResponse> {
    const answers = await this.tools.each<ConsumerStatusResponse>(
      undefined,
      { method: 'GET', path: 'consumers' },
      request,
    );
    return merged(answers, (body) => [body]);
  }
}
