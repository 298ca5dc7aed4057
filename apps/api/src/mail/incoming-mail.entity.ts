import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';

/** draft: a new request for an officer to confirm or discard; threaded: a reply put on its case. */
export type IncomingMailStatus = 'draft' | 'registered' | 'discarded' | 'threaded';

/** An attachment of an incoming message; attachmentId once it is kept with the case. */
export interface IncomingAttachment {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** False when its type is not one a case may hold (it stays in the message's source). */
  accepted: boolean;
  attachmentId?: string;
}

/**
 * One message taken from the intake mailbox, exactly once: its Message-ID is unique, and so is its
 * place in the mailbox (UIDVALIDITY, UID). The whole source is kept, so nothing of it is lost.
 */
@Entity('incoming_mail')
@Unique('incoming_mail_message_id', ['messageId'])
@Unique('incoming_mail_uid', ['mailbox', 'uidValidity', 'uid'])
@Check('incoming_mail_status_known', `status IN ('draft', 'registered', 'discarded', 'threaded')`)
@Check('incoming_mail_on_case', `(status IN ('registered', 'threaded')) = (case_id IS NOT NULL)`)
@Check(
  'incoming_mail_offer_known',
  `offer_status IS NULL OR offer_status IN ('offered', 'recorded', 'dismissed')`,
)
@Index('incoming_mail_open', ['createdAt'], { where: `status = 'draft' OR offer_status = 'offered'` })
@Index('incoming_mail_case', ['caseId', 'createdAt'])
export class IncomingMail {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_incoming_mail' })
  id: string;

  /** As the message gives it (angle brackets included), or one made from the source's hash when it gives none. */
  @Column('text', { name: 'message_id' })
  messageId: string;

  @Column('text')
  mailbox: string;

  @Column('bigint', { name: 'uid_validity', nullable: true })
  uidValidity: string | null;

  @Column('bigint', { nullable: true })
  uid: string | null;

  @Column('text', { name: 'from_address' })
  fromAddress: string;

  @Column('text', { name: 'from_name', nullable: true })
  fromName: string | null;

  @Column('text')
  subject: string;

  @Column('text')
  text: string;

  /** The sender's Date header. */
  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** When the mailbox received it (IMAP INTERNALDATE). */
  @Column('timestamptz', { name: 'arrived_at' })
  arrivedAt: Date;

  /** The UK date it reached the authority: the date of receipt offered for the case. */
  @Column('date', { name: 'received_on' })
  receivedOn: string;

  @Column('text', { name: 'in_reply_to', nullable: true })
  inReplyTo: string | null;

  @Column('text', { array: true, default: '{}' })
  references: string[];

  @Column('jsonb', { default: '[]' })
  attachments: IncomingAttachment[];

  @Column('bytea', { select: false })
  raw: Buffer;

  @Column('text')
  status: IncomingMailStatus;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_incoming_mail_case' })
  case?: Case;

  /** How a reply found its case: 'message-id' (In-Reply-To or References) or 'reference' (in the subject). */
  @Column('text', { name: 'threaded_by', nullable: true })
  threadedBy: string | null;

  /** The event this reply looks like (CLARIFICATION_RECEIVED, FEE_PAID), offered to an officer. */
  @Column('text', { name: 'offered_event', nullable: true })
  offeredEvent: string | null;

  @Column('text', { name: 'offer_status', nullable: true })
  offerStatus: 'offered' | 'recorded' | 'dismissed' | null;

  /** The MAIL_RECEIVED event on the case. */
  @Column('integer', { name: 'event_sequence', nullable: true })
  eventSequence: number | null;

  /** The offered event, once an officer recorded it. */
  @Column('integer', { name: 'offer_sequence', nullable: true })
  offerSequence: number | null;

  /** The officer who confirmed or discarded the draft, or decided on the offer. */
  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'FK_incoming_mail_decided_by' })
  decider?: User;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Where the next poll of an IMAP mailbox starts: the last UID committed under its UIDVALIDITY. */
@Entity('imap_cursor')
export class ImapCursor {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_imap_cursor' })
  mailbox: string;

  @Column('bigint', { name: 'uid_validity' })
  uidValidity: string;

  @Column('bigint', { name: 'last_uid', default: 0 })
  lastUid: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
