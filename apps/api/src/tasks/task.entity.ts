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
import { Case } from '../cases/case.entity';
import { Attachment } from '../documents/attachment.entity';
import { Team } from '../people/team.entity';
import { User } from '../users/user.entity';

export type TaskStatus = 'open' | 'answered' | 'cancelled';

/**
 * A question an officer asks a service area (a team, a person or both) about a case, with an internal
 * deadline in working days. Its texts stay here; the case history has only their salted commitments.
 */
@Entity('case_task')
@Check('case_task_status_known', `status IN ('open', 'answered', 'cancelled')`)
@Check('case_task_given_to', `team_id IS NOT NULL OR assignee_id IS NOT NULL`)
@Index('case_task_case', ['caseId', 'raisedAt'])
@Index('case_task_team_open', ['teamId'], { where: `status = 'open'` })
@Index('case_task_assignee_open', ['assigneeId'], { where: `status = 'open'` })
@Index('case_task_remind_due', ['remindOn'], { where: `status = 'open' AND reminded_at IS NULL` })
@Index('case_task_overdue_due', ['dueOn'], { where: `status = 'open' AND overdue_at IS NULL` })
export class CaseTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  @Column('text')
  question: string;

  @Column('integer', { name: 'working_days' })
  workingDays: number;

  @Column('date', { name: 'raised_on' })
  raisedOn: string;

  /** The internal deadline: workingDays after raisedOn on the authority's calendar. */
  @Column('date', { name: 'due_on' })
  dueOn: string;

  /** The working day before the deadline (the deadline itself for a one-day task): the reminder is marked then. */
  @Column('date', { name: 'remind_on' })
  remindOn: string;

  @Column('text', { default: 'open' })
  status: TaskStatus;

  @Column('uuid', { name: 'raised_by' })
  raisedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by' })
  raiser?: User;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  /** Set once, by whichever process's poll claims the task first. */
  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column('text', { nullable: true })
  answer: string | null;

  /** Who answered, or who cancelled. */
  @Column('uuid', { name: 'closed_by', nullable: true })
  closedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by' })
  closer?: User;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  /** The salt of the question's, answer's and cancel reason's commitments; removed when they are erased. */
  @Column('text', { name: 'text_salt', nullable: true })
  textSalt: string | null;

  /** Set when the case was anonymised: the question, answer and cancel reason are then [erased]. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}

/** What happened to a task, in order: raised, chased, reminded, overdue, file-added, answered, cancelled. Append-only. */
@Entity('case_task_event')
@Check(
  'case_task_event_kind_known',
  `kind IN ('raised', 'chased', 'reminded', 'overdue', 'file-added', 'answered', 'cancelled')`,
)
@Index('case_task_event_task', ['taskId', 'at'])
export class CaseTaskEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'task_id' })
  taskId: string;

  @ManyToOne(() => CaseTask, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: CaseTask;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('text')
  kind: string;

  /** Null for what the system marked (reminded, overdue). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  /** A chaser's words, or the name of a file added; null otherwise. */
  @Column('text', { nullable: true })
  message: string | null;

  /** The salt of a chaser's commitment; removed when the message is erased. */
  @Column('text', { name: 'message_salt', nullable: true })
  messageSalt: string | null;

  /** Set when the case was anonymised: the message is then [erased]. The one change the log allows. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  /** The case event recording it, for what the case history records. */
  @Column('integer', { name: 'case_sequence', nullable: true })
  caseSequence: number | null;
}

/** The files given with a task's answer: documents of the case. */
@Entity('case_task_attachment')
export class CaseTaskAttachment {
  @PrimaryColumn('uuid', { name: 'task_id' })
  taskId: string;

  @PrimaryColumn('uuid', { name: 'attachment_id' })
  attachmentId: string;

  @ManyToOne(() => CaseTask, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: CaseTask;

  @ManyToOne(() => Attachment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attachment_id' })
  attachment?: Attachment;
}
