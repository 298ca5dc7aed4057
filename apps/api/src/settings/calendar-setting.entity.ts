import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The settings deadlines and guards depend on, in force from `createdAt` on: the newest row is the current one. */
@Entity('calendar_setting')
export class CalendarSetting {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'calendar_setting_pkey' })
  id: string;

  /** england-and-wales, scotland, northern-ireland, or null when the authority has not said. */
  @Column('text', { nullable: true })
  nation: string | null;

  /** central-government or other-public-authority (the s.12 appropriate limit), or null when not set. */
  @Column('text', { nullable: true })
  sector: string | null;

  /** ico or code-of-practice (RECORDFLOW_RECEIPT_RULE). */
  @Column('text', { name: 'receipt_rule' })
  receiptRule: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
