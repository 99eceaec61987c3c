// The examples of docs/messaging.md, compiled and linted with the rest of the workspace so the guide
// cannot drift from the library's API. Not part of any app.
import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent, Outbox } from '../src';
import { TransactionRunner, type Tx } from '@c2c/persistence';

interface ArchivedCity {
  id: string;
  name: string;
  countryCode: string;
}

interface CityWrites {
  save(tx: Tx, city: ArchivedCity): Promise<void>;
}

interface PartnershipWrites {
  suspendAllOf(tx: Tx, cityId: string, reason: string): Promise<void>;
}

/** Step 3: publish inside the use case's transaction. */
export class ArchiveCityExample {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
    private readonly cities: CityWrites,
  ) {}

  async execute(city: ArchivedCity, archivedAt: Date): Promise<void> {
    // guide:publish
    await this.transactions.run(async (tx) => {
      await this.cities.save(tx, city);
      await this.outbox.add(
        tx,
        'c2c.city.archived.v1',
        {
          cityId: city.id,
          name: city.name,
          countryCode: city.countryCode,
          archivedAt: archivedAt.toISOString(),
        },
        { aggregateId: city.id },
      );
    });
    // end
  }
}

/** Step 4: consume, in any provider. */
@Injectable()
export class CityArchivedExampleHandlers {
  constructor(private readonly partnerships: PartnershipWrites) {}

  // guide:consume
  @HandlesEvent('c2c.city.archived.v1')
  async onCityArchived(event: EventEnvelopeOf<'c2c.city.archived.v1'>, tx: Tx): Promise<void> {
    await this.partnerships.suspendAllOf(tx, event.data.cityId, 'city archived');
  }
  // end
}
