import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@c2c/auth';
import { ApiProblemResponses, IdParams } from '@c2c/platform';
import {
  ListNotificationsDto,
  NotificationPageResponse,
  NotificationResponse,
  ReadAllResponse,
  toNotificationResponse,
} from './dto/notification.dto';
import { FindNotifications } from './usecases/find-notifications.query';
import { MarkRead } from './usecases/mark-read.usecase';

/**
 * The caller's inbox: what the platform told the audiences the caller belongs to (the secretariat, their
 * city, their commissions), with their own read state. An observer's inbox is empty.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly find: FindNotifications,
    private readonly marking: MarkRead,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'The caller’s notifications, unread first' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiProblemResponses(400)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListNotificationsDto,
  ): Promise<NotificationPageResponse> {
    const page = await this.find.page(user, query.type, query.limit, query.cursor);
    return { ...page, items: page.items.map(toNotificationResponse) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markAllNotificationsRead',
    summary: 'Mark every notification of the caller read',
  })
  @ApiOkResponse({ type: ReadAllResponse })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<ReadAllResponse> {
    return { marked: await this.marking.all(user) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markNotificationRead',
    summary: 'Mark one notification read (for the caller only)',
    description: 'A notification of an audience the caller is not in is 404.',
  })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiProblemResponses(400, 404)
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
  ): Promise<NotificationResponse> {
    return toNotificationResponse(await this.marking.one(user, id));
  }
}
