import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesQuery } from '../cases/cases.query';
import { isDueSoon } from '../cases/deadline-status';
import { ukToday } from '../common/dates';
import { invalid, isUuid } from '../common/errors';
import { MailService } from '../mail/mail.service';
import {
  NOTIFICATION_KINDS,
  Notification,
  type NotificationKind,
  NotificationPreference,
} from './notification.entity';

/** The system, as the sender of notices on the mail queue. */
const NOTIFIER: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'Recordflow',
  email: '',
  roles: ['system'],
};

/** Assignments older than this are never noticed (a new replica does not mail last year's). */
const ASSIGNMENT_LOOKBACK_DAYS = 7;

/** Task events older than this are never noticed, as for assignments. */
const TASK_LOOKBACK_DAYS = 7;

/** Shortens officer-written text for a notice; the task's page has the whole of it. */
const short = (text: string, length: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length - 1);
  // At a word's end when there is one in the second half.
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** One notice to make: its key makes it once. */
interface Notice {
  key: string;
  userId: string;
  email: string;
  kind: NotificationKind;
  caseId: string | null;
  title: string;
  body: string;
}

export interface Preference {
  kind: NotificationKind;
  email: boolean;
  inApp: boolean;
}

interface OpenCase {
  id: string;
  reference: string;
  subject: string;
  regime: string;
  status: string;
  due_on: string | null;
  assignee_id: string | null;
  team_id: string | null;
}

