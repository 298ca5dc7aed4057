import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A holiday added at run time (a newly proclaimed day), on top of the published lists. */
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

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
