import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addWorkingDays } from '@recordflow/calendar';
import { TASK_ANSWERED, TASK_CANCELLED, TASK_CHASED, TASK_RAISED } from '@recordflow/workflow';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CaseAccess } from '../access/case-access.service';
import type { Actor } from '../auth/current-user';
import { type CaseClosing, CasesService } from '../cases/cases.service';
import { ukToday } from '../common/dates';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { Attachment } from '../documents/attachment.entity';
import { DocumentsService } from '../documents/documents.service';
import type { ReceivedFile } from '../documents/upload';
import { Team, UserTeam } from '../people/team.entity';
import { User } from '../users/user.entity';
import { withoutRequester } from './request-text';
import { committedText, newSalt } from './stored-texts';
import { CaseTask, CaseTaskAttachment, CaseTaskEvent } from './task.entity';
import {
  type AnswerTaskInput,
  type CancelTaskInput,
  type ChaseTaskInput,
  type RaiseTaskInput,
  type TaskModel,
  TaskStatusFilter,
  type TasksFilter,
} from './tasks.model';

export const MAX_WORKING_DAYS = 60;
const MAX_TEXT = 20_000;

/** Officers and administrators handle cases; anyone else (a contributor) sees only the tasks given to them or their team. */
export const handlesCases = (actor: Actor) =>
  actor.roles.includes('officer') || actor.roles.includes('admin');

const userModel = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  disabled: u.disabled,
  invited: false,
});

function text(field: string, value: string | null | undefined, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (required && trimmed === '') throw invalid(field, 'is empty', `${field}: write something.`);
  if (trimmed.length > MAX_TEXT) throw invalid(field, `is longer than ${MAX_TEXT} characters`);
  return trimmed === '' ? null : trimmed;
}

