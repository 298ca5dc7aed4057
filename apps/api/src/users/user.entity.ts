import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

@Entity('user')
@Check('user_roles_known', `roles <@ ARRAY['admin', 'officer', 'auditor']::text[] AND cardinality(roles) > 0`)
@Index('user_email_key', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique case-insensitively (index in the migration). */
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('boolean', { default: false })
  disabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
