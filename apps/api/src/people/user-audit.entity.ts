import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/** Who changed which user, team or role, when, and how: append-only (a trigger refuses UPDATE and DELETE). */
@Entity('user_audit')
@Index('user_audit_target', ['targetId', 'at'])
export class UserAudit {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The administrator; null for the command line (actorLabel says so). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column('text', { name: 'actor_label' })
  actorLabel: string;

  /** user, team or role. */
  @Column('text', { name: 'target_kind' })
  targetKind: string;

  /** The user's or team's id, or the role's name. */
  @Column('text', { name: 'target_id' })
  targetId: string;

  /** What was done (created, roles, teams, disabled, enabled, password-reset, sessions-ended) and the values. */
  @Column('text')
  action: string;

  @Column('jsonb')
  change: Record<string, unknown>;
}