/**
 * Finds what officers should be told (assignments, cases due soon or overdue, tasks, the day's digests) and
 * makes each notice once: the notice's key is unique, so two replicas running the same round store
 * (and queue the e-mail of) each notice once; the loser's insert waits for the winner and does nothing.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly casesQuery: CasesQuery,
    private readonly mail: MailService,
  ) {}

  /** One round: every notice due on `today` (the digests only from `digestHour` UK time); returns how many were made. */
  async run(options: { today?: string; digests?: boolean } = {}): Promise<number> {
    const today = options.today ?? ukToday();
    const notices = [
      ...(await this.assignments()),
      ...(await this.deadlines(today)),
      ...(await this.tasks()),
    ];
    if (options.digests) notices.push(...(await this.digests(today)));
    let made = 0;
    for (const notice of notices) if (await this.make(notice)) made++;
    if (made > 0) {
      this.logger.log(`Notices made: ${made}`);
      this.mail.onQueued();
    }
    return made;
  }

  /** Stores the notice and queues its e-mail, as the user's choice for its kind says; false when it already exists or is off. */
  private async make(notice: Notice): Promise<boolean> {
    const preference = await this.preference(notice.userId, notice.kind);
    if (!preference.email && !preference.inApp) return false;
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO notification (key, user_id, kind, case_id, title, body, in_app)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING RETURNING id`,
        [notice.key, notice.userId, notice.kind, notice.caseId, notice.title, notice.body, preference.inApp],
      );
      if (!row) return false;
      if (preference.email && notice.email) {
        const mailId = await this.mail.queueNotice(manager, {
          to: notice.email,
          subject: notice.title,
          body: notice.body,
          actor: NOTIFIER,
        });
        await manager.query('UPDATE notification SET outgoing_mail_id = $2 WHERE id = $1', [row.id, mailId]);
      }
      return true;
    });
  }

  /** A case assigned to an officer by someone else, from the recent history. */
  private async assignments(): Promise<Notice[]> {
    const rows: {
      event_id: string;
      case_id: string;
      reference: string;
      subject: string;
      user_id: string;
      email: string;
      actor_label: string;
      due_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id AS event_id, c.id AS case_id, c.reference, c.subject, u.id AS user_id, u.email, e.actor_label,
              to_char(c.due_on, 'YYYY-MM-DD') AS due_on
         FROM case_event e
         JOIN "case" c ON c.id = e.case_id
         JOIN "user" u ON u.id = (e.payload->>'assigneeId')::uuid
        WHERE e.type = 'CASE_ASSIGNED' AND e.recorded_at > now() - make_interval(days => $1)
          AND e.actor_id IS DISTINCT FROM u.id AND NOT u.disabled AND c.status = 'open'
          AND c.assignee_id = u.id
          AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.key = 'assignment:' || e.id)`,
      [ASSIGNMENT_LOOKBACK_DAYS],
    );
    return rows.map((r) => ({
      key: `assignment:${r.event_id}`,
      userId: r.user_id,
      email: r.email,
      kind: 'assignment',
      caseId: r.case_id,
      title: `${r.reference} is assigned to you`,
      body: `${r.actor_label} assigned case ${r.reference} (${r.subject}) to you.${r.due_on ? ` It is due on ${r.due_on}.` : ''}`,
    }));
  }

  /**
   * Tasks raised, reminded (on their remind day) and overdue, to the person asked or else each enabled
   * member of the team; tasks answered, to the one who raised them. Read from the task log (the task
   * clock marks reminders and overdue once), never the requester: only the case reference and question.
   */
  private async tasks(): Promise<Notice[]> {
    const rows: {
      task_id: string;
      event: 'raised' | 'reminded' | 'overdue' | 'answered';
      case_id: string;
      reference: string;
      question: string;
      due_on: string;
      user_id: string;
      email: string;
      actor_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT t.id AS task_id, e.kind AS event, t.case_id, c.reference, t.question,
              to_char(t.due_on, 'YYYY-MM-DD') AS due_on, u.id AS user_id, u.email, a.name AS actor_name
         FROM case_task_event e
         JOIN case_task t ON t.id = e.task_id
         JOIN "case" c ON c.id = t.case_id
         JOIN "user" u ON CASE
                WHEN e.kind = 'answered' THEN u.id = t.raised_by
                WHEN t.assignee_id IS NOT NULL THEN u.id = t.assignee_id
                ELSE u.id IN (SELECT m.user_id FROM user_team m WHERE m.team_id = t.team_id) END
         LEFT JOIN "user" a ON a.id = e.actor_id
        WHERE e.kind IN ('raised', 'reminded', 'overdue', 'answered')
          AND e.at > now() - make_interval(days => $1)
          AND (e.kind = 'answered' OR t.status = 'open')
          AND e.actor_id IS DISTINCT FROM u.id AND NOT u.disabled
          AND ('officer' = ANY(u.roles) OR 'contributor' = ANY(u.roles))
          AND NOT EXISTS (SELECT 1 FROM notification n
                           WHERE n.key = 'task:' || t.id || ':' || e.kind || ':' || u.id)
        ORDER BY e.id`,
      [TASK_LOOKBACK_DAYS],
    );
    return rows.map((r) => {
      const question = short(r.question, 60);
      const text = {
        raised: {
          title: `A task on ${r.reference}: ${question} — due ${r.due_on}`,
          body: `${r.actor_name ?? 'An officer'} asked you (or your team) about case ${r.reference}: "${short(r.question, 200)}". Please answer by ${r.due_on}.`,
        },
        reminded: {
          title: `Reminder: a task on ${r.reference} is due on ${r.due_on}`,
          body: `The task on case ${r.reference} ("${question}") is due on ${r.due_on} and is not answered yet.`,
        },
        overdue: {
          title: `A task on ${r.reference} is overdue`,
          body: `The task on case ${r.reference} ("${question}") was due on ${r.due_on} and is not answered yet.`,
        },
        answered: {
          title: `Your task on ${r.reference} is answered`,
          body: `${r.actor_name ?? 'Someone'} answered your task on case ${r.reference} ("${question}").`,
        },
      }[r.event];
      return {
        key: `task:${r.task_id}:${r.event}:${r.user_id}`,
        userId: r.user_id,
        email: r.email,
        kind: 'task' as const,
        caseId: r.case_id,
        ...text,
      };
    });
  }

  /** Each assigned open case due soon or overdue, once per due date (a new due date is a new notice). */
  private async deadlines(today: string): Promise<Notice[]> {
    const lookahead = await this.casesQuery.deadlineRulesOn(today);
    const cases = await this.openCases(`c.assignee_id IS NOT NULL AND c.due_on IS NOT NULL`);
    const officers = await this.officers(cases.map((c) => c.assignee_id as string));
    const notices: Notice[] = [];
    for (const c of cases) {
      const officer = officers.get(c.assignee_id as string);
      if (!officer) continue;
      const row = { status: c.status, regime: c.regime, dueOn: c.due_on };
      if (row.dueOn !== null && row.dueOn < today) {
        notices.push({
          key: `overdue:${c.id}:${c.due_on}:${officer.id}`,
          userId: officer.id,
          email: officer.email,
          kind: 'overdue',
          caseId: c.id,
          title: `${c.reference} is overdue`,
          body: `Case ${c.reference} (${c.subject}) was due on ${c.due_on} and is still open.`,
        });
      } else if (isDueSoon(row, lookahead)) {
        notices.push({
          key: `due-soon:${c.id}:${c.due_on}:${officer.id}`,
          userId: officer.id,
          email: officer.email,
          kind: 'due-soon',
          caseId: c.id,
          title: `${c.reference} is due on ${c.due_on}`,
          body: `Case ${c.reference} (${c.subject}) is due on ${c.due_on}.`,
        });
      }
    }
    return notices;
  }

  /** The day's digest for each officer with open cases, and for each member of a team with open cases. */
  private async digests(today: string): Promise<Notice[]> {
    const lookahead = await this.casesQuery.deadlineRulesOn(today);
    const cases = await this.openCases('c.assignee_id IS NOT NULL OR c.team_id IS NOT NULL');
    const line = (c: OpenCase) => {
      const status =
        c.due_on && c.due_on < today
          ? 'OVERDUE'
          : isDueSoon({ status: c.status, regime: c.regime, dueOn: c.due_on }, lookahead)
            ? 'due soon'
            : 'open';
      return `- ${c.reference} (${status}${c.due_on ? `, due ${c.due_on}` : ''}): ${c.subject}`;
    };
    const notices: Notice[] = [];
    const byOfficer = group(
      cases.filter((c) => c.assignee_id),
      (c) => c.assignee_id as string,
    );
    const officers = await this.officers([...byOfficer.keys()]);
    for (const [userId, mine] of byOfficer) {
      const officer = officers.get(userId);
      if (!officer) continue;
      notices.push({
        key: `digest:${userId}:${today}`,
        userId,
        email: officer.email,
        kind: 'digest',
        caseId: null,
        title: `Your cases on ${today}: ${mine.length} open`,
        body: mine.map(line).join('\n'),
      });
    }
    const byTeam = group(
      cases.filter((c) => c.team_id),
      (c) => c.team_id as string,
    );
    if (byTeam.size > 0) {
      const members: { team_id: string; name: string; user_id: string; email: string }[] =
        await this.dataSource.query(
          `SELECT t.id AS team_id, t.name, u.id AS user_id, u.email FROM team t
           JOIN user_team m ON m.team_id = t.id JOIN "user" u ON u.id = m.user_id
          WHERE t.id = ANY($1::uuid[]) AND NOT u.disabled AND 'officer' = ANY(u.roles)`,
          [[...byTeam.keys()]],
        );
      for (const member of members) {
        const queue = byTeam.get(member.team_id) ?? [];
        const unassigned = queue.filter((c) => !c.assignee_id).length;
        notices.push({
          key: `team-digest:${member.team_id}:${member.user_id}:${today}`,
          userId: member.user_id,
          email: member.email,
          kind: 'team-digest',
          caseId: null,
          title: `${member.name} on ${today}: ${queue.length} open, ${unassigned} unassigned`,
          body: queue.map(line).join('\n'),
        });
      }
    }
    return notices;
  }

  private openCases(where: string): Promise<OpenCase[]> {
    return this.dataSource.query(
      `SELECT c.id, c.reference, c.subject, c.regime, c.status, to_char(c.due_on, 'YYYY-MM-DD') AS due_on,
              c.assignee_id, c.team_id
         FROM "case" c WHERE c.status = 'open' AND (${where}) ORDER BY c.due_on NULLS LAST, c.reference`,
    );
  }

  /** Enabled officers by id. */
  private async officers(ids: string[]): Promise<Map<string, { id: string; email: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await this.dataSource.query(
      `SELECT id, email FROM "user" WHERE id = ANY($1::uuid[]) AND NOT disabled AND 'officer' = ANY(roles)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  // The signed-in user's own notices and choices.

  list(user: Actor, unreadOnly: boolean): Promise<Notification[]> {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :user AND n.in_app', { user: user.id })
      .orderBy('n.created_at', 'DESC')
      .take(100);
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    return query.getMany();
  }

  async unreadCount(user: Actor): Promise<number> {
    const [row] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND in_app AND read_at IS NULL',
      [user.id],
    );
    return row.n;
  }

  /** Marks the user's own notices read (all of them when no ids are given); returns how many changed. */
  async markRead(user: Actor, ids: string[] | null): Promise<number> {
    if (ids?.some((id) => !isUuid(id))) throw invalid('ids', 'not notification ids');
    const [, changed] = await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [user.id, ids],
    );
    return changed;
  }

  async preferences(user: Actor): Promise<Preference[]> {
    const rows = await this.dataSource.getRepository(NotificationPreference).findBy({ userId: user.id });
    return NOTIFICATION_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, email: row?.email ?? true, inApp: row?.inApp ?? true };
    });
  }

  async setPreference(user: Actor, preference: Preference): Promise<Preference[]> {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(preference.kind)) {
      throw invalid('kind', `is not one of ${NOTIFICATION_KINDS.join(', ')}`);
    }
    await this.dataSource.query(
      `INSERT INTO notification_preference (user_id, kind, email, in_app) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = $3, in_app = $4, updated_at = now()`,
      [user.id, preference.kind, preference.email, preference.inApp],
    );
    return this.preferences(user);
  }

  private async preference(
    userId: string,
    kind: NotificationKind,
    manager?: EntityManager,
  ): Promise<Preference> {
    const [row] = await (manager ?? this.dataSource).query(
      'SELECT email, in_app FROM notification_preference WHERE user_id = $1 AND kind = $2',
      [userId, kind],
    );
    return { kind, email: row?.email ?? true, inApp: row?.in_app ?? true };
  }
}

function group<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
