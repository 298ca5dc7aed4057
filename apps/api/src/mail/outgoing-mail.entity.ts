import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';

export type OutgoingMailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * One e-mail of a case's letters, as durable queued work: any api process claims it (SKIP LOCKED),
 * records the attempt, sends it, and records the outcome.
 */
@Entity('outgoing_mail')
@Check('outgoing_mail_status_known', `status IN ('queued', 'sending', 'sent', 'failed')`)
@Check(
  'outgoing_mail_kind_known',
  `kind IN ('letter', 'notice') AND (kind = 'notice' OR case_id IS NOT NULL)`,
)
@Unique('outgoing_mail_message_id', ['messageId'])
@Index('outgoing_mail_case', ['caseId', 'createdAt'])
@Index('outgoing_mail_due', ['nextAttemptAt'], { where: `status IN ('queued', 'sending')` })
export class OutgoingMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a notice (a reminder or digest), which belongs to no case. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  /** letter: a case's letters, recorded in its history when sent; notice: a notification, recorded on its own row. */
  @Column('text', { default: 'letter' })
  kind: 'letter' | 'notice';

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** The letters attached, in order (the first is the PDF). */
  @Column('uuid', { name: 'document_ids', array: true })
  documentIds: string[];

  @Column('text', { name: 'to_address' })
  toAddress: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  /** Fixed when queued, so every attempt sends the same Message-ID and a resend is recognisable. */
  @Column('text', { name: 'message_id' })
  messageId: string;

  /** Who asked for it: the history records the mail as theirs. */
  @Column('jsonb')
  actor: Actor;

  @Column('text', { default: 'queued' })
  status: OutgoingMailStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'last_attempt_at', nullable: true })
  lastAttemptAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** The SMTP server's acceptance line (or where the local outbox kept it). */
  @Column('text', { nullable: true })
  response: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** The MAIL_SENT event in the case history. */
  @Column('integer', { name: 'sent_sequence', nullable: true })
  sentSequence: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
