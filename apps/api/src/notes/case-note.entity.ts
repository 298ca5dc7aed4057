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
import { User } from '../users/user.entity';

/**
 * An internal note on a case, for staff only and never in a letter. The text may name people, so it
 * stays here; the case history's NOTE_ADDED carries its salted commitment. Append-only (a trigger refuses
 * changes but one: anonymising the case erases the text and the salt).
 */
@Entity('case_note')
@Index('case_note_case', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('text')
  text: string;

  /** What NOTE_ADDED records: the text's commitment with textSalt (older notes: the text's plain SHA-256). */
  @Column('text', { name: 'text_sha256' })
  textSha256: string;

  /** Random, not in the history; removed with the text, so the commitment left cannot confirm a guess. */
  @Column('text', { name: 'text_salt', nullable: true })
  textSalt: string | null;

  /** Set when the case was anonymised: the text is then [erased]. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  author?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('integer', { name: 'event_sequence' })
  eventSequence: number;
}
