import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Storage of a commission; the domain model is `Commission` (commission.ts). */
@Entity({ name: 'commissions', schema: 'commissions' })
export class CommissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('smallint')
  number!: number;

  @Column('text')
  name!: string;

  @Column('text')
  mandate!: string;

  @Column('date', { nullable: true })
  mandateStartsOn!: string | null;

  @Column('date', { nullable: true })
  mandateEndsOn!: string | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
