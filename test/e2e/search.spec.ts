import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { approvedAndSent, type CreatedCase, createCase, play, sendEvent } from '../support/cases';
import { responseLetter } from '../support/mail';

const LIST = `query($filter: CasesFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    edges { node { reference } } pageInfo { hasNextPage endCursor } count { value exact }
  }
}`;

interface ListResult {
  cases: {
    edges: { node: { reference: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    count: { value: number; exact: boolean };
  };
}

describe('searching the case list', () => {
  let api: TestApi;
  let officer: string;
  let auditor: string;
  let potholes: CreatedCase;
  let libraries: CreatedCase;
  let refused: CreatedCase;

  const references = async (filter: Record<string, unknown>, token = officer) => {
    const result = await api.graphql<ListResult>(
      LIST,
      { filter: { status: 'all', ...filter }, first: 200 },
      token,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.cases.edges.map((edge) => edge.node.reference).sort();
  };

  beforeAll(async () => {
    api = await startTestApi('search', {
      mail: { smtpUrl: undefined, from: undefined, intervalMs: 100, retrySeconds: 1 },
    });
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
    potholes = await createCase(api, officer, {
      subject: 'Highways maintenance',
      requestText: 'How many potholes were repaired on Elm Road in 2025, and what did the repairs cost?',
      requester: { name: 'Priya Shah', email: 'priya.shah@example.net' },
    });
    libraries = await createCase(api, officer, {
      subject: 'Library opening hours',
      requestText: 'Please send the opening hours of every branch library since 2020.',
      receivedOn: '2026-01-20',
      requester: { name: 'Tom Okafor', email: 'tom@example.org' },
    });
    refused = await createCase(api, officer, {
      subject: 'Contract with the waste collector',
      requestText: 'Please send the contract for bin collections.',
      receivedOn: '2026-01-14',
    });
    await sendEvent(api, officer, { caseId: refused.id, type: 'START_RESPONSE', effectiveOn: '2026-01-15' });
    const submitted = await sendEvent(api, officer, {
      caseId: refused.id,
      type: 'SUBMIT_FOR_APPROVAL',
      effectiveOn: '2026-01-16',
      payload: {
        outcome: 'granted-in-part',
        answers: [{ question: 'The contract', answer: 'Enclosed, without the staff names.' }],
        held: true,
        exemptions: ['s.40(2)'],
        exemptionReasons: "s.40(2): the staff members' names are personal data.",
        refusalBasis: 'exemption',
      },
    });
    expect(submitted.errors).toBeUndefined();
    await play(api, officer, refused.id, approvedAndSent('2026-01-16'));
  });
  afterAll(() => api?.close());

  it('finds words of the request text, stemmed as English (repaired, repairs → repair)', async () => {
    expect(await references({ text: 'repair' })).toEqual([potholes.reference]);
    expect(await references({ text: 'pothole elm' })).toEqual([potholes.reference]);
    expect(await references({ text: 'branch libraries' })).toEqual([libraries.reference]);
    // Every word must match: one missing word finds nothing.
    expect(await references({ text: 'pothole library' })).toEqual([]);
  });

  it('still finds references and subjects as typed, the last word half typed', async () => {
    expect(await references({ text: potholes.reference })).toEqual([potholes.reference]);
    expect(await references({ text: 'FOI-2026-00000' })).toContain(potholes.reference);
    expect(await references({ text: 'highways mainten' })).toEqual([potholes.reference]);
    // Stop words narrow nothing; punctuation is not query syntax.
    expect(await references({ text: 'the library & (opening' })).toEqual([libraries.reference]);
  });

  it('finds words of the e-mails sent on a case', async () => {
    const admin = await api.signIn(['admin']);
    await api.graphql(
      'mutation($s: String!, $b: String!) { saveMailTemplate(subject: $s, body: $b) { builtIn } }',
      { s: 'Your request {{reference}}', b: 'Enclosed is our answer about the kaleidoscope survey.' },
      admin,
    );
    const letter = await responseLetter(api, officer);
    expect(await references({ text: 'kaleidoscope' })).toEqual([]);
    const queued = await api.graphql(
      'mutation($id: ID!) { emailLetter(documentId: $id) { status } }',
      { id: letter.pdf.id },
      officer,
    );
    expect(queued.errors).toBeUndefined();
    expect(await references({ text: 'kaleidoscope' })).toEqual([letter.reference]);
  });

  it("finds words of a case's internal notes", async () => {
    const noted = await createCase(api, officer, { subject: 'Street trees' });
    expect(await references({ text: 'arboriculturist' })).toEqual([]);
    const note = await api.graphql(
      'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
      { input: { caseId: noted.id, text: 'Ask the arboriculturist in Parks for the survey dates.' } },
      officer,
    );
    expect(note.errors).toBeUndefined();
    expect(await references({ text: 'arboriculturist' })).toEqual([noted.reference]);
  });

  it('finds the requester by part of a name or e-mail, for officers only', async () => {
    expect(await references({ requester: 'shah' })).toEqual([potholes.reference]);
    expect(await references({ requester: 'TOM@EXAMPLE' })).toEqual([libraries.reference]);
    expect(await references({ requester: '%' })).toEqual([]);
    const refusedSearch = await api.graphql(LIST, { filter: { requester: 'shah' } }, auditor);
    expect(refusedSearch.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRoles: ['officer', 'admin'],
    });
    expect(refusedSearch.data).toBeNull();
    // The export takes the same filters.
    const csv = await fetch(`${api.url}/api/export/cases.csv?status=all&requester=shah`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    const exported = await csv.text();
    expect(exported).toContain(potholes.reference);
    expect(exported).not.toContain(libraries.reference);
  });

  it('filters by exemption cited, outcome, and received, due and closed dates', async () => {
    expect(await references({ exemptions: ['s.40(2)'] })).toEqual([refused.reference]);
    expect(await references({ exemptions: ['s.40(2)', 's.43(2)'] })).toEqual([refused.reference]);
    expect(await references({ exemptions: ['s.43(2)'] })).toEqual([]);
    expect(await references({ outcome: 'granted-in-part' })).toEqual([refused.reference]);
    expect(await references({ receivedFrom: '2026-01-20', receivedTo: '2026-01-20' })).toEqual([
      libraries.reference,
    ]);
    // FOI received 20 Jan 2026: due 17 Feb (20 working days).
    expect(await references({ dueFrom: '2026-02-17', dueTo: '2026-02-17' })).toEqual([libraries.reference]);
    const withdrawn = await createCase(api, officer, { subject: 'Tree preservation orders' });
    await sendEvent(api, officer, { caseId: withdrawn.id, type: 'WITHDRAW', effectiveOn: '2026-01-15' });
    expect(await references({ outcome: 'withdrawn' })).toEqual([withdrawn.reference]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(await references({ closedFrom: today, closedTo: today })).toEqual([withdrawn.reference]);
    expect(await references({ closedTo: '2026-01-01' })).toEqual([]);
  });

  it('pages through every match, past any fixed cap, without repeats', async () => {
    for (let i = 0; i < 23; i++) {
      await createCase(api, officer, {
        subject: `Grit bins batch ${i}`,
        requestText: 'Where are the grit bins?',
      });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: { data?: ListResult } = await api.graphql<ListResult>(
        LIST,
        { filter: { text: 'grit' }, first: 5, after },
        officer,
      );
      const page = result.data?.cases as ListResult['cases'];
      seen.push(...page.edges.map((edge) => edge.node.reference));
      pages++;
      expect(page.count).toEqual({ value: 23, exact: true });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
  });

  it('counts a search alike whether the first page counted its matches or a count ran apart', async () => {
    const COUNTS = `query($filter: CasesFilter, $first: Int, $after: String) {
      cases(filter: $filter, first: $first, after: $after) {
        edges { node { reference } } pageInfo { endCursor }
        capped: count(upTo: 3) { value exact } count { value exact } totalCount
      }
    }`;
    type Counts = {
      cases: ListResult['cases'] & { capped: { value: number; exact: boolean }; totalCount: number };
    };
    let last: CreatedCase | undefined;
    for (let i = 0; i < 6; i++) {
      last = await createCase(api, officer, {
        subject: `Drains ${i}`,
        requestText: 'Sewage sludge spread on fields.',
      });
    }
    // A closed case with the word: in an "all" search, in no search of open cases.
    await sendEvent(api, officer, {
      caseId: (last as CreatedCase).id,
      type: 'WITHDRAW',
      effectiveOn: '2026-01-15',
    });
    const run = async (filter: Record<string, unknown>, first: number, after: string | null = null) => {
      const result = await api.graphql<Counts>(COUNTS, { filter, first, after }, officer);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.cases;
    };
    for (const [status, n] of [
      ['open', 5],
      ['all', 6],
    ] as const) {
      // First page (counted by the page), a later page (counted apart), a page holding every match.
      const first = await run({ text: 'sludge', status }, 2);
      const later = await run({ text: 'sludge', status }, 2, first.pageInfo.endCursor);
      const whole = await run({ text: 'sludge', status }, 50);
      for (const page of [first, later, whole]) {
        expect(page.count).toEqual({ value: n, exact: true });
        expect(page.capped).toEqual({ value: 3, exact: false });
        expect(page.totalCount).toBe(n);
      }
      expect(whole.edges.map((edge) => edge.node.reference)).toEqual(
        [...first.edges, ...later.edges]
          .map((edge) => edge.node.reference)
          .concat(whole.edges.slice(4).map((edge) => edge.node.reference)),
      );
    }
    const none = await run({ text: 'zeppelin', status: 'all' }, 5);
    expect(none.count).toEqual({ value: 0, exact: true });
    expect(none.totalCount).toBe(0);
  });

  it("keeps each user's saved filters on the server", async () => {
    const SAVE = `mutation($input: SaveFilterInput!) { saveFilter(input: $input) { id name filter } }`;
    const saved = await api.graphql<{ saveFilter: { id: string; name: string; filter: unknown } }>(
      SAVE,
      {
        input: {
          name: ' Refused on commercial grounds ',
          filter: { status: 'all', exemptions: ['s.40(2)'] },
        },
      },
      officer,
    );
    expect(saved.data?.saveFilter).toMatchObject({
      name: 'Refused on commercial grounds',
      filter: { status: 'all', exemptions: ['s.40(2)'] },
    });
    // Saving under the same name replaces it.
    const replaced = await api.graphql<{ saveFilter: { id: string } }>(
      SAVE,
      {
        input: {
          name: 'Refused on commercial grounds',
          filter: { status: 'all', outcome: 'granted-in-part', exemptions: ['s.40(2)'] },
        },
      },
      officer,
    );
    expect(replaced.data?.saveFilter.id).toBe(saved.data?.saveFilter.id);
    const LIST_SAVED = '{ savedFilters { id name filter } }';
    const mine = await api.graphql<{ savedFilters: { name: string; filter: Record<string, unknown> }[] }>(
      LIST_SAVED,
      {},
      officer,
    );
    expect(mine.data?.savedFilters).toEqual([
      expect.objectContaining({
        name: 'Refused on commercial grounds',
        filter: { status: 'all', outcome: 'granted-in-part', exemptions: ['s.40(2)'] },
      }),
    ]);
    // The saved filter is a cases(filter:) as it stands.
    expect(await references(mine.data?.savedFilters[0]?.filter ?? {})).toEqual([refused.reference]);
    // Another user sees none of it and cannot delete it.
    expect(
      (await api.graphql<{ savedFilters: unknown[] }>(LIST_SAVED, {}, auditor)).data?.savedFilters,
    ).toEqual([]);
    const DELETE = 'mutation($id: ID!) { deleteFilter(id: $id) { name } }';
    const theirs = await api.graphql(DELETE, { id: saved.data?.saveFilter.id }, auditor);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const blank = await api.graphql(SAVE, { input: { name: '  ', filter: {} } }, officer);
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.name' }],
    });
    const deleted = await api.graphql(DELETE, { id: saved.data?.saveFilter.id }, officer);
    expect(deleted.data).toEqual({ deleteFilter: { name: 'Refused on commercial grounds' } });
    expect(
      (await api.graphql<{ savedFilters: unknown[] }>(LIST_SAVED, {}, officer)).data?.savedFilters,
    ).toEqual([]);
  });
});
