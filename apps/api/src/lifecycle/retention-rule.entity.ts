import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';

/** How long a closed case keeps its requester's personal data: per regime and (optionally) outcome. */
@Entity('retention_rule')
@Check('retention_rule_months', `"months_after_closure" BETWEEN 0 AND 1200`)
@Index('retention_rule_key', { synchronize: false })
export class RetentionRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  regime: string;

  /** Null: any outcome without a rule of its own. */
  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('integer', { name: 'months_after_closure' })
  monthsAfterClosure: number;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One erasure of a case's personal data: append-only (a trigger refuses changes). */
@Entity('case_erasure')
@Index('case_erasure_case', ['caseId'])
export class CaseErasure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_erasure_case_id_fkey' })
  case?: Case;

  /** The rule in words, e.g. "FOI, any outcome: 24 months after closure", or "on request". */
  @Column('text')
  rule: string;

  @Column('uuid', { name: 'rule_id', nullable: true })
  ruleId: string | null;

  @Column('text')
  reason: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'actor_label' })
  actorLabel: string;

  @Column('timestamptz', { name: 'erased_at' })
  erasedAt: Date;

  @Column('integer', { name: 'event_sequence' })
  eventSequence: number;

  /** What was erased: counts per place (events, documents, mail), never the data. */
  @Column('jsonb')
  erased: Record<string, number>;
}
