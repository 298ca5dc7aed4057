import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';

export type TimerStatus = 'pending' | 'fired' | 'cancelled';

/** A durable timer: claimed by any api process under its case's row lock (SKIP LOCKED) and fired as a system event. */
@Entity('timer')
@Check('timer_status_known', `status IN ('pending', 'fired', 'cancelled')`)
@Index('timer_due', ['status', 'fireOn'])
@Index('timer_one_pending', { synchronize: false })
export class Timer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('text')
  name: string;

  /** The event sent to the case when it fires. */
  @Column('text')
  event: string;

  @Column('date', { name: 'fire_on' })
  fireOn: string;

  @Column('text')
  status: TimerStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  /** The case event it produced, when it fired and was accepted. */
  @Column('integer', { name: 'fired_sequence', nullable: true })
  firedSequence: number | null;

  @Column('text', { nullable: true })
  note: string | null;
}
