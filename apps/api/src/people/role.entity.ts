import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A role users can hold: the built-in three, and workflow roles administrators define (approver, legal). */
@Entity('role')
export class RoleDefinition {
  @PrimaryColumn('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('boolean', { name: 'built_in', default: false })
  builtIn: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