/**
 * Tasks to service areas: raised, chased, answered (with files) and cancelled by people, each recorded
 * in the case history as a record-only event with the salted commitment of its text; reminded and marked overdue by
 * TaskClock. Contributors reach only the tasks given to them or to a team of theirs.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
    private readonly access: CaseAccess,
  ) {
    // No task hangs on a closed case: closing (or voiding) it cancels its open tasks in the same transaction.
    cases.whenClosed((manager, closing) => this.cancelOnClosing(manager, closing));
  }

  /** Tasks matching the filter, soonest due first; a contributor's are always only their own. */
  async list(actor: Actor, filter: TasksFilter, first: number): Promise<TaskModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 200) {
      throw refusal('BAD_USER_INPUT', `first must be between 1 and 200, not ${first}.`);
    }
    for (const field of ['caseId', 'teamId'] as const) {
      const id = filter[field];
      if (id && !isUuid(id)) throw notFound(field === 'caseId' ? 'case' : 'team', id);
    }
    // An unknown case is NOT_FOUND, as a hidden one is (the guard), not an empty list.
    if (filter.caseId) await this.access.checkExists(filter.caseId);
    const query = this.dataSource.getRepository(CaseTask).createQueryBuilder('t');
    const status = filter.status ?? TaskStatusFilter.OPEN;
    if (status !== TaskStatusFilter.ALL) query.andWhere('t.status = :status', { status });
    const givenToMe =
      '(t.assignee_id = :me OR t.team_id IN (SELECT m.team_id FROM user_team m WHERE m.user_id = :me))';
    if (filter.mine || !handlesCases(actor)) query.andWhere(givenToMe, { me: actor.id });
    else {
      // Staff see every task but those on cases of a restricted workflow hidden from them, unless given to them.
      const hidden = await this.access.hiddenWorkflows(actor);
      if (hidden.length > 0)
        query.andWhere(
          `(NOT EXISTS (SELECT 1 FROM "case" c WHERE c.id = t.case_id AND c.workflow_id = ANY(:hidden)) OR ${givenToMe})`,
          { hidden, me: actor.id },
        );
    }
    if (filter.caseId) query.andWhere('t.case_id = :caseId', { caseId: filter.caseId });
    if (filter.teamId) query.andWhere('t.team_id = :teamId', { teamId: filter.teamId });
    if (filter.overdue) query.andWhere(`t.status = 'open' AND t.overdue_at IS NOT NULL`);
    const rows = await query.orderBy('t.due_on').addOrderBy('t.raised_at').limit(first).getMany();
    return this.assemble(rows);
  }

  /** One task, as the actor may see it; NOT_FOUND for a task that is not theirs to see. */
  async get(actor: Actor, id: string): Promise<TaskModel> {
    const [model] = await this.assemble([await this.visible(this.dataSource.manager, actor, id)]);
    return model as TaskModel;
  }

  /** The tasks of cases, for the case page. */
  async ofCases(caseIds: readonly string[]): Promise<Map<string, TaskModel[]>> {
    const rows = await this.dataSource
      .getRepository(CaseTask)
      .find({ where: { caseId: In([...caseIds]) }, order: { raisedAt: 'ASC' } });
    const byCase = new Map<string, TaskModel[]>();
    for (const task of await this.assemble(rows)) {
      const list = byCase.get(task.case.id) ?? [];
      list.push(task);
      byCase.set(task.case.id, list);
    }
    return byCase;
  }

  async raise(actor: Actor, input: RaiseTaskInput): Promise<TaskModel> {
    if (!isUuid(input.caseId)) throw notFound('case', input.caseId);
    const question = text('input.question', input.question, true) as string;
    if (
      !Number.isInteger(input.workingDays) ||
      input.workingDays < 1 ||
      input.workingDays > MAX_WORKING_DAYS
    ) {
      throw invalid('input.workingDays', `is between 1 and ${MAX_WORKING_DAYS}`);
    }
    const teamId = input.teamId ?? null;
    const assigneeId = input.assigneeId ?? null;
    if (!teamId && !assigneeId) {
      throw refusal('VALIDATION_FAILED', 'Give the task to a team, a person or both.', {
        fields: [
          { field: 'input.teamId', message: 'give a team or a person' },
          { field: 'input.assigneeId', message: 'give a team or a person' },
        ],
      });
    }
    const id = randomUUID();
    const textSalt = newSalt();
    await this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query(`SELECT status FROM "case" WHERE id = $1 FOR UPDATE`, [
        input.caseId,
      ]);
      if (!found) throw notFound('case', input.caseId);
      if (found.status !== 'open') {
        throw refusal('EVENT_NOT_ALLOWED', 'The case is closed: tasks are raised on open cases only.');
      }
      await this.checkGivenTo(manager, teamId, assigneeId);
      // Working days of the authority's own nation and its run-time holidays (a SAR controller's calendar),
      // read on this transaction's connection: asking the pool for a second one while the case is locked can starve it.
      const calendar = await this.cases.calendarNow(manager);
      const raisedOn = ukToday();
      const dueOn = addWorkingDays('sar', raisedOn, input.workingDays, calendar.options);
      const remindOn =
        input.workingDays > 1
          ? addWorkingDays('sar', raisedOn, input.workingDays - 1, calendar.options)
          : dueOn;
      const sequence = await this.cases.recordFact(manager, actor, input.caseId, TASK_RAISED, {
        taskId: id,
        teamId,
        assigneeId,
        workingDays: input.workingDays,
        dueOn,
        ...committedText(TASK_RAISED, textSalt, question),
      });
      await manager.getRepository(CaseTask).insert({
        id,
        caseId: input.caseId,
        teamId,
        assigneeId,
        question,
        textSalt,
        workingDays: input.workingDays,
        raisedOn,
        dueOn,
        remindOn,
        status: 'open',
        raisedBy: actor.id,
      });
      await this.log(manager, id, 'raised', actor.id, null, sequence);
    });
    return this.get(actor, id);
  }

  async chase(actor: Actor, input: ChaseTaskInput): Promise<TaskModel> {
    const message = text('input.message', input.message, false);
    await this.onOpenTask(actor, input.taskId, async (manager, task) => {
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM case_task_event WHERE task_id = $1 AND kind = 'chased'`,
        [task.id],
      );
      const salt = newSalt();
      const sequence = await this.cases.recordFact(manager, actor, task.caseId, TASK_CHASED, {
        taskId: task.id,
        chaser: n + 1,
        ...committedText(TASK_CHASED, salt, message),
      });
      await this.log(manager, task.id, 'chased', actor.id, message, sequence, message === null ? null : salt);
    });
    return this.get(actor, input.taskId);
  }

  async answer(actor: Actor, input: AnswerTaskInput): Promise<TaskModel> {
    const answer = text('input.answer', input.answer, true) as string;
    await this.onOpenTask(actor, input.taskId, async (manager, task) => {
      const files = await manager.getRepository(CaseTaskAttachment).findBy({ taskId: task.id });
      const textSalt = task.textSalt ?? newSalt();
      const sequence = await this.cases.recordFact(manager, actor, task.caseId, TASK_ANSWERED, {
        taskId: task.id,
        ...committedText(TASK_ANSWERED, textSalt, answer),
        attachmentIds: files.map((f) => f.attachmentId).sort(),
      });
      await manager
        .getRepository(CaseTask)
        .update(task.id, { status: 'answered', answer, textSalt, closedBy: actor.id, closedAt: new Date() });
      await this.log(manager, task.id, 'answered', actor.id, null, sequence);
    });
    return this.get(actor, input.taskId);
  }

  async cancel(actor: Actor, input: CancelTaskInput): Promise<TaskModel> {
    const reason = text('input.reason', input.reason, true) as string;
    await this.onOpenTask(actor, input.taskId, async (manager, task) => {
      const textSalt = task.textSalt ?? newSalt();
      const sequence = await this.cases.recordFact(manager, actor, task.caseId, TASK_CANCELLED, {
        taskId: task.id,
        ...committedText(TASK_CANCELLED, textSalt, reason),
      });
      await manager.getRepository(CaseTask).update(task.id, {
        status: 'cancelled',
        cancelReason: reason,
        textSalt,
        closedBy: actor.id,
        closedAt: new Date(),
      });
      await this.log(manager, task.id, 'cancelled', actor.id, null, sequence);
    });
    return this.get(actor, input.taskId);
  }

  /** Cancels each open task of a case that has just closed, as its closer, recorded as any cancellation. */
  private async cancelOnClosing(manager: EntityManager, closing: CaseClosing): Promise<void> {
    // The case is locked by the closure; the tasks are locked next, the order every task change takes.
    const open = await manager
      .getRepository(CaseTask)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where(`t.case_id = :caseId AND t.status = 'open'`, { caseId: closing.caseId })
      .orderBy('t.raised_at')
      .addOrderBy('t.id')
      .getMany();
    for (const task of open) {
      const textSalt = task.textSalt ?? newSalt();
      const sequence = await closing.recordFact(TASK_CANCELLED, {
        taskId: task.id,
        ...committedText(TASK_CANCELLED, textSalt, closing.reason),
      });
      await manager.getRepository(CaseTask).update(task.id, {
        status: 'cancelled',
        cancelReason: closing.reason,
        textSalt,
        closedBy: closing.actor.id,
        closedAt: new Date(),
      });
      await this.log(manager, task.id, 'cancelled', closing.actor.id, null, sequence);
    }
  }

  /** People a task may be given to: enabled officers and contributors, members of the team when one is given. */
  async assignees(teamId: string | null | undefined) {
    if (
      teamId &&
      (!isUuid(teamId) || !(await this.dataSource.getRepository(Team).existsBy({ id: teamId })))
    ) {
      throw notFound('team', teamId ?? '');
    }
    const users: User[] = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('NOT u.disabled')
      .andWhere(`(u.roles && ARRAY['officer', 'contributor']::text[])`)
      .andWhere(
        '(CAST(:teamId AS uuid) IS NULL OR EXISTS (SELECT 1 FROM user_team m WHERE m.user_id = u.id AND m.team_id = CAST(:teamId AS uuid)))',
        { teamId: teamId ?? null },
      )
      .orderBy('lower(u.name)')
      .getMany();
    return users.map(userModel);
  }

  /** Before an upload is read: the task is the actor's to answer, and still open. */
  async checkFileUpload(actor: Actor, taskId: string): Promise<CaseTask> {
    const task = await this.visible(this.dataSource.manager, actor, taskId);
    if (task.status !== 'open') throw closedTask(task);
    return task;
  }

  /** Keeps an uploaded file as a document of the task's case (DOCUMENT_ADDED), given with the task's answer. */
  async addFile(actor: Actor, task: CaseTask, file: ReceivedFile) {
    return this.documents.add(actor, task.caseId, 'gathered', file, async (manager, saved) => {
      const [locked] = await manager.query(`SELECT status FROM case_task WHERE id = $1 FOR UPDATE`, [
        task.id,
      ]);
      if (locked?.status !== 'open') throw closedTask(task);
      await manager.getRepository(CaseTaskAttachment).insert({ taskId: task.id, attachmentId: saved.id });
      await this.log(manager, task.id, 'file-added', actor.id, saved.filename, saved.eventSequence);
    });
  }

  /**
   * Runs a change on an open task the actor may work on, in one transaction that locks the case, then
   * the task (the order every case write takes), so two answers or an answer and a cancel never both apply.
   */
  private async onOpenTask(
    actor: Actor,
    taskId: string,
    change: (manager: EntityManager, task: CaseTask) => Promise<void>,
  ): Promise<void> {
    const seen = await this.visible(this.dataSource.manager, actor, taskId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM "case" WHERE id = $1 FOR UPDATE`, [seen.caseId]);
      const task = await manager
        .getRepository(CaseTask)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: taskId })
        .getOneOrFail();
      if (task.status !== 'open') throw closedTask(task);
      await change(manager, task);
    });
  }

  /**
   * The task if the actor may see it: one given to them or their team; staff also every other task but
   * those on a case hidden from them (a restricted workflow's), like the case itself.
   */
  private async visible(manager: EntityManager, actor: Actor, id: string): Promise<CaseTask> {
    if (!isUuid(id)) throw notFound('task', id);
    const task = await manager.getRepository(CaseTask).findOneBy({ id });
    if (!task) throw notFound('task', id);
    if (task.assigneeId === actor.id) return task;
    const member =
      task.teamId !== null &&
      (await manager.getRepository(UserTeam).existsBy({ userId: actor.id, teamId: task.teamId }));
    if (member) return task;
    // The same answer as for a task that does not exist: nothing is learnt of a case one may not see.
    if (!handlesCases(actor)) throw notFound('task', id);
    const hidden = await this.access.hiddenWorkflows(actor);
    if (hidden.length > 0) {
      const [row] = await manager.query('SELECT workflow_id FROM "case" WHERE id = $1', [task.caseId]);
      if (row && hidden.includes(row.workflow_id)) throw notFound('task', id);
    }
    return task;
  }

  /** A team that exists; a person who is enabled, an officer or contributor, and in the team when one is given. */
  private async checkGivenTo(manager: EntityManager, teamId: string | null, assigneeId: string | null) {
    if (teamId && (!isUuid(teamId) || !(await manager.getRepository(Team).existsBy({ id: teamId })))) {
      throw notFound('team', teamId);
    }
    if (!assigneeId) return;
    const user = isUuid(assigneeId) ? await manager.getRepository(User).findOneBy({ id: assigneeId }) : null;
    if (!user || user.disabled) throw notFound('user', assigneeId);
    if (!user.roles.includes('officer') && !user.roles.includes('contributor')) {
      throw invalid(
        'input.assigneeId',
        'is not an officer or contributor',
        'Tasks go to officers or contributors.',
      );
    }
    if (teamId && !(await manager.getRepository(UserTeam).existsBy({ userId: assigneeId, teamId }))) {
      throw invalid(
        'input.assigneeId',
        'is not a member of the team',
        'The person is not a member of that team.',
      );
    }
  }

  private async log(
    manager: EntityManager,
    taskId: string,
    kind: string,
    actorId: string | null,
    message: string | null,
    caseSequence: number | null,
    messageSalt: string | null = null,
  ) {
    await manager
      .getRepository(CaseTaskEvent)
      .insert({ taskId, kind, actorId, message, messageSalt, caseSequence });
  }

  /** Tasks as the api shows them, with their people, team, case (without the requester), files and activity. */
  private async assemble(rows: CaseTask[]): Promise<TaskModel[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [events, files, teams, cases] = await Promise.all([
      this.dataSource.getRepository(CaseTaskEvent).find({ where: { taskId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(CaseTaskAttachment).findBy({ taskId: In(ids) }),
      this.dataSource
        .getRepository(Team)
        .findBy({ id: In(rows.flatMap((r) => (r.teamId ? [r.teamId] : []))) }),
      this.caseSummaries([...new Set(rows.map((r) => r.caseId))]),
    ]);
    const userIds = new Set<string>();
    for (const r of rows) for (const id of [r.assigneeId, r.raisedBy, r.closedBy]) if (id) userIds.add(id);
    for (const e of events) if (e.actorId) userIds.add(e.actorId);
    const [users, attachments] = await Promise.all([
      this.dataSource.getRepository(User).findBy({ id: In([...userIds]) }),
      this.dataSource.getRepository(Attachment).findBy({ id: In(files.map((f) => f.attachmentId)) }),
    ]);
    const userOf = (id: string | null) => {
      const user = id ? users.find((u) => u.id === id) : undefined;
      return user ? userModel(user) : null;
    };
    return rows.map((r) => {
      const own = events.filter((e) => e.taskId === r.id);
      return {
        id: r.id,
        question: r.question,
        status: r.status,
        workingDays: r.workingDays,
        raisedOn: r.raisedOn,
        dueOn: r.dueOn,
        remindOn: r.remindOn,
        remindedAt: r.remindedAt,
        overdue: r.status === 'open' && r.overdueAt !== null,
        overdueAt: r.overdueAt,
        team: teams.find((t) => t.id === r.teamId) ?? null,
        assignee: userOf(r.assigneeId),
        raisedBy: userOf(r.raisedBy) as TaskModel['raisedBy'],
        raisedAt: r.raisedAt,
        answer: r.answer,
        closedBy: userOf(r.closedBy),
        closedAt: r.closedAt,
        cancelReason: r.cancelReason,
        chasers: own.filter((e) => e.kind === 'chased').length,
        case: cases.get(r.caseId) as TaskModel['case'],
        files: files
          .filter((f) => f.taskId === r.id)
          .flatMap((f) => attachments.filter((a) => a.id === f.attachmentId))
          .map((a) => ({ id: a.id, filename: a.filename, size: a.size, sha256: a.sha256 })),
        activity: own.map((e) => ({
          at: e.at,
          kind: e.kind,
          actorName: userOf(e.actorId)?.name ?? 'system',
          message: e.message,
        })),
      };
    });
  }

  /** What a task needs of its case; the requester's details are read only to take them out of the request text. */
  private async caseSummaries(caseIds: string[]): Promise<Map<string, TaskModel['case']>> {
    const rows: {
      id: string;
      reference: string;
      subject: string;
      regime: string;
      received_on: string;
      request_text: string;
      name: string | null;
      email: string | null;
      address: string | null;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.reference, c.subject, c.regime, to_char(c.received_on, 'YYYY-MM-DD') AS received_on,
              c.request_text, r.name, r.email, r.address
         FROM "case" c LEFT JOIN requester r ON r.id = c.requester_id
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          reference: r.reference,
          subject: withoutRequester(r.subject, r),
          regime: r.regime,
          receivedOn: r.received_on,
          requestText: withoutRequester(r.request_text, r),
        },
      ]),
    );
  }
}

const closedTask = (task: CaseTask) =>
  refusal('EVENT_NOT_ALLOWED', `The task is ${task.status} already: nothing more can be done to it.`);
