import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An administrator's version of a letter kind's template, replacing the built-in one. */
@Entity('letter_template')
export class LetterTemplate {
  @PrimaryColumn('text')
  kind: string;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
