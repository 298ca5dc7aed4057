import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import type { Case } from '../../apps/api/src/cases/case.entity';
import { CasesQuery } from '../../apps/api/src/cases/cases.query';
import type { CasesFilter } from '../../apps/api/src/cases/dto/cases-filter.input';
import { SearchWords } from '../../apps/api/src/cases/search-words';
import { type ServiceContext, startServiceContext } from '../support/service-context';
import { aCase, aUser } from './builders';

// A hundred requests whose subjects share "pothole" and "request": words the index would intersect in
// vain, so a search looks up only its rare words and checks the rest on what they find.
describe('text search with words in most cases', () => {
  let context: ServiceContext;
  let query: CasesQuery;
  let officer: Actor;
  let numbered: Case[];
  let hangar: Case;
  beforeAll(async () => {
    context = await startServiceContext('search_words');
    query = context.get(CasesQuery);
    officer = await aUser(context);
    numbered = [];
    for (let i = 1; i <= 100; i++) {
      numbered.push(
        await aCase(context, officer, {
          subject: `Pothole request ${i}`,
          requestText: 'Please send the figures for pothole repairs.',
        }),
      );
    }
    hangar = await aCase(context, officer, {
      subject: 'Zeppelin hangar request',
      requestText: 'Who paid for the hangar roof?',
    });
    // What autovacuum does after many new rows: the word statistics the search reads.
    await context.dataSource.query('ANALYZE "case"');
  });
  afterAll(() => context?.close());

  const references = async (filter: CasesFilter) => {
    const page = await query.page(officer, { status: 'all', ...filter }, 200, null);
    return page.rows.map((row) => row.reference).sort();
  };
  const referencesOf = (cases: Case[]) => cases.map((c) => c.reference).sort();

  it('looks up only the rare words: not the common ones, nor a stop word', async () => {
    const words = context.get(SearchWords);
    expect(await words.toLookUp(['pothole', 'request', '42'])).toEqual(['42']);
    expect(await words.toLookUp(['the', 'zeppelin', 'request'])).toEqual(['zeppelin']);
    // Every word common, or every word rare: the index looks them all up, as before.
    expect(await words.toLookUp(['pothole', 'request'])).toBeNull();
    expect(await words.toLookUp(['zeppelin', 'hangar'])).toBeNull();
  });

  it('finds what the whole search finds, the last word half typed', async () => {
    expect(await references({ text: 'pothole request 42' })).toEqual(referencesOf([numbered[41] as Case]));
    // "4" starts 4 and 40 to 49.
    expect(await references({ text: 'pothole request 4' })).toEqual(
      referencesOf(numbered.filter((_, i) => String(i + 1).startsWith('4'))),
    );
    expect(await references({ text: 'request zeppelin' })).toEqual([hangar.reference]);
    expect(await references({ text: 'zeppelin reques' })).toEqual([hangar.reference]);
    expect(await references({ text: 'the zeppelin request' })).toEqual([hangar.reference]);
    // A rare word with a common one the case does not have: nothing.
    expect(await references({ text: 'zeppelin pothole' })).toEqual([]);
    // Stems of the request text: "repairs" finds "repair".
    expect(await references({ text: 'repair 42' })).toEqual(referencesOf([numbered[41] as Case]));
  });

  it("knows a word's share from the statistics, and leaves one they do not name to the planner", async () => {
    const words = context.get(SearchWords);
    // 100 of 101 cases: as ANALYZE sampled them (every row, here).
    expect(await words.shareOf(['pothole'])).toBeCloseTo(100 / 101, 2);
    expect(await words.shareOf(['the', 'pothole', 'request'])).toBeCloseTo((100 / 101) * 1, 2);
    expect(await words.shareOf(['pothole', 'zeppelin'])).toBeCloseTo((100 / 101) * (1 / 101), 4);
    // A word no case has is not among the statistics' words: the planner estimates it.
    expect(await words.shareOf(['ransomware'])).toBeNull();
    expect(await words.shareOf(['pothole', 'ransomware'])).toBeNull();
  });

  it('counts what the page shows, capped when asked, beside the page or after it', async () => {
    const page = await query.page(officer, { status: 'all', text: 'pothole' }, 25, null);
    expect(await query.countBeside(page, officer, { status: 'all', text: 'pothole' }, 1000)).toEqual({
      value: 100,
      exact: true,
    });
    const counted = await query.page(officer, { status: 'all', text: 'pothole' }, 25, null, 1000);
    expect(counted.counting?.upTo).toBe(1000);
    expect(await query.countBeside(counted, officer, { status: 'all', text: 'pothole' }, 1000)).toEqual({
      value: 100,
      exact: true,
    });
    expect(await query.count(officer, { status: 'all', text: 'pothole' }, 30)).toEqual({
      value: 30,
      exact: false,
    });
  });
});
