import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { DataSource } from 'typeorm';
import type { CommissionMembers } from '../inbox/ports';

/** A contact officer of a city, as the cities topic carries it (personal data: kept to address e-mail). */
export interface ContactOfficer {
  name: string;
  role?: string;
  email: string;
}

/**
 * The read models audiences are resolved from: which cities are members of which commission, and each
 * city's contact officers. The only place with their SQL.
 */
@Injectable()
export class AudienceModelRepository implements CommissionMembers {
  constructor(private readonly dataSource: DataSource) {}

  async admit(tx: Tx, commissionId: string, cityId: string): Promise<void> {
    await tx.query(
      `insert into notifications.commission_members (commission_id, city_id) values ($1, $2)
       on conflict do nothing`,
      [commissionId, cityId],
    );
  }

  async remove(tx: Tx, commissionId: string, cityId: string): Promise<void> {
    await tx.query('delete from notifications.commission_members where commission_id = $1 and city_id = $2', [
      commissionId,
      cityId,
    ]);
  }

  async commissionsOfCity(cityId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'select commission_id as id from notifications.commission_members where city_id = $1 order by 1',
      [cityId],
    );
    return rows.map((row) => row.id);
  }

  async membersOf(tx: Tx, commissionId: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      'select city_id as id from notifications.commission_members where commission_id = $1 order by 1',
      [commissionId],
    );
    return rows.map((row) => row.id);
  }

  async keepContacts(tx: Tx, cityId: string, officers: ContactOfficer[], at: Date): Promise<void> {
    await tx.query(
      `insert into notifications.city_contacts (city_id, officers, updated_at) values ($1, $2, $3)
       on conflict (city_id) do update set officers = excluded.officers, updated_at = excluded.updated_at
       where notifications.city_contacts.updated_at <= excluded.updated_at`,
      [cityId, JSON.stringify(officers), at],
    );
  }

  /** The e-mail addresses of these cities' contact officers, each once. */
  async contactEmails(tx: Tx, cityIds: string[]): Promise<string[]> {
    if (cityIds.length === 0) return [];
    const rows = await tx.query<{ email: string }[]>(
      `select distinct o->>'email' as email
       from notifications.city_contacts c, jsonb_array_elements(c.officers) o
       where c.city_id = any($1) and o->>'email' is not null order by 1`,
      [cityIds],
    );
    return rows.map((row) => row.email);
  }
}
