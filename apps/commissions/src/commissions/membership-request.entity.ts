import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequestStatus } from './commission';

/** Storage of a city's application to a commission; the domain model is `MembershipRequest`. */
@Entity({ name: 'membership_requests', schema: 'commissions' })
export class MembershipRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  commissionId!: string;

  @Column('uuid')
  cityId!: string;

  @Column('text')
  motivation!: string;

  @Column('text')
  status!: RequestStatus;

  @Column('text')
  requestedBy!: string;

  @Column('text', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
