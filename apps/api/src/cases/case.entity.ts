import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Team } from '../people/team.entity';
import { User } from '../users/user.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Requester } from './requester.entity';

/** void: registered in error; out of the lists and statistics, its history kept. */
export type CaseStatus = 'open' | 'closed' | 'void';

/** A request: its current snapshot and version; the history is in case_event. */
@Entity('case')
@Check('case_status_known', `status IN ('open', 'closed', 'void')`)
@Index('case_reference_key', ['reference'], { unique: true })
// Expression and word-search indexes for the case list live in the migrations.
@Index('case_list_order', { synchronize: false })
@Index('case_assignee_order', { synchronize: false })
@Index('case_search_words', { synchronize: false })
@Index('case_all_order', { synchronize: false })
@Index('case_received_stats', { synchronize: false })
@Index('case_stage', ['stage', 'status'])
@Index('case_team', ['teamId', 'status'])
@Index('case_team_order', { synchronize: false })
@Index('case_open_search_words', { synchronize: false })
@Index('case_requester', ['requesterId'])
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. FOI-2026-000123: the regime, the year received, a number per regime and year. */
  @Column('text')
  reference: string;

  @Column('text')
  regime: string;

  @Column('text', { name: 'workflow_id' })
  workflowId: string;

  @Column('uuid', { name: 'workflow_version_id' })
  workflowVersionId: string;

  @ManyToOne(() => WorkflowVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_version_id' })
  workflowVersion?: WorkflowVersion;

  @Column('text')
  subject: string;

  /** The words of reference and subject, kept by a trigger for the case list's search; never read here. */
  @Column({
    type: 'tsvector',
    name: 'search_words',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchWords?: string;

  @Column('text', { name: 'request_text' })
  requestText: string;

  @Column('text')
  channel: string;

  @Column('date', { name: 'received_on' })
  receivedOn: string;

  @Column('uuid', { name: 'requester_id', nullable: true })
  requesterId: string | null;

  @ManyToOne(() => Requester, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requester_id' })
  requester?: Requester;

  @Column('text')
  status: CaseStatus;

  @Column('text')
  stage: string;

  @Column('text')
  step: string;

  /** The workflow snapshot after the last event (plain JSON, replayable). */
  @Column('jsonb')
  snapshot: unknown;

  /** Number of events applied; the sequence of the last one. */
  @Column('integer')
  version: number;

  /** The earliest open deadline, for sorting and the overdue filter. */
  @Column('date', { name: 'due_on', nullable: true })
  dueOn: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  /** The team whose queue holds the case (with or without a person assigned). */
  @Column('uuid', { name: 'team_id', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column('text', { nullable: true })
  outcome: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** When the requester's personal data was erased from the case (retention or request). */
  @Column({
    type: 'timestamptz',
    name: 'anonymised_at',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  anonymisedAt?: Date | null;

  /** Registered late, the officer is still recording what already happened: its timers wait. */
  @Column('boolean', { name: 'catching_up', default: false })
  catchingUp: boolean;
}
