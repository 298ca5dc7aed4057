import type { CaseSnapshot } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import { actorOf, CasesService } from '../../apps/api/src/cases/cases.service';
import { ukToday } from '../../apps/api/src/common/dates';
import { letterData } from '../../apps/api/src/letters/letter-data';
import { DEFAULT_AUTHORITY, LettersService } from '../../apps/api/src/letters/letters.service';
import { type ServiceContext, startServiceContext } from '../support/service-context';
import { aCase, aUser, daysAgo } from './builders';

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

describe('letter data from a stored case', () => {
  let context: ServiceContext;
  let letters: LettersService;
  let officer: Actor;
  beforeAll(async () => {
    context = await startServiceContext('letters_service');
    letters = context.get(LettersService);
    officer = await aUser(context);
  });
  afterAll(() => context?.close());

  it('fills a template from the case, its requester, its deadline and the authority', async () => {
    const created = await aCase(context, officer, {
      receivedOn: daysAgo(2),
      requester: { name: 'Ms Jane Doe', email: 'jane.doe@example.net' },
    });
    const text = await letters.preview(
      created.id,
      'acknowledgement',
      '{{reference}} | {{requester.name}} | {{receivedOn}} | {{dueDate}} | {{authority.name}} | {{law}}',
    );
    expect(text).toBe(
      [
        created.reference,
        'Ms Jane Doe',
        longDate(created.receivedOn),
        longDate(created.dueOn as string),
        DEFAULT_AUTHORITY.name,
        'Freedom of Information Act 2000',
      ].join(' | '),
    );
  });

  it('prints each answer under the question it was recorded with, and a multi-paragraph answer stays whole', async () => {
    const created = await aCase(context, officer, {
      receivedOn: daysAgo(2),
      requestText: 'How many cameras?\n\nHow many use facial recognition?',
    });
    const cases = context.get(CasesService);
    await cases.send(actorOf(officer), { caseId: created.id, type: 'START_RESPONSE' });
    const moved = await cases.send(actorOf(officer), {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [
          { question: 'How many cameras?', answer: 'Forty.\n\nTwelve of them are in car parks.' },
          { question: 'How many use facial recognition?', answer: 'None.' },
        ],
        held: true,
      },
    });
    const data = letterData(
      {
        reference: created.reference,
        regime: 'foi',
        requestText: created.requestText,
        requesterName: null,
        context: (moved.case.snapshot as CaseSnapshot).context,
      },
      DEFAULT_AUTHORITY,
      ukToday(),
    );
    expect(data.questions).toEqual([
      { question: 'How many cameras?', answer: 'Forty.\n\nTwelve of them are in car parks.' },
      { question: 'How many use facial recognition?', answer: 'None.' },
    ]);
    expect(data.requester.name).toBe('Requester');
    expect(data.held).toBe(true);
    const preview = await letters.preview(
      created.id,
      'response',
      '{{#each questions}}{{question}}={{answer}};{{/each}}',
    );
    expect(preview).toBe(
      'How many cameras?=Forty.\n\nTwelve of them are in car parks.;How many use facial recognition?=None.;',
    );
  });

  it('still reads an old case whose answers were one text, one paragraph per question', () => {
    const data = letterData(
      {
        reference: 'FOI-OLD',
        regime: 'foi',
        requestText: 'How many cameras?\n\nHow many use facial recognition?',
        requesterName: null,
        context: {
          regime: 'foi',
          receivedOn: '2025-06-02',
          now: '2025-06-10',
          clock: { events: [], limit: { workingDays: 20 }, label: '' },
          deadlines: {},
          record: { outcome: 'granted-in-full', answers: 'Forty.\n\nNone.', held: true },
          timers: {},
          letters: [],
        },
      },
      DEFAULT_AUTHORITY,
      '2025-06-10',
    );
    expect(data.questions).toEqual([
      { question: 'How many cameras?', answer: 'Forty.' },
      { question: 'How many use facial recognition?', answer: 'None.' },
    ]);
  });

  it('refuses a letter the regime has no such notice for, and a SAR has no internal review', async () => {
    const created = await aCase(context, officer, { workflowId: 'sar' });
    await expect(letters.preview(created.id, 'review-acknowledgement')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers NOT_FOUND for a letter kind that does not exist', async () => {
    const created = await aCase(context, officer);
    await expect(letters.preview(created.id, 'love-letter')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
