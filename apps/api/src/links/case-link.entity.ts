import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';

/** The kinds of link between two cases, as stored; each reads from case_id towards other_case_id. */
export const LINK_KINDS = [
  'refined-request',
  'repeat',
  'same-requester',
  'aggregated-s12',
  'review-of',
  'complaint-about',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Two cases that belong together. Unlinking marks the row removed and never deletes it; both cases'
 * histories record each link and unlink (CASE_LINKED, CASE_UNLINKED).
 */
@Entity('case_link')
@Check('case_link_kind_known', `kind IN (${LINK_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('case_link_not_itself', `case_id <> other_case_id`)
@Index('case_link_case', ['caseId'])
@Index('case_link_other', ['otherCaseId'])
// One live link per pair and kind, whichever way round: in the migration.
@Index('case_link_live_pair', { synchronize: false })
export class CaseLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('uuid', { name: 'other_case_id' })
  otherCaseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'other_case_id' })
  otherCase?: Case;

  @Column('text')
  kind: LinkKind;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt: Date | null;

  @Column('uuid', { name: 'removed_by', nullable: true })
  removedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'removed_by' })
  remover?: User;
}
