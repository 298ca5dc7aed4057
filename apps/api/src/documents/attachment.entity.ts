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

export const DOCUMENT_KINDS = ['gathered', 'draft', 'for-release', 'released', 'correspondence'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * One version of a file attached to a case. Rows are never updated: a new upload of the same file
 * name, or a redaction, adds a version; the bytes are in the blob store under `sha256`.
 */
@Entity('attachment')
@Check('attachment_kind', `"kind" IN ('gathered', 'draft', 'for-release', 'released', 'correspondence')`)
@Index('attachment_case', ['caseId', 'createdAt'])
@Index('attachment_document_version', ['documentId', 'version'], { unique: true })
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'attachment_case_id_fkey' })
  case?: Case;

  /** The id of the document's first version, shared by all its versions. */
  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('integer')
  version: number;

  @Column('text')
  kind: DocumentKind;

  @Column('text')
  filename: string;

  @Column('text', { name: 'mime_type' })
  mimeType: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column('text')
  sha256: string;

  /** The version this one was redacted from. */
  @Column('uuid', { name: 'redacted_from', nullable: true })
  redactedFrom: string | null;

  @ManyToOne(() => Attachment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'redacted_from', foreignKeyConstraintName: 'attachment_redacted_from_fkey' })
  redactedFromVersion?: Attachment;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The case event that recorded it. */
  @Column('integer', { name: 'event_sequence' })
  eventSequence: number;

  /** When its bytes were deleted with the requester's personal data (the row and hash stay). */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}

/** One box blacked out in a redacted version, with the exemption that justifies it. */
@Entity('redaction')
@Index('redaction_attachment', ['attachmentId'])
export class Redaction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The redacted version the box was applied to make. */
  @Column('uuid', { name: 'attachment_id' })
  attachmentId: string;

  @ManyToOne(() => Attachment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'redaction_attachment_id_fkey' })
  attachment?: Attachment;

  @Column('integer')
  page: number;

  /** The text searched for, when the box came from a search. */
  @Column('text', { nullable: true })
  text: string | null;

  /** [x0, y0, x1, y1] in PDF points from the page's top left. */
  @Column('jsonb')
  rects: number[][];

  @Column('text')
  exemption: string;

  @Column('text')
  reason: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
