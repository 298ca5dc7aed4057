import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTE_ADDED } from '@recordflow/workflow';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { CasesService } from '../cases/cases.service';
import { invalid, isUuid, notFound, refusal } from '../common/errors';
import { committedText, newSalt } from '../tasks/stored-texts';
import { User } from '../users/user.entity';
import { CaseNote } from './case-note.entity';
import type { CaseNoteModel } from './notes.model';

const MAX_NOTE = 20_000;

/** Internal notes on a case: text here, its salted commitment in the case history (NOTE_ADDED), never in a letter. */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async add(actor: Actor, caseId: string, text: string): Promise<CaseNoteModel> {
    if (!isUuid(caseId)) throw notFound('case', caseId);
    const trimmed = text.trim();
    if (trimmed === '') throw invalid('input.text', 'is empty', 'input.text: write the note.');
    if (trimmed.length > MAX_NOTE) throw invalid('input.text', `is longer than ${MAX_NOTE} characters`);
    const id = randomUUID();
    const textSalt = newSalt();
    const { textCommitment } = committedText(NOTE_ADDED, textSalt, trimmed);
    await this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query(
        `SELECT id, reference, anonymised_at FROM "case" WHERE id = $1 FOR UPDATE`,
        [caseId],
      );
      if (!found) throw notFound('case', caseId);
      // Its free texts were erased with the requester's data; a new one would bring personal data back.
      if (found.anonymised_at)
        throw refusal('EVENT_NOT_ALLOWED', `Case ${found.reference} was anonymised; it takes no new notes.`, {
          allowed: [],
        });
      const eventSequence = await this.cases.recordFact(manager, actor, caseId, NOTE_ADDED, {
        noteId: id,
        textCommitment,
      });
      await manager.getRepository(CaseNote).insert({
        id,
        caseId,
        text: trimmed,
        textSha256: textCommitment as string,
        textSalt,
        createdBy: actor.id,
        eventSequence,
      });
    });
    const [note] = (await this.ofCases([caseId])).get(caseId)?.filter((n) => n.id === id) ?? [];
    return note as CaseNoteModel;
  }

  /** The notes of cases, oldest first. */
  async ofCases(caseIds: readonly string[]): Promise<Map<string, CaseNoteModel[]>> {
    const rows = await this.dataSource
      .getRepository(CaseNote)
      .find({ where: { caseId: In([...caseIds]) }, order: { createdAt: 'ASC', eventSequence: 'ASC' } });
    const authors = await this.dataSource
      .getRepository(User)
      .findBy({ id: In(rows.map((r) => r.createdBy)) });
    const byCase = new Map<string, CaseNoteModel[]>();
    for (const row of rows) {
      const author = authors.find((u) => u.id === row.createdBy) as User;
      const list = byCase.get(row.caseId) ?? [];
      list.push({
        id: row.id,
        text: row.text,
        author: {
          id: author.id,
          email: author.email,
          name: author.name,
          roles: author.roles,
          disabled: author.disabled,
          invited: false,
        },
        createdAt: row.createdAt,
        eventSequence: row.eventSequence,
      });
      byCase.set(row.caseId, list);
    }
    return byCase;
  }
}
