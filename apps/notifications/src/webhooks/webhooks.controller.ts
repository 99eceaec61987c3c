import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@c2c/auth';
import { ApiPageResponse, ApiProblemResponses, IdParams, type Page, PageQueryDto } from '@c2c/platform';
import {
  CreateWebhookDto,
  DeliveryParams,
  DeliveryResponse,
  toDeliveryResponse,
  toWebhookResponse,
  toWebhookWithSecret,
  WebhookResponse,
  WebhookWithSecretResponse,
} from './dto/webhook.dto';
import { SubscriptionDeliveries } from './usecases/find-deliveries.query';
import { ManageSubscriptions } from './usecases/manage-subscriptions.usecase';

/**
 * Webhook subscriptions, managed by the secretariat: every matching event is POSTed to the target as a
 * structured CloudEvent, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), retried with backoff on network errors, timeouts, 5xx, 408 and 429.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: ManageSubscriptions,
    private readonly deliveries: SubscriptionDeliveries,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listWebhooks', summary: 'The webhook subscriptions (secretariat)' })
  @ApiPageResponse(WebhookResponse, 'Every subscription, oldest first, in one page.')
  @ApiProblemResponses(403)
  async list(): Promise<{ items: WebhookResponse[]; nextCursor: null }> {
    return { items: (await this.subscriptions.list()).map(toWebhookResponse), nextCursor: null };
  }

  @Post()
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Subscribe a target to events; the signing secret is in this answer only (secretariat)',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretResponse })
  @ApiProblemResponses(400, 403)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretResponse> {
    return toWebhookWithSecret(await this.subscriptions.create(user, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteWebhook',
    summary: 'Delete a subscription: nothing more is sent to it',
  })
  @ApiNoContentResponse()
  @ApiProblemResponses(400, 403, 404)
  async delete(@Param() { id }: IdParams): Promise<void> {
    await this.subscriptions.delete(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of a subscription, newest first, each with its attempts',
  })
  @ApiPageResponse(DeliveryResponse)
  @ApiProblemResponses(400, 403, 404)
  async deliveriesOf(
    @Param() { id }: IdParams,
    @Query() page: PageQueryDto,
  ): Promise<Page<DeliveryResponse>> {
    const deliveries = await this.deliveries.page(id, page.limit, page.cursor);
    return { ...deliveries, items: deliveries.items.map(toDeliveryResponse) };
  }

  @Post(':id/secret-rotation')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'A new signing secret, shown once; the previous one keeps signing during the overlap window',
  })
  @ApiOkResponse({ type: WebhookWithSecretResponse })
  @ApiProblemResponses(400, 403, 404)
  async rotate(@Param() { id }: IdParams): Promise<WebhookWithSecretResponse> {
    return toWebhookWithSecret(await this.subscriptions.rotateSecret(id));
  }

  @Post(':id/deliveries/:did/redelivery')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'redeliverWebhook',
    summary: 'Send a delivery again, now (same webhook-id); 409 when the subscription is disabled',
  })
  @ApiAcceptedResponse({ type: DeliveryResponse })
  @ApiProblemResponses(400, 403, 404, 409)
  async redeliver(@Param() { id, did }: DeliveryParams): Promise<DeliveryResponse> {
    return toDeliveryResponse(await this.deliveries.redeliver(id, did));
  }
}
