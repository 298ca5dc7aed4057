import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { SessionCache } from '../auth/session-cache';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { preparedQuery } from '../database/prepared';
import { recordChange } from '../people/audit';
import { changeActor } from '../people/people.service';
import { Team } from '../people/team.entity';
import { Workflow } from '../workflows/workflow.entity';
import { WorkflowTeam } from './access.entity';

export type FieldGroup = 'requester' | 'letter' | 'document';

export interface PersonalDataReadRow {
  id: string;
  at: Date;
  actorId: string;
  actorLabel: string;
  caseId: string;
  caseReference: string;
  fieldGroup: string;
}

export interface WorkflowAccess {
  restricted: boolean;
  teams: Team[];
}

/**
 * Who sees which cases beyond roles: the cases of a restricted workflow (subject access requests, from
 * the start) are seen only by administrators and members of the workflow's teams; with no team named
 * yet, by administrators alone. To anyone else such a case does not exist (NOT_FOUND, as an unknown id),
 * and lists leave it out. Reads of its personal data are logged.
 */
@Injectable()
export class CaseAccess {
  /** The actor object lives for one request: its hidden workflows are read once per request. */
  private readonly hiddenByActor = new WeakMap<Actor, Promise<readonly string[]>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionCache,
  ) {}

  /** The restricted workflows whose cases this person may not see; none for an administrator. */
  hiddenWorkflows(actor: Actor): Promise<readonly string[]> {
    if (actor.roles.includes('admin')) return Promise.resolve([]);
    // The guard's session check says, kept in memory between the change announcements (migration 1764000001700).
    if (actor.hiddenWorkflows) return Promise.resolve(actor.hiddenWorkflows);
    let hidden = this.hiddenByActor.get(actor);
    if (!hidden) {
      // Prepared: it runs once for every request that touches a case.
      hidden = preparedQuery<{ id: string }>(
        this.dataSource.manager,
        'recordflow_hidden_workflows',
        `SELECT w.id FROM workflow w WHERE w.restricted AND NOT EXISTS (
             SELECT 1 FROM workflow_team wt JOIN user_team ut ON ut.team_id = wt.team_id
              WHERE wt.workflow_id = w.id AND ut.user_id = $1)`,
        [actor.id],
      ).then((rows) => rows.map((row) => row.id));
      this.hiddenByActor.set(actor, hidden);
    }
    return hidden;
  }

  /** Refuses a case this person may not see as if it did not exist (an unknown id is left to the caller). */
  async checkCase(actor: Actor, caseId: string): Promise<void> {
    // Nothing hidden from this person (an administrator, a member, nothing restricted): no case read on the hot path.
    if ((await this.hiddenWorkflows(actor)).length === 0) return;
    await this.checkRow(actor, `SELECT workflow_id, id AS case_id FROM "case" WHERE id = $1`, caseId, () =>
      notFound('case', caseId),
    );
  }

  /** The same for a generated letter (case_document), refused as an unknown letter; its case's id. */
  checkLetter(actor: Actor, documentId: string): Promise<string | null> {
    return this.checkRow(
      actor,
      `SELECT c.workflow_id, c.id AS case_id FROM case_document d JOIN "case" c ON c.id = d.case_id WHERE d.id = $1`,
      documentId,
      () => notFound('document', documentId),
    );
  }

  /** The same for a case file (attachment), refused as an unknown document; its case's id. */
  checkAttachment(actor: Actor, attachmentId: string): Promise<string | null> {
    return this.checkRow(
      actor,
      `SELECT c.workflow_id, c.id AS case_id FROM attachment a JOIN "case" c ON c.id = a.case_id WHERE a.id = $1`,
      attachmentId,
      () => notFound('document', attachmentId),
    );
  }

  /** Only a workflow's teams (and administrators) register its cases. */
  async checkWorkflow(actor: Actor, workflowId: string): Promise<void> {
    if (!(await this.hiddenWorkflows(actor)).includes(workflowId)) return;
    const [named] = await this.dataSource.query(
      'SELECT 1 FROM workflow_team WHERE workflow_id = $1 LIMIT 1',
      [workflowId],
    );
    throw refusal(
      'FORBIDDEN',
      named
        ? `Cases of the workflow "${workflowId}" are restricted to its teams; ask an administrator to add you to one.`
        : `Cases of the workflow "${workflowId}" are restricted and no team handles them yet; ask an administrator to name the team that does and add you to it.`,
    );
  }

  /** Logs that this person read a group of personal data of each restricted case among caseIds. */
  async recordReads(actor: Actor, caseIds: readonly string[], group: FieldGroup): Promise<void> {
    if (caseIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO personal_data_read (actor_id, case_id, field_group)
       SELECT $1, c.id, $3 FROM "case" c JOIN workflow w ON w.id = c.workflow_id
        WHERE c.id = ANY($2::uuid[]) AND w.restricted`,
      [actor.id, [...new Set(caseIds)], group],
    );
  }

  /** The personal-data reads logged, newest first, of one case or all. */
  async reads(caseId: string | null | undefined, limit: number): Promise<PersonalDataReadRow[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw invalid('limit', 'limit is between 1 and 500.');
    if (caseId && !isUuid(caseId)) throw notFound('case', caseId);
    return this.dataSource.query(
      `SELECT r.id, r.at, r.actor_id AS "actorId", u.name || ' <' || u.email || '>' AS "actorLabel",
              r.case_id AS "caseId", c.reference AS "caseReference", r.field_group AS "fieldGroup"
         FROM personal_data_read r JOIN "user" u ON u.id = r.actor_id JOIN "case" c ON c.id = r.case_id
        WHERE $1::uuid IS NULL OR r.case_id = $1
        ORDER BY r.id DESC LIMIT $2`,
      [caseId ?? null, limit],
    );
  }

  /** Each workflow's restriction and teams. */
  async accessOf(workflowIds: readonly string[]): Promise<Map<string, WorkflowAccess>> {
    const [workflows, links] = await Promise.all([
      this.dataSource.getRepository(Workflow).findBy({ id: In([...workflowIds]) }),
      this.dataSource.query<{ workflow_id: string; id: string; name: string }[]>(
        `SELECT wt.workflow_id, t.id, t.name FROM workflow_team wt JOIN team t ON t.id = wt.team_id
          WHERE wt.workflow_id = ANY($1) ORDER BY t.name`,
        [[...workflowIds]],
      ),
    ]);
    return new Map(
      workflows.map((w) => [
        w.id,
        {
          restricted: w.restricted,
          teams: links.filter((l) => l.workflow_id === w.id).map(({ id, name }) => ({ id, name }) as Team),
        },
      ]),
    );
  }

  /** Restricts a workflow's cases to its teams (or opens them to every officer again); recorded in user_audit. */
  async setWorkflowAccess(
    actor: Actor,
    input: { workflowId: string; restricted: boolean; teamIds: string[] },
  ): Promise<WorkflowAccess> {
    const teamIds = [...new Set(input.teamIds)];
    if (input.restricted && teamIds.length === 0)
      throw invalid('input.teamIds', 'Name at least one team that handles these cases.');
    let change = '';
    await this.dataSource.transaction(async (manager) => {
      const workflow = await manager
        .getRepository(Workflow)
        .findOne({ where: { id: input.workflowId }, lock: { mode: 'pessimistic_write' } });
      if (!workflow) throw notFound('workflow', input.workflowId);
      const known = teamIds.every(isUuid)
        ? await manager.getRepository(Team).countBy({ id: In(teamIds) })
        : -1;
      if (known !== teamIds.length) throw invalid('input.teamIds', 'One of the teams does not exist.');
      const before = await manager.getRepository(WorkflowTeam).findBy({ workflowId: workflow.id });
      await manager.getRepository(Workflow).update({ id: workflow.id }, { restricted: input.restricted });
      await manager.getRepository(WorkflowTeam).delete({ workflowId: workflow.id });
      if (teamIds.length > 0)
        await manager
          .getRepository(WorkflowTeam)
          .insert(teamIds.map((teamId) => ({ workflowId: workflow.id, teamId })));
      await recordChange(manager, changeActor(actor), { kind: 'workflow', id: workflow.id }, 'access-set', {
        before: { restricted: workflow.restricted, teamIds: before.map((b) => b.teamId) },
        after: { restricted: input.restricted, teamIds },
      });
      change = await this.sessions.transactionId(manager);
    });
    // Who sees these cases changed for everybody: answer once every replica has forgotten what it kept.
    await this.sessions.changed('*', change);
    return (await this.accessOf([input.workflowId])).get(input.workflowId) as WorkflowAccess;
  }

  private async checkRow(actor: Actor, sql: string, id: string, refuse: () => Error): Promise<string | null> {
    if (!isUuid(id)) return null;
    const [hidden, [row]] = await Promise.all([
      this.hiddenWorkflows(actor),
      this.dataSource.query<{ workflow_id: string; case_id: string }[]>(sql, [id]),
    ]);
    if (row && hidden.includes(row.workflow_id)) throw refuse();
    return row?.case_id ?? null;
  }
}
