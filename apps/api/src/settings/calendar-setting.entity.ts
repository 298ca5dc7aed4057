import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The calendar settings in force from `createdAt` on: the newest row is the current one. */
@Entity('calendar_setting')
export class CalendarSetting {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'calendar_setting_pkey' })
  id: string;

  /** england-and-wales, scotland, northern-ireland, or null when the authority has not said. */
  @Column('text', { nullable: true })
  nation: string | null;

  /** ico or code-of-practice (RECORDFLOW_RECEIPT_RULE). */
  @Column('text', { name: 'receipt_rule' })
  receiptRule: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
