import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, mayReachContacts, Roles } from '@c2c/auth';
import { COMMON_CHALLENGE_LABELS, COMMON_CHALLENGES, COOPERATION_AREAS, SDG_TITLES } from '@c2c/contracts';
import { ApiIfMatch, ExpectedVersion, IdParams, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import {
  CreatesVersioned,
  ReturnsPage,
  ReturnsVersioned,
  Unprocessable,
  withETag,
} from '../commissions/commission-route.decorators';
import {
  BestPracticePageResponse,
  BestPracticeResponse,
  ListBestPracticesDto,
  PracticeCatalogueResponse,
  PracticeContentDto,
  PublishBestPracticeDto,
  ReturnBestPracticeDto,
  SubmitBestPracticeDto,
  toPracticePageResponse,
  toPracticeResponse,
} from './dto/best-practice.dto';
import { FindBestPractices } from './usecases/find-best-practices.query';
import { PublishBestPractice } from './usecases/publish-best-practice.usecase';
import { ReturnBestPractice } from './usecases/return-best-practice.usecase';
import { ReviseBestPractice } from './usecases/revise-best-practice.usecase';
import { SubmitBestPractice } from './usecases/submit-best-practice.usecase';

const audienceOf = (user: AuthenticatedUser) => ({ reachesContacts: mayReachContacts(user) });

const NOT_SUBMITTED =
  'Only a submitted practice is reviewed (409 `best-practice-not-submitted`, with `currentStatus`). A ' +
  'commission officer reviews for one of its commissions: the one it names in `commissionId`, or its only one.';

// The catalogue is the contract's vocabularies: built once, the same for every caller.
const CATALOGUE: PracticeCatalogueResponse = {
  challenges: COMMON_CHALLENGES.map((id) => ({ id, label: COMMON_CHALLENGE_LABELS[id] })),
  sdgs: Object.entries(SDG_TITLES).map(([goal, title]) => ({ goal: Number(goal), title })),
  cooperationAreas: [...COOPERATION_AREAS],
};

/**
 * The best-practice library: a city submits its practice, a reviewer (the secretariat or a commission
 * officer) publishes it or returns it with comments, and every signed-in role reads what is published.
 */
@ApiTags('best-practices')
@ApiBearerAuth()
@Controller()
export class BestPracticesController {
  constructor(
    private readonly find: FindBestPractices,
    private readonly submission: SubmitBestPractice,
    private readonly revision: ReviseBestPractice,
    private readonly publication: PublishBestPractice,
    private readonly returning: ReturnBestPractice,
  ) {}

  @Get('common-challenges')
  @ApiOperation({
    operationId: 'getPracticeCatalogue',
    summary: 'The common challenges, SDGs and cooperation areas that practices are tagged with',
  })
  @ApiOkResponse({ type: PracticeCatalogueResponse })
  catalogue(): PracticeCatalogueResponse {
    return CATALOGUE;
  }

  @Get('best-practices')
  @ApiOperation({
    operationId: 'listBestPractices',
    summary: 'Search and filter the library, newest first',
    description:
      'The published library by default. `status` lists unpublished practices too: the reviewers see every ' +
      'city’s, a city officer its own city’s (with `cityId`); asking for what one may not see is 403.',
  })
  @ReturnsPage(BestPracticeResponse, 400, 403)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListBestPracticesDto,
  ): Promise<Page<BestPracticeResponse>> {
    const { limit, cursor, q, ...filter } = query;
    const page = await this.find.page(user, { ...filter, text: q }, limit, cursor);
    const audience = audienceOf(user);
    return { ...page, items: page.items.map((p) => toPracticeResponse(p, audience)) };
  }

  @Post('best-practices')
  @Roles('secretariat', 'city-officer')
  @ApiOperation({
    operationId: 'submitBestPractice',
    summary: 'Submit a practice of a city (secretariat, or an officer of that city)',
    description: 'It is `submitted`, and in the public library only once a reviewer publishes it.',
  })
  @CreatesVersioned(BestPracticeResponse, 400, 403)
  @Unprocessable('Type `city-unknown`: the city is unknown to this service, or archived.')
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SubmitBestPracticeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestPracticeResponse> {
    const practice = await this.submission.execute(user, body);
    void reply.header('location', `/best-practices/${practice.id}`);
    return withETag(reply, practice.version, toPracticeResponse(practice, audienceOf(user)));
  }

  @Get('best-practices/:id')
  @ApiOperation({
    operationId: 'getBestPractice',
    summary: 'A practice, with the partnerships that transferred it',
    description: 'An unpublished practice is 404 to those who may not see it.',
  })
  @ReturnsVersioned(BestPracticePageResponse, 400, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestPracticePageResponse> {
    const page = await this.find.one(user, id);
    return withETag(reply, page.practice.version, toPracticePageResponse(page, audienceOf(user)));
  }

  @Put('best-practices/:id')
  @Roles('secretariat', 'city-officer')
  @ApiOperation({
    operationId: 'reviseBestPractice',
    summary:
      'Revise a practice not yet published and submit it again (secretariat, or an officer of its city)',
    description:
      'Replaces the whole content; the practice is `submitted` again. A published practice is not revised ' +
      '(409 `best-practice-published`).',
  })
  @ApiIfMatch(true)
  @ReturnsVersioned(BestPracticeResponse, 400, 403, 404, 409, 412, 428)
  async revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: PracticeContentDto,
    @ExpectedVersion(true) expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestPracticeResponse> {
    const practice = await this.revision.execute(user, id, body, expectedVersion);
    return withETag(reply, practice.version, toPracticeResponse(practice, audienceOf(user)));
  }

  @Post('best-practices/:id/publication')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'publishBestPractice',
    summary: 'Publish a submitted practice in the library (secretariat or a commission officer)',
    description: NOT_SUBMITTED,
  })
  @ApiIfMatch(false)
  // Naming the commission is optional (see the DTO): no body at all is a publication without one.
  @ApiBody({ type: PublishBestPracticeDto, required: false })
  @ReturnsVersioned(BestPracticeResponse, 400, 403, 404, 409, 412)
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: PublishBestPracticeDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestPracticeResponse> {
    const practice = await this.publication.execute(user, id, body.commissionId, expectedVersion);
    return withETag(reply, practice.version, toPracticeResponse(practice, audienceOf(user)));
  }

  @Post('best-practices/:id/return')
  @HttpCode(200)
  @Roles('secretariat', 'commission-officer')
  @ApiOperation({
    operationId: 'returnBestPractice',
    summary: 'Return a submitted practice to its city with comments (secretariat or a commission officer)',
    description: NOT_SUBMITTED,
  })
  @ApiIfMatch(false)
  @ReturnsVersioned(BestPracticeResponse, 400, 403, 404, 409, 412)
  async return(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: ReturnBestPracticeDto,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestPracticeResponse> {
    const practice = await this.returning.execute(user, id, body, expectedVersion);
    return withETag(reply, practice.version, toPracticeResponse(practice, audienceOf(user)));
  }
}
