import { verifyBundle } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase, handlesSars } from '../support/cases';

const SETTINGS = `query { authoritySettings {
  name team email address nation sector appropriateLimit appropriateLimitHours receiptRule } }`;
const SAVE = `mutation($settings: AuthoritySettingsInput!) {
  saveAuthoritySettings(settings: $settings) { casesRecomputed settings { name nation sector appropriateLimit appropriateLimitHours receiptRule } }
}`;
const ADDRESSES = {
  name: 'Example Council',
  team: 'Information Governance',
  email: 'foi@example.gov.uk',
  address: 'Town Hall, Example, EX1 1AA',
};

describe("the authority's settings", () => {
  let api: TestApi;
  let admin: string;
  let officer: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('authority-settings');
    admin = await api.signIn(['admin']);
    officer = await api.signIn(['officer']);
    auditor = await api.signIn(['auditor']);
    // Subject access requests are restricted from the start: these two handle and audit them in Data Protection.
    await handlesSars(api, officer, auditor);
  });
  afterAll(() => api?.close());

  const dueDate = async (id: string) =>
    (
      await api.graphql<{ case: { dueDate: string; history: { type: string; payload: unknown }[] } }>(
        'query($id: ID!) { case(id: $id) { dueDate history { type payload } } }',
        { id },
        officer,
      )
    ).data?.case;

  it('start with no nation, no sector and the ico receipt rule', async () => {
    const result = await api.graphql<{ authoritySettings: Record<string, unknown> }>(SETTINGS, {}, officer);
    expect(result.data?.authoritySettings).toMatchObject({
      nation: null,
      sector: null,
      appropriateLimit: null,
      appropriateLimitHours: null,
      receiptRule: 'ico',
    });
  });

  it("move a subject access request's deadline past the authority's own nation's holidays only, with an event, and replay still verifies", async () => {
    // 17 March 2026 is St Patrick's Day, a bank holiday in Northern Ireland only.
    const sar = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-02-17' });
    expect(sar.dueDate).toBe('2026-03-18');
    const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-02-17' });

    const saved = await api.graphql<{
      saveAuthoritySettings: { casesRecomputed: number; settings: Record<string, unknown> };
    }>(SAVE, { settings: { ...ADDRESSES, nation: 'england-and-wales' } }, admin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveAuthoritySettings.settings).toMatchObject({ nation: 'england-and-wales' });
    expect(saved.data?.saveAuthoritySettings.casesRecomputed).toBe(1);
    const moved = await dueDate(sar.id);
    expect(moved?.dueDate).toBe('2026-03-17');
    expect(moved?.history.at(-1)).toMatchObject({
      type: 'DEADLINES_RECOMPUTED',
      payload: { changes: [expect.objectContaining({ from: '2026-03-18', to: '2026-03-17' })] },
    });
    // FOI counts every UK nation's holidays by statute, whatever the authority's nation.
    expect((await dueDate(foi.id))?.dueDate).toBe(foi.dueDate);

    // A new case counts with the nation from the start.
    const later = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-02-17' });
    expect(later.dueDate).toBe('2026-03-17');

    // Northern Ireland keeps St Patrick's Day: back to the 18th.
    const ni = await api.graphql<{ saveAuthoritySettings: { casesRecomputed: number } }>(
      SAVE,
      { settings: { ...ADDRESSES, nation: 'northern-ireland' } },
      admin,
    );
    expect(ni.data?.saveAuthoritySettings.casesRecomputed).toBe(2);
    expect((await dueDate(sar.id))?.dueDate).toBe('2026-03-18');

    // Replay uses the nation in force at each event: every case still verifies, here and offline.
    for (const id of [sar.id, later.id, foi.id]) {
      const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean; reason: string | null } }>(
        'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok reason } }',
        { id },
        auditor,
      );
      expect(verified.data?.verifyCaseHistory).toEqual({ ok: true, reason: null });
    }
    const bundle = await api.graphql<{ exportCaseBundle: Parameters<typeof verifyBundle>[0] }>(
      'query($id: ID!) { exportCaseBundle(caseId: $id) }',
      { id: later.id },
      auditor,
    );
    expect(verifyBundle(bundle.data?.exportCaseBundle as Parameters<typeof verifyBundle>[0]).ok).toBe(true);
  });

  it('keep the nation when it is left out, and recompute nothing when it does not change', async () => {
    const saved = await api.graphql<{
      saveAuthoritySettings: { casesRecomputed: number; settings: Record<string, unknown> };
    }>(SAVE, { settings: { ...ADDRESSES, name: 'Renamed Council' } }, admin);
    expect(saved.data?.saveAuthoritySettings).toEqual({
      casesRecomputed: 0,
      settings: expect.objectContaining({ name: 'Renamed Council', nation: 'northern-ireland' }),
    });
  });

  it('derive the s.12 appropriate limit from the sector', async () => {
    const central = await api.graphql<{ saveAuthoritySettings: { settings: Record<string, unknown> } }>(
      SAVE,
      { settings: { ...ADDRESSES, sector: 'central-government' } },
      admin,
    );
    expect(central.data?.saveAuthoritySettings.settings).toMatchObject({
      sector: 'central-government',
      appropriateLimit: 600,
      appropriateLimitHours: 24,
    });
    const other = await api.graphql<{ authoritySettings: Record<string, unknown> }>(SETTINGS, {}, officer);
    expect(other.data?.authoritySettings).toMatchObject({ appropriateLimit: 600 });
    const local = await api.graphql<{ saveAuthoritySettings: { settings: Record<string, unknown> } }>(
      SAVE,
      { settings: { ...ADDRESSES, sector: 'other-public-authority' } },
      admin,
    );
    expect(local.data?.saveAuthoritySettings.settings).toMatchObject({
      appropriateLimit: 450,
      appropriateLimitHours: 18,
    });
    const sectors = await api.graphql<{ sectors: { sector: string; appropriateLimit: number }[] }>(
      'query { sectors { sector appropriateLimit } }',
      {},
      admin,
    );
    // The sector is in the settings' history too: a case started after it still replays and verifies.
    const after = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-03-02' });
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: after.id },
      auditor,
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
    expect(sectors.data?.sectors).toEqual([
      { sector: 'central-government', appropriateLimit: 600 },
      { sector: 'other-public-authority', appropriateLimit: 450 },
    ]);
  });

  it('refuse a bad nation, sector or empty name, and change nothing', async () => {
    const before = await api.graphql(SETTINGS, {}, admin);
    for (const settings of [
      { ...ADDRESSES, nation: 'wales' },
      { ...ADDRESSES, sector: 'parish' },
      { ...ADDRESSES, name: '  ' },
    ]) {
      const result = await api.graphql(SAVE, { settings }, admin);
      expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
    expect(await api.graphql(SETTINGS, {}, admin)).toEqual(before);
  });

  it('list the regimes and nations from the law, not from a copy', async () => {
    const result = await api.graphql<{
      regimes: { regime: string; regulator: string }[];
      nations: { nation: string; name: string }[];
    }>('query { regimes { regime regulator } nations { nation name } }', {}, officer);
    expect(result.data?.regimes.map((r) => r.regime)).toEqual(['foi', 'eir', 'foisa', 'eisr', 'sar']);
    expect(result.data?.regimes.find((r) => r.regime === 'foisa')?.regulator).toBe(
      'Scottish Information Commissioner',
    );
    expect(result.data?.nations).toEqual([
      { nation: 'england-and-wales', name: 'England and Wales' },
      { nation: 'scotland', name: 'Scotland' },
      { nation: 'northern-ireland', name: 'Northern Ireland' },
    ]);
  });
});

