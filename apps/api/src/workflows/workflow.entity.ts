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

  /** Its cases are seen only by administrators and members of its teams (workflow_team). */
  @Column('boolean', { default: false })
  restricted: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
