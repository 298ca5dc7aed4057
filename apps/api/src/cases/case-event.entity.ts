import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Case } from './case.entity';

/** One accepted event of a case: append-only (a trigger refuses UPDATE and DELETE), hash-chained. */
@Entity('case_event')
@Index('case_event_sequence_key', ['caseId', 'sequence'], { unique: true })
@Index('case_event_idempotency_key', ['caseId', 'idempotencyKey'], { unique: true })
@Index('case_event_assigned', ['recordedAt'], { where: `type = 'CASE_ASSIGNED'` })
export class CaseEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** 1, 2, 3 … with no gap. */
  @Column('integer')
  sequence: number;

  @Column('text')
  type: string;

  @Column('jsonb')
  payload: unknown;

  /** Who sent it: a user (for a recomputation, the administrator who added the holiday), or null for a timer. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  /** The actor as recorded at the time ("Olivia Officer <officer@example.org>" or "system"). */
  @Column('text', { name: 'actor_label' })
  actorLabel: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  /** The date the event took effect in law (e.g. the day a clarification arrived). */
  @Column('date', { name: 'effective_on' })
  effectiveOn: string;

  @Column('uuid', { name: 'workflow_version_id' })
  workflowVersionId: string;

  @ManyToOne(() => WorkflowVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_version_id' })
  workflowVersion?: WorkflowVersion;

  /** Run-time holidays added up to this moment were in the calendar this event was computed with (replay uses the same). */
  @Column('timestamptz', { name: 'holidays_as_of', nullable: true })
  holidaysAsOf: Date | null;

  @Column('text', { name: 'stage_after' })
  stageAfter: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Column('text')
  hash: string;

  /** Payload fields hashed as salted commitments (free text), so they can be erased; null on older events. */
  @Column('text', { name: 'private_fields', array: true, nullable: true })
  privateFields: string[] | null;

  /** The commitments' salt; removed with the text on erasure. */
  @Column('text', { name: 'payload_salt', nullable: true })
  payloadSalt: string | null;

  /** When and under which rule private fields were erased. */
  @Column('jsonb', { nullable: true })
  erasure: { fields: string[]; rule: string; erasedAt: string } | null;
}
