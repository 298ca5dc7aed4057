import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { type CreatedCase, createCase, sendEvent } from '../support/cases';

const SET_ACCESS = `mutation($input: SetWorkflowAccessInput!) {
  setWorkflowAccess(input: $input) { workflowId restricted teams { name } }
}`;
const LIST = `{ cases(filter: { status: "all" }, first: 200) { edges { node { reference } } count { value } } }`;
const OPEN = `query($id: ID!) { case(id: $id) { reference requester { name email } } }`;
const READS = `query($caseId: ID) { personalDataReads(caseId: $caseId) { actorId actorLabel caseReference fieldGroup } }`;

describe('restricted workflows: subject access requests only for the Data Protection team', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let memberId: string;
  let outsider: string;
  let auditor: string;
  let dataProtection: string;
  let sar: CreatedCase;
  let foi: CreatedCase;
  const references = async (token: string) => {
    const result = await api.graphql<{
      cases: { edges: { node: { reference: string } }[]; count: { value: number } };
    }>(LIST, {}, token);
    expect(result.errors).toBeUndefined();
    const list = result.data?.cases.edges.map((e) => e.node.reference) ?? [];
    expect(result.data?.cases.count.value).toBe(list.length);
    return list;
  };
  const reads = async () =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM personal_data_read'))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi('restricted_cases');
    admin = await api.signIn(['admin'], 'dana.admin@example.org');
    member = await api.signIn(['officer'], 'priya.dp@example.org');
    outsider = await api.signIn(['officer'], 'hal.highways@example.org');
    auditor = await api.signIn(['auditor'], 'aud.auditor@example.org');
    const team = await api.graphql<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Data Protection" }) { id } }',
      {},
      admin,
    );
    dataProtection = team.data?.createTeam.id ?? '';
    [{ id: memberId }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'priya.dp@example.org'`,
    );
    const joined = await api.graphql(
      'mutation($id: ID!, $teams: [ID!]) { updateUser(input: { id: $id, teamIds: $teams }) { id } }',
      { id: memberId, teams: [dataProtection] },
      admin,
    );
    expect(joined.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('refuses bad access settings with clear codes and changes nothing', async () => {
    const noTeams = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [] } },
      admin,
    );
    expect(noTeams.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'input.teamIds', message: 'Name at least one team that handles these cases.' }],
    });
    const unknownTeam = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: ['00000000-0000-0000-0000-000000000000'] } },
      admin,
    );
    expect(unknownTeam.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const unknownWorkflow = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'nope', restricted: true, teamIds: [dataProtection] } },
      admin,
    );
    expect(unknownWorkflow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byOfficer = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [dataProtection] } },
      member,
    );
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.dataSource.query(`SELECT restricted FROM workflow WHERE id = 'sar'`)).toEqual([
      { restricted: false },
    ]);
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM workflow_team')).toEqual([{ n: 0 }]);
  });

  it('an administrator restricts subject access requests to Data Protection; user_audit names them', async () => {
    const result = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: true, teamIds: [dataProtection] } },
      admin,
    );
    expect(result.data).toEqual({
      setWorkflowAccess: { workflowId: 'sar', restricted: true, teams: [{ name: 'Data Protection' }] },
    });
    const shown = await api.graphql<{ workflow: { restricted: boolean; accessTeams: { name: string }[] } }>(
      '{ workflow(id: "sar") { restricted accessTeams { name } } }',
      {},
      outsider,
    );
    expect(shown.data?.workflow).toEqual({ restricted: true, accessTeams: [{ name: 'Data Protection' }] });
    const [audit] = await api.dataSource.query(
      `SELECT actor_label, action, change FROM user_audit WHERE target_kind = 'workflow' AND target_id = 'sar'`,
    );
    expect(audit).toEqual({
      actor_label: 'Test admin <dana.admin@example.org>',
      action: 'access-set',
      change: {
        before: { restricted: false, teamIds: [] },
        after: { restricted: true, teamIds: [dataProtection] },
      },
    });
  });

  it('a member registers a SAR; an officer outside the team may not register one', async () => {
    sar = await createCase(api, member, { workflowId: 'sar', subject: 'Subject access: my housing file' });
    foi = await createCase(api, outsider, { subject: 'Pothole repairs in 2025' });
    const refused = await api.graphql(
      `mutation { createCase(input: { workflowId: "sar", receivedOn: "2026-01-14", channel: "email",
        subject: "s", requestText: "r", requester: { name: "N" } }) { id } }`,
      {},
      outsider,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('restricted to its teams');
  });

  it('an officer outside the team cannot list or open the SAR: NOT_FOUND, as for an id nobody has', async () => {
    expect(await references(outsider)).toEqual([foi.reference]);
    const readsBefore = await reads();

    const opened = await api.graphql(OPEN, { id: sar.id }, outsider);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await api.graphql(OPEN, { id: unknownId }, outsider);
    expect(opened.data).toBeNull();
    expect(opened.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The same answer as an unknown id: nothing says the case exists.
    expect(opened.errors?.[0]?.message.replace(sar.id, 'ID')).toBe(
      unknown.errors?.[0]?.message.replace(unknownId, 'ID'),
    );

    for (const [query, variables] of [
      ['query($id: ID!) { caseAttachments(caseId: $id) { createdAt } }', { id: sar.id }],
      ['query($id: ID!) { caseDocuments(caseId: $id) { filename } }', { id: sar.id }],
      ['query($id: ID!) { caseMails(caseId: $id) { caseId } }', { id: sar.id }],
      ['query($id: ID!) { previewLetter(caseId: $id, kind: "acknowledgement", body: null) }', { id: sar.id }],
      ['mutation($id: ID!) { assignCase(input: { caseId: $id, assigneeId: null }) { id } }', { id: sar.id }],
    ] as const) {
      const result = await api.graphql(query, variables, outsider);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
    const moved = await sendEvent(api, outsider, { caseId: sar.id, type: 'START_RESPONSE' });
    expect(moved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const upload = await fetch(`${api.url}/api/cases/${sar.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(upload.status).toBe(404);

    // An auditor outside the team: the replay and verification are refused the same way.
    const verify = await api.graphql(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: sar.id },
      auditor,
    );
    expect(verify.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Nothing moved, and nothing was read.
    const [row] = await api.dataSource.query('SELECT version, assignee_id FROM "case" WHERE id = $1', [
      sar.id,
    ]);
    expect(row).toEqual({ version: 1, assignee_id: null });
    expect(await reads()).toBe(readsBefore);
  });

  it("a member lists and opens the SAR; each read of the requester's data is recorded", async () => {
    expect((await references(member)).sort()).toEqual([foi.reference, sar.reference].sort());
    const before = await reads();
    const opened = await api.graphql<{ case: { reference: string; requester: { name: string } } }>(
      OPEN,
      { id: sar.id },
      member,
    );
    expect(opened.data?.case.requester).toEqual({ name: 'A. Requester', email: 'requester@example.net' });
    // An unrestricted case's requester is not logged; the SAR's is, once per read.
    await api.graphql(OPEN, { id: foi.id }, member);
    await api.graphql(OPEN, { id: sar.id }, member);
    expect(await reads()).toBe(before + 2);

    const [logged] = await api.dataSource.query(
      'SELECT actor_id, case_id, field_group FROM personal_data_read ORDER BY id DESC LIMIT 1',
    );
    expect(logged).toEqual({ actor_id: memberId, case_id: sar.id, field_group: 'requester' });
    // The read list: one request for the whole list, one row per restricted case in it.
    const listed = await api.graphql(
      '{ cases(filter: { status: "all" }) { edges { node { requester { name } } } } }',
      {},
      member,
    );
    expect(listed.errors).toBeUndefined();
    expect(await reads()).toBe(before + 3);
  });

  it('auditors and administrators list the reads; officers may not', async () => {
    const listed = await api.graphql<{ personalDataReads: Record<string, string>[] }>(
      READS,
      { caseId: sar.id },
      auditor,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.personalDataReads).toHaveLength(3);
    expect(listed.data?.personalDataReads[0]).toEqual({
      actorId: memberId,
      actorLabel: 'Test officer <priya.dp@example.org>',
      caseReference: sar.reference,
      fieldGroup: 'requester',
    });
    expect((await api.graphql(READS, {}, admin)).errors).toBeUndefined();
    expect((await api.graphql(READS, {}, member)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tampered = api.dataSource.query('DELETE FROM personal_data_read');
    await expect(tampered).rejects.toThrow('personal_data_read is append-only');
  });

  it('an administrator sees every case; opening the workflow to all shows the SAR to the outsider again', async () => {
    expect((await references(admin)).sort()).toEqual([foi.reference, sar.reference].sort());
    const opened = await api.graphql(
      SET_ACCESS,
      { input: { workflowId: 'sar', restricted: false, teamIds: [] } },
      admin,
    );
    expect(opened.errors).toBeUndefined();
    expect((await references(outsider)).sort()).toEqual([foi.reference, sar.reference].sort());
  });
});
