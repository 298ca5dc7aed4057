import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A workflow an administrator edits; its published versions are immutable rows of workflow_version. */
@Entity('workflow')
export class Workflow {
  /** The definition's id, e.g. "foi". */
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  regime: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
