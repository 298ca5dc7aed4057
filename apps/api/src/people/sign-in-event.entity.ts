import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every sign-in, failed sign-in, refusal by the throttle and ended session: append-only. */
@Entity('sign_in_event')
@Index('sign_in_event_user', ['userId', 'at'])
@Index('sign_in_event_at', ['at'])
export class SignInEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The e-mail as typed (lower-cased); kept for failures that name no user. */
  @Column('text')
  email: string;

  /** No foreign key: a failure may name an e-mail nobody has. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text', { name: 'client_ip', nullable: true })
  clientIp: string | null;

  /** How the person signed in: password or oidc (single sign-on). */
  @Column('text', { default: 'password' })
  method: string;

  /** signed-in, failed, throttled, refused-disabled, refused-unknown, refused-unverified, refused-password-off, sessions-ended, password-set. */
  @Column('text')
  outcome: string;

  /** Who ended the sessions, for sessions-ended. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;
}
