import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelinessExtended1764000001300 } from '../../apps/api/src/database/migrations/1764000001300-timeliness-extended';
import { ReviewsRequested1764000001800 } from '../../apps/api/src/database/migrations/1764000001800-reviews-requested';
import { StatisticsService } from '../../apps/api/src/reporting/statistics.service';
import { startTestApi, type TestApi } from '../support/api';
import {
  approvedAndSent,
  approverToken,
  createCase,
  handlesSars,
  play,
  type Step,
  sendEvent,
} from '../support/cases';

// Each test is named after the statutory review item it proves, driven through GraphQL on the built-in workflows.

const SAVE = `mutation($settings: AuthoritySettingsInput!) {
  saveAuthoritySettings(settings: $settings) { casesRecomputed settings { sector appropriateLimit } }
}`;
const LINK = `mutation($input: LinkCasesInput!) { linkCases(input: $input) { id } }`;
const PREVIEW =
  'query($id: ID!, $kind: String!, $on: LocalDate) { previewLetter(caseId: $id, kind: $kind, dated: $on) }';
const CASE = `query($id: ID!) { case(id: $id) { stage step history { type payload } } }`;
const VERIFY = 'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok eventsChecked } }';

const AUTHORITY = {
  name: 'Example Council',
  team: 'Information Governance',
  email: 'foi@example.gov.uk',
  address: 'Town Hall, Example, EX1 1AA',
};
const ADVICE = { adviceAndAssistance: 'Narrowing the request to one year would bring it within the limit.' };

