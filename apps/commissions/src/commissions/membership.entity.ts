import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CommissionMembershipStatus, MemberRole } from './commission';

/** Storage of a city's membership of a commission; the domain model is `Membership`. */
@Entity({ name: 'memberships', schema: 'commissions' })
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  commissionId!: string;

  @Column('uuid')
  cityId!: string;

  @Column('text')
  role!: MemberRole;

  @Column('date')
  since!: string;

  @Column('timestamptz')
  joinedAt!: Date;

  @Column('uuid', { nullable: true })
  requestId!: string | null;

  @Column('text')
  status!: CommissionMembershipStatus;

  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @Column('text', { nullable: true })
  endReason!: string | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
