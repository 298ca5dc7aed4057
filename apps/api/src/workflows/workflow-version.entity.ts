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
import { User } from '../users/user.entity';
import { Workflow } from './workflow.entity';

export type WorkflowVersionStatus = 'draft' | 'published' | 'archived';

/**
 * One definition of a workflow. A draft (at most one per workflow) is edited in place with a revision
 * for conflict detection; publishing gives it the next version number, and a trigger keeps it immutable.
 */
@Entity('workflow_version')
@Check('workflow_version_status_known', `status IN ('draft', 'published', 'archived')`)
@Check('workflow_version_numbered_once_published', `(status = 'draft') = (version IS NULL)`)
@Index('workflow_version_number_key', ['workflowId', 'version'], { unique: true })
@Index('workflow_version_one_draft', { synchronize: false })
export class WorkflowVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'workflow_id' })
  workflowId: string;

  @ManyToOne(() => Workflow, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Workflow;

  /** 1, 2, 3 … once published; null while a draft. */
  @Column('integer', { nullable: true })
  version: number | null;

  @Column('text')
  status: WorkflowVersionStatus;

  @Column('jsonb')
  definition: unknown;

  /** SHA-256 of the canonical definition: what an auditor's bundle names. */
  @Column('text', { name: 'definition_hash' })
  definitionHash: string;

  /** Bumped by each save of a draft; a save naming an older revision is a conflict. */
  @Column('integer', { default: 1 })
  revision: number;

  @Column('uuid', { name: 'saved_by', nullable: true })
  savedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'saved_by' })
  savedByUser?: User;

  @Column('timestamptz', { name: 'saved_at', default: () => 'now()' })
  savedAt: Date;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by' })
  publishedByUser?: User;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
