import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OutgoingMail } from './outgoing-mail.entity';

/** A message kept in the local outbox (no SMTP server set): the whole RFC 822 source, as it would have gone out. */
@Entity('outbox_message')
@Index('outbox_message_recent', ['createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'outgoing_mail_id' })
  outgoingMailId: string;

  @OneToOne(() => OutgoingMail, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outgoing_mail_id' })
  outgoingMail?: OutgoingMail;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column('text', { name: 'to_address' })
  toAddress: string;

  @Column('text', { name: 'from_address' })
  fromAddress: string;

  @Column('text')
  subject: string;

  @Column('text', { name: 'message_id' })
  messageId: string;

  @Column('bytea', { select: false })
  raw: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
