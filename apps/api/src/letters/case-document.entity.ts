import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';

/** A letter generated for a case (PDF or DOCX); its hash goes into the history when it is sent. */
@Entity('case_document')
@Index('case_document_case', ['caseId', 'createdAt'])
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('text')
  template: string;

  @Column('text')
  format: string;

  @Column('text')
  filename: string;

  @Column('bytea', { select: false })
  content: Buffer;

  @Column('text')
  sha256: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The case event that recorded it as sent. */
  @Column('integer', { name: 'sent_sequence', nullable: true })
  sentSequence: number | null;

  /** When its bytes were deleted with the requester's personal data (the row and hash stay). */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  /** The date printed on the letter (null: letters made before letters carried their own date). */
  @Column('date', { name: 'dated_on', nullable: true })
  datedOn: string | null;

  @Column('date', { name: 'sent_on', nullable: true })
  sentOn: string | null;

  /** email, post, hand or other. */
  @Column('text', { name: 'sent_channel', nullable: true })
  sentChannel: string | null;

  /** Where it went (an e-mail or postal address): personal data, so never in the hash chain. */
  @Column('text', { name: 'sent_to', nullable: true })
  sentTo: string | null;
}
