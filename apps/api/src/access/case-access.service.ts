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

/** The roles that work with cases; anyone else (a contributor) reaches only what is given to them. */
const SEES_CASES = ['officer', 'auditor', 'admin'];

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
  /** For an actor the guard did not make (a job, a command): read once per actor object. */
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

  /**
   * The one check of every operation that names cases (the guard calls it with the case ids the
   * arguments carry): a case this person may not see is refused as if it did not exist, NOT_FOUND
   * naming the first id that is hidden or unknown, as a service names the first unknown one. Without
   * a hidden case among them, unknown ids are left to the operation. Contributors see no case: what
   * they reach (their tasks) has rules of its own.
   */
  async checkCases(actor: Actor, caseIds: readonly string[]): Promise<void> {
    if (!SEES_CASES.some((role) => actor.roles.includes(role))) return;
    // Nothing hidden from this person (an administrator, a member, nothing restricted): no case read on the hot path.
    const hidden = await this.hiddenWorkflows(actor);
    if (hidden.length === 0) return;
    const given = caseIds.filter(isUuid);
    if (given.length === 0) return;
    const rows = await this.dataSource.query<{ id: string; workflow_id: string }[]>(
      'SELECT id, workflow_id FROM "case" WHERE id = ANY($1::uuid[])',
      [given],
    );
    if (!rows.some((row) => hidden.includes(row.workflow_id))) return;
    const seen = new Set(rows.filter((row) => !hidden.includes(row.workflow_id)).map((row) => row.id));
    throw notFound('case', given.find((id) => !seen.has(id.toLowerCase())) as string);
  }

  /** One case, as checkCases (the upload route names its case in the path, outside the guard's reach). */
  checkCase(actor: Actor, caseId: string): Promise<void> {
    return this.checkCases(actor, [caseId]);
  }

  /**
   * Refuses an id no case has, NOT_FOUND: for the reads by case id that would otherwise answer an
   * empty list, so an unknown case and a hidden one get the same answer.
   */
  async checkExists(caseId: string): Promise<void> {
    const [row] = isUuid(caseId)
      ? await this.dataSource.query('SELECT 1 FROM "case" WHERE id = $1', [caseId])
      : [];
    if (!row) throw notFound('case', caseId);
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

  /** The same for an incoming e-mail on a case (a reply threaded onto it), refused as an unknown e-mail. */
  async checkIncomingMail(actor: Actor, mailId: string): Promise<void> {
    await this.checkRow(
      actor,
      `SELECT c.workflow_id, c.id AS case_id FROM incoming_mail m JOIN "case" c ON c.id = m.case_id WHERE m.id = $1`,
      mailId,
      () => notFound('incoming mail', mailId),
    );
  }

  /** The same for a link between two cases, refused as an unknown link when either case is hidden. */
  async checkLink(actor: Actor, linkId: string): Promise<void> {
    await this.checkRow(
      actor,
      `SELECT c.workflow_id, c.id AS case_id FROM case_link l JOIN "case" c ON c.id IN (l.case_id, l.other_case_id)
        WHERE l.id = $1`,
      linkId,
      () => notFound('link', linkId),
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

  /** The personal-data reads logged, newest first, of one case or of all the cases this person may see. */
  async reads(
    actor: Actor,
    caseId: string | null | undefined,
    limit: number,
  ): Promise<PersonalDataReadRow[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw invalid('limit', 'limit is between 1 and 500.');
    if (caseId) await this.checkExists(caseId);
    return this.dataSource.query(
      `SELECT r.id, r.at, r.actor_id AS "actorId", u.name || ' <' || u.email || '>' AS "actorLabel",
              r.case_id AS "caseId", c.reference AS "caseReference", r.field_group AS "fieldGroup"
         FROM personal_data_read r JOIN "user" u ON u.id = r.actor_id JOIN "case" c ON c.id = r.case_id
        WHERE ($1::uuid IS NULL OR r.case_id = $1) AND c.workflow_id <> ALL($3::text[])
        ORDER BY r.id DESC LIMIT $2`,
      [caseId ?? null, limit, await this.hiddenWorkflows(actor)],
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

  /** Refuses the thing when any case its rows name is hidden from this person; the first row's case id. */
  private async checkRow(actor: Actor, sql: string, id: string, refuse: () => Error): Promise<string | null> {
    if (!isUuid(id)) return null;
    const [hidden, rows] = await Promise.all([
      this.hiddenWorkflows(actor),
      this.dataSource.query<{ workflow_id: string; case_id: string }[]>(sql, [id]),
    ]);
    if (rows.some((row) => hidden.includes(row.workflow_id))) throw refuse();
    return rows[0]?.case_id ?? null;
  }
}
