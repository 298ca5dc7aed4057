import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/** A case-list filter a user saved under a name, kept server-side so it follows them from browser to browser. */
@Entity('saved_filter')
@Index('saved_filter_user_name', ['userId', 'name'], { unique: true })
export class SavedFilter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('text')
  name: string;

  /** The CasesFilter's fields as given (omitted fields absent). */
  @Column('jsonb')
  filter: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
