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
} from 'typeorm';
import type { Actor } from '../auth/current-user';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';

export type BulkJobStatus = 'running' | 'done';
export type BulkItemStatus = 'pending' | 'done' | 'failed';

/** One bulk action over many cases: what to do, who asked, and its progress (counts kept as items finish). */
@Entity('bulk_job')
@Check('bulk_job_status_known', `status IN ('running', 'done')`)
@Index('bulk_job_running', ['status'])
export class BulkJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** assign or event. */
  @Column('text')
  kind: string;

  /** The action's parameters: assigneeId and teamId, or type, payload and effectiveOn. */
  @Column('jsonb')
  params: Record<string, unknown>;

  /** Who asked for it: every case's event is theirs. */
  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column('jsonb')
  actor: Actor;

  @Column('text', { default: 'running' })
  status: BulkJobStatus;

  @Column('integer')
  total: number;

  @Column('integer', { default: 0 })
  succeeded: number;

  @Column('integer', { default: 0 })
  failed: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}

/** One case of a bulk job and how it went: done with the event's sequence, or failed with the refusal. */
@Entity('bulk_job_item')
@Check('bulk_job_item_status_known', `status IN ('pending', 'done', 'failed')`)
@Index('bulk_job_item_pending', ['jobId', 'status', 'position'])
export class BulkJobItem {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId: string;

  @PrimaryColumn('integer')
  position: number;

  @ManyToOne(() => BulkJob, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'job_id' })
  job?: BulkJob;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** The version the case was at when it was chosen: a change meanwhile is a VERSION_CONFLICT. */
  @Column('integer', { name: 'expected_version', nullable: true })
  expectedVersion: number | null;

  @Column('text', { default: 'pending' })
  status: BulkItemStatus;

  /** The refusal's code when it failed (VERSION_CONFLICT, EVENT_NOT_ALLOWED …). */
  @Column('text', { nullable: true })
  code: string | null;

  @Column('text', { nullable: true })
  message: string | null;

  /** The case event the item recorded. */
  @Column('integer', { nullable: true })
  sequence: number | null;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;
}
