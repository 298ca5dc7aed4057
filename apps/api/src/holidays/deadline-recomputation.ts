import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIsoDate } from '@recordflow/calendar';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService } from '../cases/cases.service';
import { refusal } from '../common/errors';
import type { AddHolidayInput, AddHolidayResult, HolidayModel } from './holiday.model';

const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'];

/** Run-time holidays, and the recomputation of open cases' deadlines they cause. */
@Injectable()
export class DeadlineRecomputation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async list(): Promise<HolidayModel[]> {
    const rows = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, title, divisions, created_at FROM holiday ORDER BY date`,
    );
    return rows.map((row: { date: string; title: string; divisions: string[]; created_at: Date }) => ({
      date: row.date,
      title: row.title,
      divisions: row.divisions,
      createdAt: row.created_at,
    }));
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
       ON CONFLICT (date, title) DO NOTHING RETURNING to_char(date, 'YYYY-MM-DD') AS date, title, divisions, created_at`,
      [input.date, input.title.trim(), input.divisions, actor.id],
    );
    if (!row)
      throw refusal('VALIDATION_FAILED', `${input.title} on ${input.date} is already in the calendar.`);
    const casesRecomputed = await this.cases.recomputeOpenDeadlines(actor);
    return {
      holiday: { date: row.date, title: row.title, divisions: row.divisions, createdAt: row.created_at },
      casesRecomputed,
    };
  }
}
