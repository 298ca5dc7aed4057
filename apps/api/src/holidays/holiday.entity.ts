import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A run-time change to the published bank holidays: a newly proclaimed day, or one removed (moved by proclamation). */
@Entity('holiday')
@Index('holiday_date_title_key', ['date', 'title'], { unique: true })
export class Holiday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('date')
  date: string;

  @Column('text')
  title: string;

  /** england-and-wales, scotland, northern-ireland */
  @Column('text', { array: true })
  divisions: string[];

  /** True when the change makes a published holiday a working day again (the title says why). */
  @Column('boolean', { default: false })
  removed: boolean;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
