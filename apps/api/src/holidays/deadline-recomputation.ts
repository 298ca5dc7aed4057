import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Division,
  type ExtraHoliday,
  formatDate,
  holidayChangeProblem,
  isIsoDate,
} from '@recordflow/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService, type DeadlinePreview } from '../cases/cases.service';
import { refusal } from '../common/errors';
import type {
  AddHolidayInput,
  AddHolidayResult,
  HolidayChangeInput,
  HolidayChangeResult,
  HolidayModel,
  MoveHolidayInput,
  RemoveHolidayInput,
} from './holiday.model';

const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'];

interface HolidayRow {
  date: string;
  title: string;
  divisions: string[];
  removed: boolean;
  created_at: Date;
}

const COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, title, divisions, removed, created_at`;

const toModel = (row: HolidayRow): HolidayModel => ({
  date: row.date,
  title: row.title,
  divisions: row.divisions,
  removed: row.removed,
  createdAt: row.created_at,
});

const toChange = (input: HolidayChangeInput): ExtraHoliday => ({
  date: input.date,
  title: input.title.trim(),
  divisions: input.divisions as Division[],
  ...(input.removed ? { removed: true } : {}),
});

/** Run-time holiday changes (added, removed, moved), and the recomputation of open cases' deadlines they cause. */
@Injectable()
export class DeadlineRecomputation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async list(): Promise<HolidayModel[]> {
    const rows: HolidayRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM holiday ORDER BY date, created_at, id`,
    );
    return rows.map(toModel);
  }

  async addHoliday(actor: Actor, input: AddHolidayInput): Promise<AddHolidayResult> {
    const fields: { field: string; message: string }[] = [];
    if (!isIsoDate(input.date)) fields.push({ field: 'date', message: `${input.date} is not a date.` });
    if (input.title.trim() === '') fields.push({ field: 'title', message: 'The title is empty.' });
    const unknown = input.divisions.filter((d) => !DIVISIONS.includes(d));
    if (input.divisions.length === 0 || unknown.length > 0) {
      fields.push({ field: 'divisions', message: `Name one or more of ${DIVISIONS.join(', ')}.` });
    }
    if (fields.length > 0) {
      throw refusal('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join(' '), { fields });
    }
    const [row] = await this.dataSource.query(
      `INSERT INTO holiday (date, title, divisions, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date, title) DO NOTHING RETURNING ${COLUMNS}`,
      [input.date, input.title.trim(), input.divisions, actor.id],
    );
    if (!row)
      throw refusal('VALIDATION_FAILED', `${input.title} on ${input.date} is already in the calendar.`);
    const casesRecomputed = await this.cases.recomputeOpenDeadlines(actor);
    return { holiday: toModel(row), casesRecomputed };
  }

  /** Makes a published (or earlier added) bank holiday a working day again. */
  removeHoliday(actor: Actor, input: RemoveHolidayInput): Promise<HolidayChangeResult> {
    return this.record(actor, [
      { date: input.date, title: input.reason, divisions: input.divisions, removed: true },
    ]);
  }

  /** A holiday moved by proclamation: its old date a working day again, its new date a holiday, in one step. */
  moveHoliday(actor: Actor, input: MoveHolidayInput): Promise<HolidayChangeResult> {
    const to = isIsoDate(input.to) ? formatDate(input.to) : input.to;
    const from = isIsoDate(input.from) ? formatDate(input.from) : input.from;
    return this.record(actor, [
      {
        date: input.from,
        title: `${input.title.trim() || 'The holiday'} moved to ${to} by proclamation`,
        divisions: input.divisions,
        removed: true,
      },
      {
        date: input.to,
        title: input.title.trim() === '' ? '' : `${input.title.trim()} (moved from ${from})`,
        divisions: input.divisions,
        removed: false,
      },
    ]);
  }

  /** The open cases whose deadlines the changes would move, and to what; nothing is recorded. */
  async preview(changes: HolidayChangeInput[]): Promise<DeadlinePreview[]> {
    const earlier = await this.changesSoFar(this.dataSource.manager);
    const proposed = this.checked(changes, earlier);
    const calendar = (await this.cases.calendarNow()).options;
    return this.cases.previewOpenDeadlines({
      ...calendar,
      extraHolidays: [...(calendar.extraHolidays ?? []), ...proposed],
    });
  }

  /** The changes already recorded, in the order they apply. */
  private async changesSoFar(manager: EntityManager): Promise<ExtraHoliday[]> {
    const rows: HolidayRow[] = await manager.query(`SELECT ${COLUMNS} FROM holiday ORDER BY created_at, id`);
    return rows.map((row) => toChange({ ...row, removed: row.removed }));
  }

  /** Each change checked against the calendar as the ones before it leave it; VALIDATION_FAILED naming every problem. */
  private checked(changes: HolidayChangeInput[], earlier: ExtraHoliday[]): ExtraHoliday[] {
    if (changes.length === 0) throw refusal('VALIDATION_FAILED', 'Propose at least one change.');
    const applied = [...earlier];
    const problems: { field: string; message: string }[] = [];
    for (const [index, input] of changes.entries()) {
      const change = toChange(input);
      const problem = holidayChangeProblem(change, applied);
      if (problem) problems.push({ field: `changes.${index}`, message: problem });
      applied.push(change);
    }
    if (problems.length > 0) {
      throw refusal('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), { fields: problems });
    }
    return applied.slice(earlier.length);
  }

  /** Checks and records the changes in one transaction (under a lock, so checks see every earlier change), then recomputes. */
  private async record(actor: Actor, changes: HolidayChangeInput[]): Promise<HolidayChangeResult> {
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE holiday IN SHARE ROW EXCLUSIVE MODE');
      const checked = this.checked(changes, await this.changesSoFar(manager));
      const written: HolidayRow[] = [];
      for (const change of checked) {
        const [row] = await manager.query(
          `INSERT INTO holiday (date, title, divisions, removed, created_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (date, title) DO NOTHING RETURNING ${COLUMNS}`,
          [change.date, change.title, change.divisions, change.removed === true, actor.id],
        );
        if (!row) {
          throw refusal('VALIDATION_FAILED', `${change.title} on ${change.date} is already in the calendar.`);
        }
        written.push(row);
      }
      return written;
    });
    const casesRecomputed = await this.cases.recomputeOpenDeadlines(actor);
    return { changes: rows.map(toModel), casesRecomputed };
  }
}
