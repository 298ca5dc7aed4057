import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The roles Recordflow itself knows (contributor: a service area answering tasks); administrators define more (table role). */
export const ROLES = ['admin', 'officer', 'auditor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

@Entity('user')
@Index('user_email_key', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique case-insensitively (index in the migration). */
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  /** Null for an invited user who has not yet set a password (nobody can sign in as them). */
  @Column('text', { name: 'password_hash', select: false, nullable: true })
  passwordHash: string | null;

  /** Built-in and administrator-defined role names (table role). */
  @Column('text', { array: true })
  roles: string[];

  @Column('boolean', { default: false })
  disabled: boolean;

  /** Tokens carry the version they were issued at; raising it ends every session at their next request. */
  @Column('integer', { name: 'session_version', default: 0 })
  sessionVersion: number;

  /** SHA-256 of the one-time set-password token (invitation or reset); null when there is none. */
  @Column('text', { name: 'set_password_token_hash', select: false, nullable: true })
  setPasswordTokenHash: string | null;

  @Column('timestamptz', { name: 'set_password_expires_at', select: false, nullable: true })
  setPasswordExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
