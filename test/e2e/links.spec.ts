import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';

const LINK = `mutation($input: LinkCasesInput!) {
  linkCases(input: $input) { id kind outgoing label other { id reference } createdBy { email } }
}`;
const UNLINK = 'mutation($id: ID!) { unlinkCases(input: { linkId: $id }) { id removedAt } }';
const CASE = `query($id: ID!) { case(id: $id) {
  links { id kind outgoing label other { reference } }
  history { sequence type payload hash prevHash }
} }`;
const SUGGESTIONS = `query($id: ID!) { case(id: $id) {
  linkSuggestions { case { id reference } reasons similarity suggestedKind }
} }`;

interface CaseLinks {
  links: { id: string; kind: string; outgoing: boolean; label: string; other: { reference: string } }[];
  history: {
    sequence: number;
    type: string;
    payload: Record<string, unknown>;
    hash: string;
    prevHash: string;
  }[];
}

describe('linked cases', () => {
  let api: TestApi;
  let officer: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('links');
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
  });
  afterAll(() => api?.close());

  const caseOf = async (id: string, token = officer) => {
    const result = await api.graphql<{ case: CaseLinks }>(CASE, { id }, token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.case;
  };

  it('links two cases, records it in both histories without personal data, and unlinks them', async () => {
    const first = await createCase(api, officer, { subject: 'Parking permits', receivedOn: '2026-01-05' });
    const refined = await createCase(api, officer, {
      subject: 'Parking permits in Ward 3',
      receivedOn: '2026-01-12',
    });
    const linked = await api.graphql<{ linkCases: { id: string; label: string; outgoing: boolean } }>(
      LINK,
      { input: { caseId: refined.id, otherCaseId: first.id, kind: 'REFINED_REQUEST' } },
      officer,
    );
    expect(linked.data?.linkCases).toMatchObject({
      kind: 'REFINED_REQUEST',
      outgoing: true,
      label: 'Refined request of',
      other: { reference: first.reference },
      createdBy: { email: 'officer@test.example.org' },
    });
    const linkId = linked.data?.linkCases.id as string;
    // Each end reads it its own way; auditors see links too.
    expect((await caseOf(refined.id)).links).toEqual([
      {
        id: linkId,
        kind: 'REFINED_REQUEST',
        outgoing: true,
        label: 'Refined request of',
        other: { reference: first.reference },
      },
    ]);
    expect((await caseOf(first.id, auditor)).links).toEqual([
      {
        id: linkId,
        kind: 'REFINED_REQUEST',
        outgoing: false,
        label: 'Refined by',
        other: { reference: refined.reference },
      },
    ]);
    for (const [self, other, outgoing] of [
      [refined, first, true],
      [first, refined, false],
    ] as const) {
      const history = (await caseOf(self.id)).history;
      const event = history.at(-1);
      expect(event).toMatchObject({
        sequence: 2,
        type: 'CASE_LINKED',
        payload: {
          linkId,
          kind: 'refined-request',
          outgoing,
          otherCaseId: other.id,
          otherReference: other.reference,
        },
      });
      expect(event?.prevHash).toBe(history[0]?.hash);
      expect(JSON.stringify(event?.payload)).not.toMatch(/Requester|example\.net/);
    }
    // Linked once per kind, whichever way round.
    const again = await api.graphql(
      LINK,
      { input: { caseId: first.id, otherCaseId: refined.id, kind: 'REFINED_REQUEST' } },
      officer,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.kind' }],
    });

    const unlinked = await api.graphql<{ unlinkCases: { removedAt: string | null } }>(
      UNLINK,
      { id: linkId },
      officer,
    );
    const removedAt = unlinked.data?.unlinkCases.removedAt as string;
    expect(Date.now() - Date.parse(removedAt)).toBeLessThan(60_000);
    for (const id of [first.id, refined.id]) {
      const after = await caseOf(id);
      expect(after.links).toEqual([]);
      expect(after.history.map((e) => e.type)).toEqual(['CASE_CREATED', 'CASE_LINKED', 'CASE_UNLINKED']);
    }
    const twice = await api.graphql(UNLINK, { id: linkId }, officer);
    expect(twice.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    // The link is kept, marked removed: nothing is deleted.
    const [kept] = await api.dataSource.query('SELECT removed_at, removed_by FROM case_link WHERE id = $1', [
      linkId,
    ]);
    expect(kept.removed_at.toISOString()).toBe(new Date(removedAt).toISOString());
    // Both histories still verify.
    for (const id of [first.id, refined.id]) {
      const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
        'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
        { id },
        auditor,
      );
      expect(verified.data?.verifyCaseHistory.ok).toBe(true);
    }
  });

  it('aggregates for s.12 only within 60 working days and within one cost-limit regime', async () => {
    // Mon 5 Jan 2026 to Mon 30 Mar 2026: 60 working days counting both (St Patrick's Day, 17 Mar, is a UK bank holiday for FOIA).
    const earlier = await createCase(api, officer, { subject: 'Consultants 1', receivedOn: '2026-01-05' });
    const inside = await createCase(api, officer, { subject: 'Consultants 2', receivedOn: '2026-03-30' });
    const outside = await createCase(api, officer, { subject: 'Consultants 3', receivedOn: '2026-03-31' });
    const eir = await createCase(api, officer, {
      workflowId: 'eir',
      subject: 'Air quality',
      receivedOn: '2026-01-06',
    });
    const ok = await api.graphql(
      LINK,
      { input: { caseId: inside.id, otherCaseId: earlier.id, kind: 'AGGREGATED_S12' } },
      officer,
    );
    expect(ok.errors).toBeUndefined();
    const late = await api.graphql(
      LINK,
      { input: { caseId: outside.id, otherCaseId: earlier.id, kind: 'AGGREGATED_S12' } },
      officer,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.kind' }],
    });
    expect(late.errors?.[0]?.message).toBe(
      `Requests can be aggregated for s.12 only when received within 60 consecutive working days: ${earlier.reference} was received on Mon 5 Jan 2026 and ${outside.reference} on Tue 31 Mar 2026, 61 working days counting both.`,
    );
    const acrossRegimes = await api.graphql(
      LINK,
      { input: { caseId: eir.id, otherCaseId: earlier.id, kind: 'AGGREGATED_S12' } },
      officer,
    );
    expect(acrossRegimes.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    // Refused: nothing recorded on either case.
    expect((await caseOf(outside.id)).history.map((e) => e.type)).toEqual(['CASE_CREATED']);
    expect((await caseOf(earlier.id)).history.map((e) => e.type)).toEqual(['CASE_CREATED', 'CASE_LINKED']);
  });

  it('refuses a case linked to itself or to a case that does not exist, and auditors', async () => {
    const one = await createCase(api, officer);
    const self = await api.graphql(
      LINK,
      { input: { caseId: one.id, otherCaseId: one.id, kind: 'REPEAT' } },
      officer,
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.otherCaseId' }],
    });
    const none = '00000000-0000-4000-8000-000000000000';
    const missing = await api.graphql(
      LINK,
      { input: { caseId: one.id, otherCaseId: none, kind: 'REPEAT' } },
      officer,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: none });
    const byAuditor = await api.graphql(
      LINK,
      { input: { caseId: one.id, otherCaseId: none, kind: 'REPEAT' } },
      auditor,
    );
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('suggests a recent request from the same requester or with similar text, and links nothing itself', async () => {
    const original = await createCase(api, officer, {
      subject: 'Gritting routes in winter',
      requestText:
        'Please send the gritting routes for winter 2025 and the tonnage of salt spread on each route.',
      receivedOn: '2026-01-07',
      requester: { name: 'Jo Bloggs', email: 'jo.bloggs@example.net' },
    });
    const sameRequester = await createCase(api, officer, {
      subject: 'Allotment waiting list',
      requestText: 'How long is the allotment waiting list?',
      receivedOn: '2026-01-08',
      requester: { name: 'J. Bloggs', email: 'JO.BLOGGS@example.net' },
    });
    const unrelated = await createCase(api, officer, {
      subject: 'Mayoral car',
      requestText: 'What does the mayoral car cost to run?',
      receivedOn: '2026-01-08',
      requester: { name: 'Someone Else', email: 'else@example.org' },
    });
    const repeat = await createCase(api, officer, {
      subject: 'Gritting routes in winter',
      requestText:
        'Please send the gritting routes for winter 2025 and the tonnage of salt spread on each route, again.',
      receivedOn: '2026-01-09',
      requester: { name: 'Jo Bloggs', email: 'jo.bloggs@example.net' },
    });
    const suggested = await api.graphql<{
      case: {
        linkSuggestions: {
          case: { reference: string };
          reasons: string[];
          similarity: number;
          suggestedKind: string;
        }[];
      };
    }>(SUGGESTIONS, { id: repeat.id }, officer);
    const suggestions = suggested.data?.case.linkSuggestions ?? [];
    expect(suggestions.map((s) => s.case.reference)).toEqual([original.reference, sameRequester.reference]);
    expect(suggestions[0]).toMatchObject({
      reasons: ['SAME_REQUESTER', 'SIMILAR_TEXT'],
      suggestedKind: 'REPEAT',
    });
    expect(suggestions[0]?.similarity).toBeGreaterThan(0.8);
    expect(suggestions[1]).toMatchObject({ reasons: ['SAME_REQUESTER'], suggestedKind: 'SAME_REQUESTER' });
    expect(suggestions.map((s) => s.case.reference)).not.toContain(unrelated.reference);
    // Nothing was linked by suggesting.
    expect((await caseOf(repeat.id)).links).toEqual([]);
    // Once linked, a suggestion is not made again.
    await api.graphql(
      LINK,
      { input: { caseId: repeat.id, otherCaseId: original.id, kind: 'REPEAT' } },
      officer,
    );
    const after = await api.graphql<{ case: { linkSuggestions: { case: { reference: string } }[] } }>(
      SUGGESTIONS,
      { id: repeat.id },
      officer,
    );
    expect(after.data?.case.linkSuggestions.map((s) => s.case.reference)).toEqual([sameRequester.reference]);
    // Auditors do not see suggestions: they compare the requester's personal data.
    const byAuditor = await api.graphql(SUGGESTIONS, { id: repeat.id }, auditor);
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