describe('the receipt rule (RECORDFLOW_RECEIPT_RULE)', () => {
  it('is recorded when the server starts with another, counts day 0 by it, and keeps history verifiable', async () => {
    const previous = process.env.RECORDFLOW_RECEIPT_RULE;
    process.env.RECORDFLOW_RECEIPT_RULE = 'code-of-practice';
    const api = await startTestApi('receipt-rule');
    try {
      const officer = await api.signIn(['officer']);
      await handlesSars(api, officer);
      const settings = await api.graphql<{ authoritySettings: { receiptRule: string } }>(
        'query { authoritySettings { receiptRule } }',
        {},
        officer,
      );
      expect(settings.data?.authoritySettings.receiptRule).toBe('code-of-practice');
      // Received Saturday 17 January 2026: day 0 is Monday 19th, so day 20 is Monday 16 February (ico: Friday 13th).
      const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-01-17' });
      expect(foi.dueDate).toBe('2026-02-16');
      // A subject access request counts from the day of receipt whatever the rule.
      const sar = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-08-01' });
      expect(sar.dueDate).toBe('2026-09-01');
      const auditor = await api.signIn(['auditor']);
      const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
        'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
        { id: foi.id },
        auditor,
      );
      expect(verified.data?.verifyCaseHistory.ok).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.RECORDFLOW_RECEIPT_RULE;
      else process.env.RECORDFLOW_RECEIPT_RULE = previous;
      await api.close();
    }
  });
});
