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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';

export const NOTIFICATION_KINDS = [
  'assignment',
  'due-soon',
  'overdue',
  'digest',
  'team-digest',
  'task',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
const KINDS_SQL = NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * One notice to one user. Its key names what it is about (an assignment event, a case's due date, a
 * day's digest), and is unique: replicas that find the same notice store it, and mail it, once.
 */
@Entity('notification')
@Unique('notification_key', ['key'])
@Check('notification_kind_known', `kind IN (${KINDS_SQL})`)
@Index('notification_inbox', ['userId', 'createdAt'], { where: 'in_app' })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification' })
  id: string;

  @Column('text')
  key: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_user' })
  user?: User;

  @Column('text')
  kind: NotificationKind;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_notification_case' })
  case?: Case;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  /** Shown in the web app (the user's choice for its kind when it was made). */
  @Column('boolean', { name: 'in_app' })
  inApp: boolean;

  /** Its e-mail, queued with it, when the user wants this kind by e-mail. */
  @Column('uuid', { name: 'outgoing_mail_id', nullable: true })
  outgoingMailId: string | null;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A user's choice for one kind of notice; no row means e-mail and in the app. */
@Entity('notification_preference')
@Check('notification_preference_kind_known', `kind IN (${KINDS_SQL})`)
export class NotificationPreference {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'PK_notification_preference' })
  userId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_notification_preference' })
  kind: NotificationKind;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preference_user' })
  user?: User;

  @Column('boolean')
  email: boolean;

  @Column('boolean', { name: 'in_app' })
  inApp: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
