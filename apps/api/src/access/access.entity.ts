import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import { Team } from '../people/team.entity';
import { User } from '../users/user.entity';
import { Workflow } from '../workflows/workflow.entity';

/** The teams whose members may see the cases of a restricted workflow (workflow.restricted). */
@Entity('workflow_team')
@Index('workflow_team_team', ['teamId'])
export class WorkflowTeam {
  @PrimaryColumn('text', { name: 'workflow_id', primaryKeyConstraintName: 'PK_workflow_team' })
  workflowId: string;

  @PrimaryColumn('uuid', { name: 'team_id', primaryKeyConstraintName: 'PK_workflow_team' })
  teamId: string;

  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id', foreignKeyConstraintName: 'FK_workflow_team_workflow' })
  workflow?: Workflow;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_workflow_team_team' })
  team?: Team;
}

/** Who read which personal data of a restricted case, and when: append-only (a trigger refuses UPDATE and DELETE). */
@Entity('personal_data_read')
@Index('personal_data_read_case', ['caseId', 'at'])
@Index('personal_data_read_actor', ['actorId', 'at'])
export class PersonalDataRead {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_personal_data_read' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_personal_data_read_actor' })
  actor?: User;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_personal_data_read_case' })
  case?: Case;

  /** requester (name, e-mail, address), letter (a letter addressed to them), document (a file of the case). */
  @Column('text', { name: 'field_group' })
  fieldGroup: string;
}
