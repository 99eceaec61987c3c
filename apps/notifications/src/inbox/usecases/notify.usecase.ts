import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CityModel } from '@c2c/city-model';
import type { AnyEventEnvelope } from '@c2c/contracts';
import type { Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { type Audience, audienceKey } from '../../audiences/audience';
import { audiencesOf } from '../../audiences/audience-table';
import { AudienceModelRepository } from '../../audiences/audience-model.repository';
import { NotificationsConfig } from '../../config';
import { EmailDeliveriesRepository } from '../../email/email-deliveries.repository';
import { messageOf } from '../../templates/templates';
import { INBOX_STORE, type InboxStore } from '../ports';

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * An event becomes notifications, in the consumer's transaction: one inbox entry per audience, and one
 * e-mail per recipient in the e-mail outbox (sent after commit). The consumer's inbox already drops a
 * redelivered event; the unique keys drop it again, so nothing is ever told twice.
 */
@Injectable()
export class Notify {
  constructor(
    @Inject(INBOX_STORE) private readonly inbox: InboxStore,
    private readonly audiences: AudienceModelRepository,
    private readonly emails: EmailDeliveriesRepository,
    private readonly cities: CityModel,
    private readonly config: NotificationsConfig,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, event: AnyEventEnvelope): Promise<void> {
    const mentioned = [...new Set(JSON.stringify(event.data).match(UUIDS) ?? [])];
    const known = await this.cities.lookup(mentioned, tx);
    const cityName = (cityId: string) => known.get(cityId)?.name ?? 'a city';
    const audiences = audiencesOf(event);
    const message = messageOf(event, { cityName });
    if (audiences.length === 0 || message === null) return;
    const now = this.clock.now();
    const keys = [...new Set(audiences.map(audienceKey))];
    await this.inbox.insert(
      tx,
      keys.map((audience) => ({
        id: randomUUID(),
        eventId: event.id,
        eventType: event.type,
        audience,
        subject: message.subject,
        body: message.text,
        occurredAt: new Date(event.time),
        createdAt: now,
      })),
    );
    await this.emails.enqueue(tx, event.id, await this.recipients(tx, audiences), message, now);
  }

  /** Who is e-mailed: the cities' contact officers (members' for a commission), the secretariat's mailbox. */
  private async recipients(tx: Tx, audiences: Audience[]): Promise<string[]> {
    const cityIds = new Set<string>();
    let secretariat = false;
    for (const audience of audiences) {
      if (audience.kind === 'secretariat') secretariat = true;
      else if (audience.kind === 'city') cityIds.add(audience.cityId);
      else if (audience.kind === 'commission-members') {
        for (const id of await this.audiences.membersOf(tx, audience.commissionId)) cityIds.add(id);
      }
      // Commission officers are users of the gateway, whose addresses this service does not hold:
      // they read their inbox.
    }
    const emails = await this.audiences.contactEmails(tx, [...cityIds]);
    return [...new Set([...emails, ...(secretariat ? [this.config.SECRETARIAT_EMAIL] : [])])].sort();
  }
}