describe('statutory correctness, as a practitioner checks it', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let auditor: string;
  beforeAll(async () => {
    api = await startTestApi('statutory');
    officer = await api.signIn(['officer']);
    admin = await api.signIn(['admin']);
    auditor = await api.signIn(['auditor']);
    // Subject access requests are restricted from the start: the SARs here are handled in Data Protection.
    await handlesSars(api, officer, auditor, await approverToken(api));
  });
  afterAll(() => api?.close());

  const setSector = async (sector: string | null) => {
    const saved = await api.graphql(SAVE, { settings: { ...AUTHORITY, sector } }, admin);
    expect(saved.errors).toBeUndefined();
  };
  const letter = async (id: string, kind: string, on: string) => {
    const result = await api.graphql<{ previewLetter: string }>(PREVIEW, { id, kind, on }, officer);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.previewLetter;
  };
  const caseOf = async (id: string) => {
    const result = await api.graphql<{
      case: { stage: string; step: string; history: { type: string; payload: Record<string, unknown> }[] };
    }>(CASE, { id }, officer);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.case;
  };
  const verified = async (id: string) =>
    (await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(VERIFY, { id }, auditor)).data
      ?.verifyCaseHistory.ok;
  const estimate = async (caseId: string, estimatedHours: number, effectiveOn: string) => {
    const result = await sendEvent(api, officer, {
      caseId,
      type: 'EXCEEDS_COST_LIMIT',
      payload: { estimatedHours, costEstimate: 'Each file located and read by hand.' },
      effectiveOn,
    });
    expect(result.errors).toBeUndefined();
  };
  const refuse = (caseId: string, effectiveOn: string, extra: Record<string, unknown> = {}) =>
    sendEvent(api, officer, {
      caseId,
      type: 'SEND_COST_LIMIT_REFUSAL',
      payload: { ...ADVICE, ...extra },
      effectiveOn,
    });

  describe('s.12 cost limit', () => {
    it("F9: a s.12 refusal is refused for an estimate under the authority's appropriate limit (£450) and sent, with the cost and limit in the letter, above it", async () => {
      await setSector('other-public-authority');
      const under = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await estimate(under.id, 10, '2026-01-20');
      const refused = await refuse(under.id, '2026-01-21');
      expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(refused.errors?.[0]?.message).toContain(
        '10 hours at £25 an hour is £250, which is not more than £450',
      );
      expect((await caseOf(under.id)).history.map((e) => e.type)).not.toContain('SEND_COST_LIMIT_REFUSAL');
      // The request is answered after all, on the same clock.
      const back = await sendEvent(api, officer, {
        caseId: under.id,
        type: 'WITHIN_COST_LIMIT',
        payload: { withinLimitReason: 'The estimate is under the limit.' },
        effectiveOn: '2026-01-21',
      });
      expect(back.data?.sendCaseEvent.case).toMatchObject({ stage: 'response', dueDate: '2026-02-11' });

      const over = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await estimate(over.id, 20, '2026-01-20');
      const sent = await refuse(over.id, '2026-01-21');
      expect(sent.errors).toBeUndefined();
      expect(sent.data?.sendCaseEvent.event.type).toBe('SEND_COST_LIMIT_REFUSAL');
      const text = await letter(over.id, 'section-12-refusal', '2026-01-21');
      expect(text).toContain('would take 20 hours. At £25 an hour that is £500');
      expect(text).toContain('more than our appropriate limit of £450');
      expect(await verified(over.id)).toBe(true);
    });

    it('F9: a central government body (£600) may not refuse 20 hours (£500), and an unset sector counts the higher limit', async () => {
      await setSector('central-government');
      const central = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await estimate(central.id, 20, '2026-01-20');
      const refused = await refuse(central.id, '2026-01-21');
      expect(refused.errors?.[0]?.message).toContain('is £500, which is not more than £600');
      await setSector(null);
      const unset = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await estimate(unset.id, 20, '2026-01-20');
      expect((await refuse(unset.id, '2026-01-21')).errors?.[0]?.message).toContain('not more than £600');
    });

    it('F9: linked requests aggregated for s.12 are summed for the limit; the officer cannot give the aggregated hours', async () => {
      await setSector('other-public-authority');
      const first = await createCase(api, officer, {
        receivedOn: '2026-01-05',
        subject: 'Road repairs 2024',
      });
      const second = await createCase(api, officer, {
        receivedOn: '2026-01-20',
        subject: 'Road repairs 2025',
      });
      await estimate(first.id, 12, '2026-01-26');
      // Alone, 12 hours (£300) is under £450, and hours the officer types in are not taken.
      const alone = await refuse(first.id, '2026-01-27', { aggregatedHours: 100 });
      expect(alone.errors?.[0]?.message).toContain('12 hours at £25 an hour is £300');

      const linked = await api.graphql(
        LINK,
        { input: { caseId: second.id, otherCaseId: first.id, kind: 'AGGREGATED_S12' } },
        officer,
      );
      expect(linked.errors).toBeUndefined();
      await estimate(second.id, 10, '2026-01-26');
      const sent = await refuse(first.id, '2026-01-27');
      expect(sent.errors).toBeUndefined();
      const record = (await caseOf(first.id)).history.find((e) => e.type === 'SEND_COST_LIMIT_REFUSAL');
      expect(record?.payload).toMatchObject({ aggregatedHours: 10 });
      const text = await letter(first.id, 'section-12-refusal', '2026-01-27');
      expect(text).toContain(
        'would take 12 hours, and 10 hours more for the related requests we have aggregated with it (regulation 5). At £25 an hour that is £550',
      );
      // The second request counts the first one's 12 hours too.
      expect((await refuse(second.id, '2026-01-27')).errors).toBeUndefined();
      expect(await verified(first.id)).toBe(true);
      expect(await verified(second.id)).toBe(true);
    });

    it("S4: FOISA's cost rules: £15 an hour against £600, without the cost of determining whether held", async () => {
      await setSector('other-public-authority');
      const under = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      await estimate(under.id, 35, '2026-01-20');
      const refused = await refuse(under.id, '2026-01-21');
      expect(refused.errors?.[0]?.message).toContain(
        '35 hours at £15 an hour is £525, which is not more than £600',
      );

      const over = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      await estimate(over.id, 41, '2026-01-20');
      expect((await refuse(over.id, '2026-01-21')).errors).toBeUndefined();
      const text = await letter(over.id, 'section-12-refusal', '2026-01-21');
      expect(text).toContain('At no more than £15 an hour that is £615, which exceeds the £600 limit');
      expect(text).toContain('costs of determining whether we hold the information are not counted');
      expect(text).toContain('Section 15: advice and assistance');
    });
  });
  describe('clarification and fees', () => {
    it('F13: an FOI clarification letter gives the s.16 advice and assistance the officer recorded', async () => {
      const foi = await createCase(api, officer, { receivedOn: '2026-01-14' });
      const asked = await sendEvent(api, officer, {
        caseId: foi.id,
        type: 'REQUEST_CLARIFICATION',
        payload: {
          clarificationQuestion: 'Which car parks do you mean?',
          clarificationAdvice: 'Our car parks are listed by ward on our website; naming a ward is enough.',
        },
        effectiveOn: '2026-01-16',
      });
      expect(asked.errors).toBeUndefined();
      const text = await letter(foi.id, 'clarification-request', '2026-01-16');
      expect(text).toContain('# Advice and assistance');
      expect(text).toContain(
        'Under section 16 of the Act we must advise and assist you. To help you describe',
      );
      expect(text).toContain('naming a ward is enough');
    });

    it('F13: a fees notice cannot be issued after the time for responding (s.9(1), s.10)', async () => {
      const foi = await createCase(api, officer, { receivedOn: '2026-01-14' });
      // 20 working days from Wed 14 Jan 2026 end on Wed 11 Feb 2026.
      const late = await sendEvent(api, officer, {
        caseId: foi.id,
        type: 'ISSUE_FEES_NOTICE',
        payload: { feeAmount: 40, feeBreakdown: 'Photocopying 400 pages at 10p.' },
        effectiveOn: '2026-02-12',
      });
      expect(late.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(late.errors?.[0]?.message).toContain('on or before 2026-02-11');
    });

    it('E5: an EIR clarification is refused after 20 working days (reg 9(2)), and within them the letter offers reg 9 assistance', async () => {
      const late = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
      const refused = await sendEvent(api, officer, {
        caseId: late.id,
        type: 'REQUEST_CLARIFICATION',
        payload: { clarificationQuestion: 'Which rivers?' },
        effectiveOn: '2026-02-12',
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(refused.errors?.[0]?.message).toContain('within 20 working days of receipt, by 2026-02-11');

      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
      const asked = await sendEvent(api, officer, {
        caseId: eir.id,
        type: 'REQUEST_CLARIFICATION',
        payload: {
          clarificationQuestion: 'Which rivers?',
          clarificationAdvice: 'Our water quality sampling covers the Test and the Itchen.',
        },
        effectiveOn: '2026-02-11',
      });
      expect(asked.errors).toBeUndefined();
      const text = await letter(eir.id, 'clarification-request', '2026-02-11');
      expect(text).toContain(
        'Under regulation 9 we must assist you in providing these particulars. To help you:',
      );
      expect(text).toContain('the Test and the Itchen');
      expect(text).not.toContain('section 16');
    });
  });
  describe('EIR refusals', () => {
    it('E4: a reg 12(4)(d) refusal needs who is completing the material and when (reg 14(4)), and the letter says so', async () => {
      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
      await play(api, officer, eir.id, [{ type: 'START_RESPONSE', effectiveOn: '2026-01-15' }]);
      const refusal = {
        outcome: 'refused-in-full',
        held: true,
        answers: [
          { question: 'The flood risk study for the river', answer: 'Withheld, for the reasons below.' },
        ],
        exemptions: ['reg 12(4)(d)'],
        exemptionReasons: 'reg 12(4)(d): the flood risk study is a draft still being revised.',
        publicInterestReasons:
          'reg 12(4)(d): publishing a draft would mislead residents; the final study will be published.',
      };
      const incomplete = await sendEvent(api, officer, {
        caseId: eir.id,
        type: 'SUBMIT_FOR_APPROVAL',
        payload: refusal,
        effectiveOn: '2026-01-20',
      });
      expect(incomplete.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(incomplete.errors?.[0]?.message).toContain(
        'reg 12(4)(d) needs completionBody and completionDate (EIR reg 14(4))',
      );
      await play(api, officer, eir.id, [
        {
          type: 'SUBMIT_FOR_APPROVAL',
          effectiveOn: '2026-01-20',
          payload: { ...refusal, completionBody: 'the Environment Agency', completionDate: '2026-06-30' },
        },
        ...approvedAndSent('2026-01-21'),
      ]);
      const text = await letter(eir.id, 'response', '2026-01-21');
      expect(text).toContain(
        'The material is still being completed by the Environment Agency, who expect to finish it by 30 June 2026 (regulation 14(4) of the Regulations).',
      );
      expect(await verified(eir.id)).toBe(true);
    });
  });
  describe('EIR reconsideration', () => {
    it('E6: a reconsideration that finds a failure states it, the action and when (reg 11(5)), in the letter', async () => {
      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
      await play(api, officer, eir.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
        {
          type: 'SUBMIT_FOR_APPROVAL',
          effectiveOn: '2026-01-20',
          payload: {
            outcome: 'granted-in-full',
            held: true,
            answers: [{ question: 'Air quality readings for 2025', answer: 'Attached.' }],
          },
        },
        ...approvedAndSent('2026-01-21'),
        {
          type: 'REQUEST_RECONSIDERATION',
          effectiveOn: '2026-02-02',
          payload: { reviewGrounds: 'December is missing.' },
        },
      ]);
      const decided = {
        reviewOutcome: 'partly-overturned',
        reviewReasons: 'The December readings were left out.',
      };
      const bare = await sendEvent(api, officer, {
        caseId: eir.id,
        type: 'REVIEW_DECIDED',
        payload: decided,
        effectiveOn: '2026-02-20',
      });
      expect(bare.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(bare.errors?.[0]?.message).toContain(
        'it needs failureFound and remedialAction and remedialActionBy (EIR reg 11(5))',
      );
      await play(api, officer, eir.id, [
        {
          type: 'REVIEW_DECIDED',
          effectiveOn: '2026-02-20',
          payload: {
            ...decided,
            failureFound: 'We did not provide the December readings we hold (regulation 5(1)).',
            remedialAction: 'send you the December readings',
            remedialActionBy: '2026-03-06',
          },
        },
      ]);
      const text = await letter(eir.id, 'internal-review-outcome', '2026-02-20');
      expect(text).toContain('We have found that we did not comply with the Regulations (regulation 11(5)):');
      expect(text).toContain(
        'What we will do: send you the December readings. We will do this by 6 March 2026.',
      );
      expect(await verified(eir.id)).toBe(true);
    });
  });
  describe('SAR complaints (DPA 2018 s.164A)', () => {
    it('A3: a complaint is acknowledged within 30 days and its outcome sent, each with its letter, the outcome with ICO and court remedies', async () => {
      const sar = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-07-01' });
      await play(api, officer, sar.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-07-02' },
        {
          type: 'SUBMIT_FOR_APPROVAL',
          effectiveOn: '2026-07-10',
          payload: {
            outcome: 'granted-in-full',
            held: true,
            answers: [{ question: 'My records', answer: 'A copy of your records is enclosed.' }],
          },
        },
        ...approvedAndSent('2026-07-13'),
        {
          type: 'COMPLAINT_RECEIVED',
          effectiveOn: '2026-07-20',
          payload: { complaintGrounds: 'The emails about me from March are missing.' },
        },
      ]);
      const due = await api.graphql<{ case: { deadlines: { name: string; due: string }[] } }>(
        'query($id: ID!) { case(id: $id) { deadlines { name due } } }',
        { id: sar.id },
        officer,
      );
      expect(due.data?.case.deadlines).toContainEqual(
        expect.objectContaining({ name: 'complaintAcknowledgeBy', due: '2026-08-19' }),
      );
      const acknowledgement = await letter(sar.id, 'complaint-acknowledgement', '2026-07-21');
      expect(acknowledgement).toContain('The emails about me from March are missing.');
      expect(acknowledgement).toContain('section 164A of the Data Protection Act 2018');
      await play(api, officer, sar.id, [
        { type: 'COMPLAINT_ACKNOWLEDGED', effectiveOn: '2026-07-21' },
        {
          type: 'COMPLAINT_OUTCOME_SENT',
          effectiveOn: '2026-08-03',
          payload: {
            complaintOutcome: 'upheld',
            complaintOutcomeDetails: 'We found the March emails and enclose them.',
          },
        },
      ]);
      const outcome = await letter(sar.id, 'complaint-outcome', '2026-08-03');
      expect(outcome).toContain('We have upheld your complaint.');
      expect(outcome).toContain('We found the March emails and enclose them.');
      expect(outcome).toContain('the right to seek a judicial remedy by applying to a court (Article 79');
      expect(outcome).not.toMatch(/internal review|decision notice|Tribunal/);
      const snapshot = await api.graphql<{
        case: { state: { context: { letters: { template: string; on: string }[] } } };
      }>('query($id: ID!) { case(id: $id) { state } }', { id: sar.id }, officer);
      expect(snapshot.data?.case.state.context.letters).toEqual(
        expect.arrayContaining([
          { template: 'complaint-acknowledgement', on: '2026-07-20' },
          { template: 'complaint-outcome', on: '2026-08-03' },
        ]),
      );
      expect(await verified(sar.id)).toBe(true);
    });
  });
  describe('F10: in time, in time with a permitted extension, late', () => {
    const STATISTICS = `query($from: LocalDate!, $to: LocalDate!) {
      statistics(from: $from, to: $to) { received answered inTime inTimeExtended late inTimePercent lateWorkingDays { key count } }
    }`;
    const MAY = { from: '2026-05-01', to: '2026-05-31' };
    const may = async () =>
      (await api.graphql<{ statistics: Record<string, unknown> }>(STATISTICS, MAY, officer)).data?.statistics;
    const granted = (on: string): Step[] => [
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: on,
        payload: {
          outcome: 'granted-in-full',
          held: true,
          answers: [{ question: 'The request', answer: 'The figures are attached.' }],
        },
      },
      ...approvedAndSent(on),
    ];
    const timeliness = async (id: string) =>
      (
        await api.graphql<{ case: { state: { context: { record: { timeliness?: string } } } } }>(
          'query($id: ID!) { case(id: $id) { state } }',
          { id },
          officer,
        )
      ).data?.case.state.context.record.timeliness;
    const reported = async (id: string) =>
      (
        await api.dataSource.query(`SELECT timeliness, extended FROM case_report WHERE case_id = $1`, [id])
      )[0];
    const publicInterest: Step[] = [
      { type: 'START_RESPONSE', effectiveOn: '2026-05-05' },
      {
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        effectiveOn: '2026-06-01',
        payload: { exemptions: ['s.43(2)'], extensionReason: 'The balance needs the contractor’s views.' },
      },
      {
        type: 'PUBLIC_INTEREST_DECIDED',
        effectiveOn: '2026-06-15',
        payload: { publicInterestDecision: 'Favours disclosure.' },
      },
    ];
    const ids: Record<string, string> = {};

    // Received Fri 1 May 2026: 20 working days end Tue 2 Jun (4 and 25 May are bank holidays), 40 end Tue 30 Jun.
    it('F10: May 2026 counts 1 in time, 2 in time with a permitted extension (s.10(3), reg 7) and 2 late (one a s.12 refusal); 60% answered in time', async () => {
      await setSector(null);
      const inTime = await createCase(api, officer, { receivedOn: '2026-05-01' });
      await play(api, officer, inTime.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-05-05' },
        ...granted('2026-05-28'),
      ]);
      const extended = await createCase(api, officer, { receivedOn: '2026-05-01' });
      await play(api, officer, extended.id, [...publicInterest, ...granted('2026-06-22')]);
      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-05-01' });
      await play(api, officer, eir.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-05-05' },
        {
          type: 'EXTEND_COMPLEX_AND_VOLUMINOUS',
          effectiveOn: '2026-05-20',
          payload: { extensionReason: 'Ten years of river readings.' },
        },
        ...granted('2026-06-29'),
      ]);
      const costLimit = await createCase(api, officer, { receivedOn: '2026-05-01' });
      await estimate(costLimit.id, 30, '2026-05-20');
      expect((await refuse(costLimit.id, '2026-06-03')).errors).toBeUndefined();
      const late = await createCase(api, officer, { receivedOn: '2026-05-01' });
      await play(api, officer, late.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-05-05' },
        ...granted('2026-06-03'),
      ]);
      Object.assign(ids, { extended: extended.id, eir: eir.id });

      expect(await timeliness(inTime.id)).toBe('in-time');
      expect(await timeliness(extended.id)).toBe('in-time-extended');
      expect(await timeliness(eir.id)).toBe('in-time-extended');
      // s.17(5): the s.12 notice was due with the response, on Tue 2 Jun.
      expect(await timeliness(costLimit.id)).toBe('late');
      expect(await timeliness(late.id)).toBe('late');
      const figures = {
        received: 5,
        answered: 5,
        inTime: 1,
        inTimeExtended: 2,
        late: 2,
        inTimePercent: 60,
        lateWorkingDays: [{ key: '1', count: 2 }],
      };
      expect(await may()).toEqual(figures);
      await api.app.get(StatisticsService).foldDeltas();
      expect(await may()).toEqual(figures);

      const csv = await fetch(`${api.url}/api/export/statistics.csv?from=2026-05-01&to=2026-05-31`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      const lines = (await csv.text()).split('\r\n');
      expect(lines[0]).toBe(
        'period,from,to,received,answered,in time,in time with a permitted extension,late,answered in time (%),average working days late',
      );
      expect(lines[1]).toBe('2026-05,2026-05-01,2026-05-31,5,5,1,2,2,60,1');
    });

    it('F10: an answer on a workflow version that recorded plain "in-time" after an extension is counted as in time with the extension', async () => {
      // The response transition as the built-in FOI workflow had it before: a fixed "in-time".
      const definition = JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8'));
      const send = definition.stages
        .flatMap((stage: { transitions: { id: string }[] }) => stage.transitions)
        .find((t: { id: string }) => t.id === 'send-response-in-time');
      send.actions = send.actions.map((action: { name: string }) =>
        action.name === 'record.timeliness'
          ? { name: 'record.set', params: { field: 'timeliness', value: 'in-time' } }
          : action,
      );
      const created = await api.graphql<{ createWorkflow: { draft: { revision: number } } }>(
        'mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { draft { revision } } }',
        { input: { id: 'foi-2025', name: 'FOI as published in 2025', regime: 'foi', definition } },
        admin,
      );
      expect(created.errors).toBeUndefined();
      const published = await api.graphql(
        'mutation($input: PublishWorkflowInput!) { publishWorkflow(input: $input) { version } }',
        { input: { workflowId: 'foi-2025', revision: created.data?.createWorkflow.draft.revision } },
        admin,
      );
      expect(published.errors).toBeUndefined();
      const old = await createCase(api, officer, { workflowId: 'foi-2025', receivedOn: '2026-05-01' });
      await play(api, officer, old.id, [...publicInterest, ...granted('2026-06-22')]);
      expect(await timeliness(old.id)).toBe('in-time');
      expect(await reported(old.id)).toEqual({ timeliness: 'in-time-extended', extended: true });
      expect(await may()).toMatchObject({ received: 6, inTimeExtended: 3, inTimePercent: 66.7 });
      expect(await verified(old.id)).toBe(true);
    });

    it('F10: the migration reclassifies answers stored in time after an extension, counts the totals again, and reverts', async () => {
      // The later migration restating the report trigger is reverted before it and applied again after, as a revert does.
      const migrations = [new TimelinessExtended1764000001300(), new ReviewsRequested1764000001800()];
      const runner = api.dataSource.createQueryRunner();
      const inTransaction = async (change: 'up' | 'down') => {
        await runner.startTransaction();
        for (const migration of change === 'up' ? migrations : [...migrations].reverse())
          await migration[change](runner);
        await runner.commitTransaction();
      };
      try {
        // As stored before: plain "in-time", told apart only by the extended flag.
        await inTransaction('down');
        expect(await reported(ids.extended as string)).toEqual({ timeliness: 'in-time', extended: true });
        expect(await reported(ids.eir as string)).toEqual({ timeliness: 'in-time', extended: true });
        expect(await may()).toMatchObject({ inTime: 1, inTimeExtended: 3, late: 2 });
        await inTransaction('up');
      } finally {
        await runner.release();
      }
      expect(await reported(ids.extended as string)).toEqual({
        timeliness: 'in-time-extended',
        extended: true,
      });
      expect(await reported(ids.eir as string)).toEqual({ timeliness: 'in-time-extended', extended: true });
      const [{ pending }] = await api.dataSource.query(
        'SELECT count(*)::int AS pending FROM case_report_delta',
      );
      expect(pending).toBe(0);
      const [{ n }] = await api.dataSource.query(
        `SELECT sum(n)::int AS n FROM case_report_tally WHERE month = '2026-05-01' AND dimension = 'in-time-extended'`,
      );
      expect(n).toBe(3);
      expect(await may()).toMatchObject({
        received: 6,
        inTime: 1,
        inTimeExtended: 3,
        late: 2,
        inTimePercent: 66.7,
      });
      // The working days late are counted again by the next fold.
      await api.app.get(StatisticsService).foldDeltas();
      expect(await may()).toMatchObject({ lateWorkingDays: [{ key: '1', count: 2 }] });
    });
  });
  describe('S4 fees: FOISA fees for required disclosure (SSI 2004/467)', () => {
    const FEE = {
      feeHours: 20,
      feeHourlyRate: 15,
      feeDisbursements: 20,
      feeBreakdown: 'Copying the 2025 school inspection reports held on paper.',
    };
    const due = async (id: string) =>
      (
        await api.graphql<{ case: { dueDate: string | null; stage: string } }>(
          'query($id: ID!) { case(id: $id) { dueDate stage } }',
          { id },
          officer,
        )
      ).data?.case;

    it('S4 fees: 20 hours at £15 and £20 of copies (£320 projected): a £40 fee is refused naming the £22 maximum; £22 goes out with its working in the letter', async () => {
      const foisa = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      const tooMuch = await sendEvent(api, officer, {
        caseId: foisa.id,
        type: 'ISSUE_FEES_NOTICE',
        payload: { ...FEE, feeAmount: 40 },
        effectiveOn: '2026-01-20',
      });
      expect(tooMuch.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(tooMuch.errors?.[0]?.message).toContain(
        '20 hours at £15 an hour (£300) and £20 of other costs come to £320; the fee may be at most £22, 10% of the £220 above £100 (reg 4), not £40',
      );
      expect((await caseOf(foisa.id)).history.map((e) => e.type)).not.toContain('ISSUE_FEES_NOTICE');
      expect(await due(foisa.id)).toEqual({ dueDate: '2026-02-11', stage: 'received' });

      await play(api, officer, foisa.id, [
        { type: 'ISSUE_FEES_NOTICE', effectiveOn: '2026-01-20', payload: { ...FEE, feeAmount: 22 } },
      ]);
      expect(await due(foisa.id)).toEqual({ dueDate: null, stage: 'fees' });
      const text = await letter(foisa.id, 'fees-notice', '2026-01-20');
      expect(text).toContain('there is a fee of £22 (section 9 of the Act)');
      expect(text).toContain(
        'We estimate that locating, retrieving and providing the information will take 20 hours of staff time at £15 an hour, £300, with £20 of other costs of providing it (such as copies and postage): projected costs of £320.',
      );
      expect(text).toContain(
        'Nothing may be charged for the first £100 of projected costs, and the fee may be no more than 10% of the costs above £100 (regulation 4): at most £22 for this request. Our fee is £22.',
      );
      expect(text).toContain('The time spent determining whether we hold the information is not counted');
      // Paid Mon 2 Feb: the 10 working days from the notice to the payment, both inclusive, are disregarded.
      await play(api, officer, foisa.id, [{ type: 'FEE_PAID', effectiveOn: '2026-02-02' }]);
      expect(await due(foisa.id)).toEqual({ dueDate: '2026-02-25', stage: 'response' });
      expect(await verified(foisa.id)).toBe(true);
    });

    it('S4 fees: staff time above £15 an hour, a fee on £100 or less, and a fee where s.12 applies are refused', async () => {
      const foisa = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      const issue = (payload: Record<string, unknown>) =>
        sendEvent(api, officer, {
          caseId: foisa.id,
          type: 'ISSUE_FEES_NOTICE',
          payload: { ...FEE, ...payload },
          effectiveOn: '2026-01-20',
        });
      const dearer = await issue({ feeHourlyRate: 25, feeAmount: 10 });
      expect(dearer.errors?.[0]?.extensions?.code).toBe('EVENT_NOT_ALLOWED');
      expect(dearer.errors?.[0]?.message).toContain(
        'staff time is costed at no more than £15 an hour (reg 3(2)), not £25',
      );
      const small = await issue({ feeHours: 5, feeDisbursements: 10, feeAmount: 1 });
      expect(small.errors?.[0]?.message).toContain(
        '5 hours at £15 an hour (£75) and £10 of other costs come to £85, not more than £100, so no fee may be charged (reg 4)',
      );
      const over = await issue({ feeHours: 40, feeAmount: 50 });
      expect(over.errors?.[0]?.message).toContain(
        'come to £620, more than £600 (reg 5): the request is over the cost limit (s.12), so no fee can be charged',
      );
      const missing = await issue({ feeHours: undefined, feeAmount: 10 });
      expect(missing.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(await due(foisa.id)).toEqual({ dueDate: '2026-02-11', stage: 'received' });
    });

    it('S4 fees: FOI and EIR fees keep their own rules (EIR reg 8: paid within 60 working days)', async () => {
      const foi = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await play(api, officer, foi.id, [
        {
          type: 'ISSUE_FEES_NOTICE',
          effectiveOn: '2026-01-20',
          payload: { feeAmount: 40, feeBreakdown: 'Photocopying 400 pages at 10p.' },
        },
      ]);
      const foiLetter = await letter(foi.id, 'fees-notice', '2026-01-20');
      expect(foiLetter).toContain('there is a charge of £40 (section 9 of the Act)');
      expect(foiLetter).not.toContain('How the fee was worked out');
      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
      await play(api, officer, eir.id, [
        {
          type: 'ISSUE_FEES_NOTICE',
          effectiveOn: '2026-01-20',
          payload: { feeAmount: 400, feeBreakdown: 'Printing 40 flood maps at the published rate.' },
        },
      ]);
      const deadlines = await api.graphql<{ case: { deadlines: { name: string; due: string }[] } }>(
        'query($id: ID!) { case(id: $id) { deadlines { name due } } }',
        { id: eir.id },
        officer,
      );
      // The response deadline waits, unknown, until the charge is paid.
      expect(deadlines.data?.case.deadlines).toEqual([
        { name: 'response', due: null },
        { name: 'chargePaymentBy', due: '2026-04-17' },
      ]);
      expect(await letter(eir.id, 'fees-notice', '2026-01-20')).toContain(
        'If the charge is not paid within 60 working days of the date of this notice',
      );
    });
  });
  describe('review items fixed earlier, through the API', () => {
    const deadlines = async (id: string) => {
      const result = await api.graphql<{
        case: { stage: string; deadlines: { name: string; due: string }[] };
      }>('query($id: ID!) { case(id: $id) { stage deadlines { name due } } }', { id }, officer);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return {
        stage: result.data.case.stage,
        due: Object.fromEntries(result.data.case.deadlines.map((d) => [d.name, d.due])),
      };
    };
    const answer = {
      outcome: 'granted-in-full',
      held: true,
      answers: [{ question: 'The request', answer: 'The figures are attached.' }],
    };

    it('C1/A1: SAR received Mon 2 Mar 2026, identity asked that day and received Mon 16 Mar: due Thu 16 Apr 2026', async () => {
      await setSector(null);
      const sar = await createCase(api, officer, { workflowId: 'sar', receivedOn: '2026-03-02' });
      await play(api, officer, sar.id, [
        {
          type: 'REQUEST_IDENTITY',
          effectiveOn: '2026-03-02',
          payload: { identityRequested: 'A utility bill.' },
        },
      ]);
      expect((await deadlines(sar.id)).due.response).toBeUndefined();
      await play(api, officer, sar.id, [
        {
          type: 'IDENTITY_RECEIVED',
          effectiveOn: '2026-03-16',
          payload: { identityEvidence: 'Council tax bill.' },
        },
      ]);
      expect((await deadlines(sar.id)).due.response).toBe('2026-04-16');
      expect(await verified(sar.id)).toBe(true);
    });

    it('S1: FOISA received Wed 14 Jan 2026, answered Wed 21 Jan: review may be required until Thu 9 Apr 2026 (s.20(5))', async () => {
      const foisa = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      await play(api, officer, foisa.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-01-20' },
        { type: 'SUBMIT_FOR_APPROVAL', effectiveOn: '2026-01-21', payload: answer },
        ...approvedAndSent('2026-01-21'),
      ]);
      expect((await deadlines(foisa.id)).due).toEqual({ reviewRequestBy: '2026-04-09' });
      expect(await letter(foisa.id, 'response', '2026-01-21')).toContain('9 April 2026');
    });

    it('S2: a Commissioner decision on Mon 2 Mar 2026 asking compliance by 6 Apr: due 13 Apr, when the Court of Session appeal period ends (s.49(7))', async () => {
      const foisa = await createCase(api, officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
      await play(api, officer, foisa.id, [
        {
          type: 'REGULATOR_COMPLAINT_RECEIVED',
          effectiveOn: '2026-02-20',
          payload: { regulatorReference: '202600123' },
        },
        {
          type: 'DECISION_NOTICE_ISSUED',
          effectiveOn: '2026-03-02',
          payload: {
            decisionNoticeReference: 'Decision 001/2026',
            decision: 'complaint-upheld',
            complianceDate: '2026-04-06',
          },
        },
      ]);
      expect((await deadlines(foisa.id)).due).toMatchObject({
        appealBy: '2026-04-13',
        complianceDue: '2026-04-13',
      });
    });

    it('F5/F8: a refusal without exemptions is refused, and no s.10(3) extension for an absolute exemption', async () => {
      const foi = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await play(api, officer, foi.id, [{ type: 'START_RESPONSE', effectiveOn: '2026-01-15' }]);
      const bare = await sendEvent(api, officer, {
        caseId: foi.id,
        type: 'SUBMIT_FOR_APPROVAL',
        payload: { ...answer, outcome: 'refused-in-full' },
        effectiveOn: '2026-01-20',
      });
      expect(bare.errors?.[0]?.message).toContain(
        'a refusal must cite the exemptions it relies on (FOIA s.17(1))',
      );
      const absolute = await sendEvent(api, officer, {
        caseId: foi.id,
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        payload: { exemptions: ['s.41(1)'], extensionReason: 'Confidence.' },
        effectiveOn: '2026-01-20',
      });
      expect(absolute.errors?.[0]?.message).toContain(
        'more time to consider the public interest is only for qualified exemptions, and s.41(1) is absolute.',
      );
    });

    it('F1/F2: no response by Wed 11 Feb 2026, review asked Mon 16 Feb and overturned Mon 2 Mar: a fresh response due Tue 31 Mar', async () => {
      const foi = await createCase(api, officer, { receivedOn: '2026-01-14' });
      await play(api, officer, foi.id, [
        { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
        {
          type: 'REQUEST_INTERNAL_REVIEW',
          effectiveOn: '2026-02-16',
          payload: { reviewGrounds: 'No answer.' },
        },
      ]);
      expect(await deadlines(foi.id)).toMatchObject({
        stage: 'internal-review',
        due: { reviewDue: '2026-03-16' },
      });
      await play(api, officer, foi.id, [
        {
          type: 'REVIEW_DECIDED',
          effectiveOn: '2026-03-02',
          payload: { reviewOutcome: 'overturned', reviewReasons: 'We failed to respond.' },
        },
      ]);
      expect(await deadlines(foi.id)).toMatchObject({
        stage: 'fresh-response',
        due: { freshResponseDue: '2026-03-31' },
      });
      expect(await verified(foi.id)).toBe(true);
    });

    it('E7: EISR received Mon 9 Mar 2026 counts Scottish working days only (Easter Monday and 17 Mar count): due Tue 7 Apr 2026', async () => {
      const eisr = await createCase(api, officer, { workflowId: 'eisr', receivedOn: '2026-03-09' });
      expect(eisr.dueDate).toBe('2026-04-07');
      const eir = await createCase(api, officer, { workflowId: 'eir', receivedOn: '2026-03-09' });
      expect(eir.dueDate).toBe('2026-04-09');
    });
  });
});
