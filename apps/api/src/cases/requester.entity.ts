import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A requester's personal data, kept apart from the hash-chained history so it can be erased. */
@Entity('requester')
// Trigram index on name and e-mail for the case list's requester search: in the migration.
@Index('requester_search', { synchronize: false })
export class Requester {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** For erasing the personal data above at the end of its retention period: nothing erases it yet. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
