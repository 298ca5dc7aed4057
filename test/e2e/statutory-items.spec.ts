import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimersService } from '../../apps/api/src/timers/timers.service';
import { startTestApi, type TestApi } from '../support/api';
import {
  approvedAndSent,
  approverToken,
  createCase,
  handlesSars,
  type Step,
  sendEvent,
  sendLetterOn,
} from '../support/cases';
import { expectSections } from '../support/letter-sections';

// Each test is named after the item of the statutory review it proves, driven through GraphQL on the
// built-in workflows with the dates the law gives, and checked as an officer sees the case and its letters.
// The groups' tests run at once, each on cases of its own; the last group runs in order, after them, as
// firing timers reaches every case of the api.

const VIEW = `query($id: ID!) { case(id: $id) {
  stage step status outcome dueDate
  deadlines { name due label statutory }
  allowedEvents { type inputSchema }
  state
} }`;
const PREVIEW =
  'query($id: ID!, $kind: String!, $on: LocalDate) { previewLetter(caseId: $id, kind: $kind, dated: $on) }';
const DOCUMENTS = 'query($id: ID!) { caseDocuments(caseId: $id) { id template format sentOn } }';
const FILE = 'query($id: ID!) { documentFile(documentId: $id) { base64 } }';
const STATISTICS = `query($from: LocalDate!, $to: LocalDate!, $regime: String) {
  statistics(from: $from, to: $to, regime: $regime) {
    answered inTime late outcomes { key count } reviews { requested decided outcomes { key count } }
  }
}`;

interface Deadline {
  name: string;
  due: string | null;
  label: string;
  statutory: boolean;
}
interface CaseView {
  stage: string;
  step: string;
  status: string;
  outcome: string | null;
  dueDate: string | null;
  deadlines: Deadline[];
  allowedEvents: { type: string; inputSchema: { properties: Record<string, Record<string, unknown>> } }[];
  state: {
    context: {
      record: Record<string, unknown>;
      letters: { template: string; on: string }[];
      timers: Record<string, { fireOn: string | null; event: string }>;
    };
  };
}

/** The api, signed in as an officer and an approver, with the helpers every test uses. */
function officerDesk(label: string) {
  const desk = {} as {
    api: TestApi;
    officer: string;
    approver: string;
    play(caseId: string, steps: Step[]): Promise<void>;
    view(
      id: string,
    ): Promise<
      CaseView & { due: Record<string, string | null>; events: string[]; record: Record<string, unknown> }
    >;
    letter(id: string, kind: string, on: string): Promise<string>;
    sentLetter(id: string, template: string): Promise<string>;
    refusal(
      caseId: string,
      type: string,
      effectiveOn: string,
      payload?: Record<string, unknown>,
    ): Promise<string>;
    send(caseId: string, type: string, effectiveOn: string, payload?: Record<string, unknown>): Promise<void>;
  };
  beforeAll(async () => {
    desk.api = await startTestApi(label);
    desk.officer = await desk.api.signIn(['officer']);
    // Signed in once: the approver approves every response in the file.
    desk.approver = await approverToken(desk.api);
    // Subject access requests are restricted: the officer and approver work in the data protection team.
    await handlesSars(desk.api, desk.officer, desk.approver);
  });
  afterAll(() => desk.api?.close());
  desk.view = async (id) => {
    const result = await desk.api.graphql<{ case: CaseView }>(VIEW, { id }, desk.officer);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    const found = result.data.case;
    return {
      ...found,
      due: Object.fromEntries(found.deadlines.map((d) => [d.name, d.due])),
      events: found.allowedEvents.map((e) => e.type),
      // What the case records so far: the outcome that stands while open (Case.outcome is the closure's).
      record: found.state.context.record,
    };
  };
  desk.letter = async (id, kind, on) => {
    const result = await desk.api.graphql<{ previewLetter: string }>(PREVIEW, { id, kind, on }, desk.officer);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.previewLetter;
  };
  // The letter as the requester received it: the PDF recorded as sent, its text with the line breaks of the page undone.
  desk.sentLetter = async (id, template) => {
    const listed = await desk.api.graphql<{
      caseDocuments: { id: string; template: string; format: string; sentOn: string | null }[];
    }>(DOCUMENTS, { id }, desk.officer);
    const sent = listed.data?.caseDocuments.filter(
      (d) => d.template === template && d.format === 'pdf' && d.sentOn,
    );
    const last = sent?.at(-1);
    if (!last) throw new Error(`no ${template} letter sent: ${JSON.stringify(listed)}`);
    const file = await desk.api.graphql<{ documentFile: { base64: string } }>(
      FILE,
      { id: last.id },
      desk.officer,
    );
    const pdf = new Uint8Array(Buffer.from(file.data?.documentFile.base64 ?? '', 'base64'));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    return (text as string).replace(/\s+/g, ' ');
  };
  desk.refusal = async (caseId, type, effectiveOn, payload) => {
    const result = await sendEvent(desk.api, desk.officer, { caseId, type, effectiveOn, payload });
    const error = result.errors?.[0];
    if (!error) throw new Error(`${type} was accepted`);
    return `${error.extensions?.code}: ${error.message}`;
  };
  desk.play = async (caseId, steps) => {
    for (const step of steps) {
      if ('sendLetter' in step) {
        await sendLetterOn(desk.api, desk.officer, caseId, step.sendLetter, step.on, step.channel);
        continue;
      }
      const token = step.type === 'APPROVE_RESPONSE' ? desk.approver : desk.officer;
      const result = await sendEvent(desk.api, token, { caseId, ...step });
      if (result.errors) throw new Error(`${step.type}: ${JSON.stringify(result.errors)}`);
    }
  };
  desk.send = (caseId, type, effectiveOn, payload) => desk.play(caseId, [{ type, effectiveOn, payload }]);
  return desk;
}

const answered = (question: string, answer: string) => [{ question, answer }];
const granted = {
  outcome: 'granted-in-full',
  held: true,
  answers: answered('How many CCTV cameras does the council operate?', 'The council operates 212 cameras.'),
};
/** A response drafted on `on`, approved and its letter sent on `sentOn`. */
const responds = (payload: Record<string, unknown>, on: string, sentOn = on): Step[] => [
  { type: 'SUBMIT_FOR_APPROVAL', effectiveOn: on, payload },
  ...approvedAndSent(sentOn),
];
/** A letter's text as a reader takes it in, line breaks and all spacing alike. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

// One api for the whole file: each test makes cases of its own.
const desk = officerDesk('statutory-items');

describe.concurrent('FOI decision notices and the Tribunal (F3, F4, L4)', () => {
  const refusedInPart = {
    outcome: 'granted-in-part',
    held: true,
    answers: answered(
      'The contract with the parking supplier',
      'The contract is attached, with the prices removed.',
    ),
    exemptions: ['s.43(2)'],
    exemptionReasons: 's.43(2): the unit prices would prejudice the supplier at re-tender.',
    publicInterestReasons: 's.43(2): transparency is outweighed by fair competition at re-tender.',
  };
  /** FOI received Wed 14 Jan 2026 and never answered: the requester complained to the ICO on Fri 20 Feb. */
  const unanswered = async () => {
    const foi = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(foi.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'REGULATOR_COMPLAINT_RECEIVED',
        effectiveOn: '2026-02-20',
        payload: { regulatorReference: 'IC-400123' },
      },
    ]);
    return foi.id;
  };
  /** Refused in part on Wed 21 Jan 2026, upheld on review on Fri 20 Feb, complained of to the ICO on Mon 2 Mar. */
  const refusedAndComplained = async () => {
    const foi = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(foi.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      ...responds(refusedInPart, '2026-01-20', '2026-01-21'),
      {
        type: 'REQUEST_INTERNAL_REVIEW',
        effectiveOn: '2026-02-02',
        payload: { reviewGrounds: 'The prices are ten years old.' },
      },
      {
        type: 'REVIEW_DECIDED',
        effectiveOn: '2026-02-20',
        payload: { reviewOutcome: 'upheld', reviewReasons: 'Section 43(2) still applies.' },
      },
      {
        type: 'REGULATOR_COMPLAINT_RECEIVED',
        effectiveOn: '2026-03-02',
        payload: { regulatorReference: 'IC-400777' },
      },
    ]);
    return foi.id;
  };
  const noticeOn = (id: string, decision: string) =>
    desk.send(id, 'DECISION_NOTICE_ISSUED', '2026-06-01', {
      decisionNoticeReference: 'IC-400123-DN',
      decision,
    });

  it('F3: a decision notice of Mon 1 Jun 2026 upholding a complaint of no response: no closing without the steps; a fresh response due Mon 6 Jul (35 days), one sent Wed 8 Jul recorded late', async () => {
    const id = await unanswered();
    expect((await desk.view(id)).stage).toBe('regulator');
    await noticeOn(id, 'complaint-upheld');
    const notice = await desk.view(id);
    expect(notice.stage).toBe('compliance');
    // The request is still unanswered, so its response deadline stands, overdue, beside the notice's dates.
    expect(notice.due).toEqual({
      response: '2026-02-11',
      complianceDue: '2026-07-06',
      appealBy: '2026-06-29',
    });
    expect(notice.deadlines.find((d) => d.name === 'complianceDue')?.statutory).toBe(true);
    expect(notice.events).toEqual(
      expect.arrayContaining(['START_FRESH_RESPONSE', 'COMPLIED', 'APPEAL_LODGED']),
    );
    expect(await desk.refusal(id, 'CLOSE_CASE', '2026-06-02')).toMatch(/^EVENT_NOT_ALLOWED/);

    await desk.send(id, 'START_FRESH_RESPONSE', '2026-06-02');
    const responding = await desk.view(id);
    expect(responding.stage).toBe('fresh-response');
    expect(responding.due).toEqual({
      response: '2026-02-11',
      appealBy: '2026-06-29',
      freshResponseDue: '2026-07-06',
    });
    await desk.play(id, responds(granted, '2026-07-07', '2026-07-08'));
    const answeredLate = await desk.view(id);
    expect(answeredLate.record).toMatchObject({
      outcome: 'granted-in-full',
      freshResponseTimeliness: 'late',
    });
    expect(answeredLate.due.freshResponseDue).toBeUndefined();
    expect(answeredLate.due.response).toBeUndefined();
    const sent = await desk.sentLetter(id, 'response');
    expect(sent).toContain('The council operates 212 cameras.');
  });

  it('F3/L4: the authority appeals on Fri 19 Jun: the steps wait; the Tribunal dismisses the appeal on Mon 2 Nov and the steps are due Mon 7 Dec 2026, with no letter re-sent; complying on Fri 20 Nov closes the case with the outcome that now stands', async () => {
    const id = await unanswered();
    await noticeOn(id, 'complaint-upheld');
    await desk.send(id, 'APPEAL_LODGED', '2026-06-19', {
      appellant: 'authority',
      appealGrounds: 'Section 43(2) applies.',
    });
    const appealed = await desk.view(id);
    expect(appealed.stage).toBe('tribunal');
    expect(appealed.due).toEqual({ response: '2026-02-11' });
    expect(appealed.events).toEqual(['APPEAL_DECIDED']);
    const letters = appealed.state.context.letters;

    await desk.send(id, 'APPEAL_DECIDED', '2026-11-02', { appealOutcome: 'dismissed', stepsRequired: true });
    const dismissed = await desk.view(id);
    expect(dismissed.stage).toBe('compliance');
    expect(dismissed.due).toEqual({ response: '2026-02-11', complianceDue: '2026-12-07' });
    // The Tribunal's decision is complied with; the original response is not sent again (L4).
    expect(dismissed.state.context.letters).toEqual(letters);
    await desk.send(id, 'COMPLIED', '2026-11-20', {
      stepsTaken: 'Disclosed the contract in full.',
      outcome: 'granted-in-full',
    });
    const complied = await desk.view(id);
    expect(complied).toMatchObject({ status: 'closed', outcome: 'granted-in-full' });
    expect(complied.state.context.record.complianceTimeliness).toBe('in-time');
    expect(complied.state.context.letters).toEqual(letters);

    // An appeal the authority wins needs no steps: the case closes, still without a letter.
    const won = await unanswered();
    await noticeOn(won, 'complaint-upheld');
    await desk.send(won, 'APPEAL_LODGED', '2026-06-19', {
      appellant: 'authority',
      appealGrounds: 'Section 43(2) applies.',
    });
    const before = (await desk.view(won)).state.context.letters;
    await desk.send(won, 'APPEAL_DECIDED', '2026-11-02', { appealOutcome: 'allowed', stepsRequired: false });
    const closed = await desk.view(won);
    expect(closed.status).toBe('closed');
    expect(closed.state.context.letters).toEqual(before);
  });

  it('F4: a "not upheld" decision notice needs no steps and sets no compliance date; the requester may appeal until Mon 29 Jun, and later if the Tribunal extends the time', async () => {
    const id = await refusedAndComplained();
    await noticeOn(id, 'complaint-not-upheld');
    const notice = await desk.view(id);
    expect(notice.stage).toBe('compliance');
    expect(notice.due).toEqual({ appealBy: '2026-06-29' });
    // The requester's window to appeal is not a deadline of the authority's.
    expect(notice.dueDate).toBeNull();
    expect(notice.events).toContain('CLOSE_CASE');
    expect(await desk.refusal(id, 'COMPLIED', '2026-06-10', { stepsTaken: 'None needed.' })).toMatch(
      /^EVENT_NOT_ALLOWED/,
    );
    // Lodged on Fri 10 Jul, after the 28 days (GRC rules r.22(1)(b)), and admitted by the Tribunal (r.5(3)(a)).
    await desk.send(id, 'APPEAL_LODGED', '2026-07-10', {
      appellant: 'requester',
      appealGrounds: 'The prices are ten years old.',
    });
    expect((await desk.view(id)).stage).toBe('tribunal');
    await desk.send(id, 'APPEAL_DECIDED', '2026-11-02', { appealOutcome: 'dismissed', stepsRequired: false });
    expect(await desk.view(id)).toMatchObject({ status: 'closed', outcome: 'granted-in-part' });
  });

  it('F4: after the authority complies with a partly upheld notice on Wed 10 Jun, the requester can still appeal on Fri 26 Jun, within the 28 days to Mon 29 Jun', async () => {
    const id = await refusedAndComplained();
    await noticeOn(id, 'complaint-partly-upheld');
    const notice = await desk.view(id);
    expect(notice.due).toEqual({ complianceDue: '2026-07-06', appealBy: '2026-06-29' });
    // Whether to appeal by Mon 29 Jun is the authority's own decision too, so it heads its due list.
    expect(notice.dueDate).toBe('2026-06-29');
    await desk.send(id, 'COMPLIED', '2026-06-10', {
      stepsTaken: 'Disclosed the 2016 prices.',
      outcome: 'granted-in-part',
    });
    const complied = await desk.view(id);
    expect(complied).toMatchObject({ status: 'closed', outcome: 'granted-in-part' });
    expect(complied.events).toContain('APPEAL_LODGED');
    await desk.send(id, 'APPEAL_LODGED', '2026-06-26', {
      appellant: 'requester',
      appealGrounds: 'The 2020 prices should go too.',
    });
    const appealed = await desk.view(id);
    expect(appealed).toMatchObject({ status: 'open', stage: 'tribunal' });
    await desk.send(id, 'APPEAL_DECIDED', '2026-11-02', { appealOutcome: 'allowed', stepsRequired: true });
    expect((await desk.view(id)).due).toEqual({ complianceDue: '2026-12-07' });
  });
});

describe.concurrent('FOI refusals and response letters (F6, F7, L1, L2, L3, L6, R1, R3)', () => {
  /** FOI received Wed 14 Jan 2026, answered with `payload`: drafted Tue 20 Jan, approved and (unless told) sent Wed 21 Jan. */
  const answeredWith = async (payload: Record<string, unknown>, send = true) => {
    const created = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(created.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      ...(send
        ? responds(payload, '2026-01-20', '2026-01-21')
        : [
            { type: 'SUBMIT_FOR_APPROVAL', effectiveOn: '2026-01-20', payload },
            { type: 'APPROVE_RESPONSE', effectiveOn: '2026-01-21' },
          ]),
    ]);
    return created;
  };
  const rights = [
    'If you are unhappy with the way your request for information has been handled, you can request a review within the next 40 working days, that is by 19 March 2026',
    "you will have a right to appeal to the Information Commissioner at: The Information Commissioner's Office",
  ];

  it('F6: a neither-confirm-nor-deny refusal says the duty to confirm or deny does not arise, and reads the same whether the information is held or not', async () => {
    const ncnd = (held: boolean) => ({
      outcome: 'refused-in-full',
      held,
      refusalBasis: 'neither-confirm-nor-deny',
      answers: answered('Any CCTV footage of the depot on 3 January', 'See the refusal below.'),
      exemptions: ['s.31(1)(a)'],
      exemptionReasons: 's.31(1)(a): saying whether footage exists would prejudice the prevention of crime.',
      publicInterestReasons:
        's.31(1)(a): revealing the scope of an investigation is against the public interest.',
    });
    const held = await answeredWith(ncnd(true));
    // Approved, as it would be generated and sent that day.
    const notHeld = await answeredWith(ncnd(false), false);
    const sent = await desk.sentLetter(held.id, 'response');
    expect(sent).toContain(
      'We can neither confirm nor deny whether we hold the information you asked for. The duty to confirm or deny does not arise (section 1(1)(a) and section 17(1) of the Act) because of the exemptions below.',
    );
    expect(sent).toContain(
      'This response should not be taken as an indication of whether or not the information you asked for exists or is held.',
    );
    expect(sent).toContain('s.31(1)(a) Law enforcement: the prevention or detection of crime');
    expect(sent).toContain('The public interest test: revealing the scope of an investigation');
    for (const line of rights) expect(sent).toContain(line);
    expect(sent).not.toMatch(/holds the information|does not hold|not held|answers to your questions/);
    // Nothing in the letter tells a held from a not-held case.
    const [a, b] = await Promise.all([
      desk.letter(held.id, 'response', '2026-01-21'),
      desk.letter(notHeld.id, 'response', '2026-01-21'),
    ]);
    expect(a.replaceAll(held.reference, 'REF')).toBe(b.replaceAll(notHeld.reference, 'REF'));
    // R1: recorded as its own outcome, not as a refusal that confirms the information is held.
    expect((await desk.view(held.id)).record).toMatchObject({ outcome: 'neither-confirm-nor-deny' });
  });

  it('F7: a s.14 refusal says section 14 applies (a s.17(5) notice) with the review and ICO rights, citing no exemption and answering nothing', async () => {
    const vexatious = await answeredWith({
      outcome: 'refused-in-full',
      held: true,
      refusalBasis: 'vexatious',
      answers: answered('Every e-mail sent by the parking team since 2010', 'Not answered: see below.'),
      exemptionReasons: 'This is the fourteenth request on the same subject in six months.',
    });
    const sent = await desk.sentLetter(vexatious.id, 'response');
    expect(sent).toContain('This letter is a refusal notice under section 17 of the Act.');
    expect(sent).toContain(
      'We are refusing your request because section 14 of the Act applies: the request is vexatious or repeated, and so we are not obliged to comply with it. This is a notice under section 17(5) of the Act.',
    );
    expect(sent).toContain('This is the fourteenth request on the same subject in six months.');
    for (const line of rights) expect(sent).toContain(line);
    expect(sent).not.toMatch(/holds the information|does not hold|Not answered: see below/);
    // R1: recorded as a s.14 refusal.
    expect((await desk.view(vexatious.id)).record).toMatchObject({ outcome: 'vexatious-refusal' });
  });

  it('L6: a full refusal goes out as a s.17 refusal notice, never "holds the information requested and the answers … are below"', async () => {
    const refused = await answeredWith({
      outcome: 'refused-in-full',
      held: true,
      answers: answered('The report the police gave the council about the depot', 'Withheld: see below.'),
      exemptions: ['s.41(1)'],
      exemptionReasons:
        's.41(1): the police gave the report in confidence; disclosure would be an actionable breach.',
    });
    const sent = await desk.sentLetter(refused.id, 'response');
    expect(sent).toContain('Refusal notice This letter is a refusal notice under section 17 of the Act.');
    expect(sent).toContain(
      'We are withholding the information you asked for under the following exemptions (section 17(1)):',
    );
    expect(sent).toContain(
      's.41(1) Information provided in confidence the police gave the report in confidence; disclosure would be an actionable breach. This is an absolute exemption, so the public interest test does not apply.',
    );
    for (const line of rights) expect(sent).toContain(line);
    expect(sent).not.toMatch(/holds the information requested|answers to your questions are below/);
    expect((await desk.view(refused.id)).record).toMatchObject({ outcome: 'refused-in-full' });
  });

  it('L1: every answer is printed under its own question, a two-paragraph answer whole, then the titled sections', async () => {
    const questions = [
      'How many CCTV cameras does the council operate?',
      'How many of them use facial recognition?',
      'Who maintains them?',
    ];
    const foi = await answeredWith(
      {
        outcome: 'granted-in-full',
        held: true,
        answers: [
          { question: questions[0], answer: 'The council operates 212 cameras.' },
          {
            question: questions[1],
            answer: 'None of them.\n\nThe council has no plans to use facial recognition.',
          },
          { question: questions[2], answer: 'Example Security Ltd, under a contract to March 2028.' },
        ],
        sections: [
          { title: 'Further information', text: 'Our CCTV policy is published on our website.' },
          {
            title: 'Advice and Assistance: Direct Marketing',
            text: 'Officer names in this response do not consent to direct marketing.\n\nSee www.ico.org.uk on PECR.',
          },
        ],
      },
      false,
    );
    const text = await desk.letter(foi.id, 'response', '2026-01-21');
    expectSections(text, [
      {
        heading: 'Response',
        paragraphs: [
          'London Borough of Example holds the information requested and the answers to your questions are below.',
          questions[0] as string,
          'The council operates 212 cameras.',
          questions[1] as string,
          'None of them.',
          'The council has no plans to use facial recognition.',
          questions[2] as string,
          'Example Security Ltd, under a contract to March 2028.',
        ],
      },
      { heading: 'Further information', paragraphs: ['Our CCTV policy is published on our website.'] },
      {
        heading: 'Advice and Assistance: Direct Marketing',
        paragraphs: [
          'Officer names in this response do not consent to direct marketing.',
          'See www.ico.org.uk on PECR.',
        ],
      },
      { heading: 'Your rights', paragraphs: [] },
    ]);
    // Each answer once: none dropped, none repeated.
    expect(text.split('None of them.').length).toBe(2);
    expect(text.split('Example Security Ltd').length).toBe(2);
  });

  it('L2/R3: each exemption, cited to its subsection, is followed by its own reasons; a qualified one needs and gets its public interest reasons, an absolute one says the test does not apply', async () => {
    const partial = {
      outcome: 'granted-in-part',
      held: true,
      answers: answered(
        'The parking contract and who manages it',
        'The contract is attached, redacted as explained below.',
      ),
      exemptions: ['s.43(2)', 's.40(2)'],
      exemptionReasons:
        's.43(2): the unit prices would prejudice the supplier at re-tender. s.40(2): the names of junior staff are their personal data.',
    };
    const foi = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.send(foi.id, 'START_RESPONSE', '2026-01-15');
    const submit = (await desk.view(foi.id)).allowedEvents.find((e) => e.type === 'SUBMIT_FOR_APPROVAL');
    const options = submit?.inputSchema.properties.exemptions?.['x-options'] as { value: string }[];
    expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['s.31(1)(a)', 's.40(2)', 's.43(2)']));
    expect(options.map((o) => o.value)).not.toContain('s.43');
    expect(
      await desk.refusal(foi.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', { ...partial, exemptions: ['s.43'] }),
    ).toMatch(/^VALIDATION_FAILED/);
    expect(await desk.refusal(foi.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', partial)).toBe(
      'EVENT_NOT_ALLOWED: "SUBMIT_FOR_APPROVAL" is not allowed now: the refusal is incomplete: give the public interest reasons for each qualified exemption, naming it (FOIA s.17(3)): none given for s.43(2).',
    );
    await desk.play(foi.id, [
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: '2026-01-20',
        payload: {
          ...partial,
          publicInterestReasons: 's.43(2): transparency in spending is outweighed by fair competition.',
        },
      },
      { type: 'APPROVE_RESPONSE', effectiveOn: '2026-01-21' },
    ]);
    // The letter as generated on the day it goes.
    const text = await desk.letter(foi.id, 'response', '2026-01-21');
    expectSections(text, [
      {
        heading: 'Information withheld',
        paragraphs: [
          'We have withheld some of the information. For that part, this letter is a refusal notice under section 17 of the Act:',
        ],
      },
      {
        heading: 's.43(2) Commercial interests',
        paragraphs: [
          'the unit prices would prejudice the supplier at re-tender.',
          'The public interest test: transparency in spending is outweighed by fair competition.',
        ],
      },
      {
        heading: 's.40(2) Personal data of others: disclosure would breach the data protection principles',
        paragraphs: [
          'the names of junior staff are their personal data.',
          'This is an absolute exemption, so the public interest test does not apply.',
        ],
      },
    ]);
    const commercial = text.slice(text.indexOf('# s.43(2)'), text.indexOf('# s.40(2)'));
    expect(commercial).not.toContain('junior staff');
    expect((await desk.view(foi.id)).record).toMatchObject({ outcome: 'granted-in-part' });

    // The same rules for EIR (reg 13(1) is not subject to the test) and FOISA (s.38(1)(b) is absolute).
    const eir = await createCase(desk.api, desk.officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
    await desk.send(eir.id, 'START_RESPONSE', '2026-01-15');
    expect(
      await desk.refusal(eir.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...partial,
        exemptions: ['reg 12(5)(e)', 'reg 13(1)'],
        exemptionReasons: 'reg 12(5)(e): the prices are commercially confidential. reg 13(1): staff names.',
      }),
    ).toContain(
      'give the public interest reasons for each qualified exemption, naming it (EIR reg 14(3)(b)): none given for reg 12(5)(e).',
    );
    const foisa = await createCase(desk.api, desk.officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
    await desk.send(foisa.id, 'START_RESPONSE', '2026-01-15');
    expect(
      await desk.refusal(foisa.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...partial,
        exemptions: ['s.33(1)(b)', 's.38(1)(b)'],
        exemptionReasons: 's.33(1)(b): substantial prejudice to the supplier. s.38(1)(b): staff names.',
      }),
    ).toContain(
      'give the public interest reasons for each qualified exemption, naming it (FOISA s.16(2)): none given for s.33(1)(b).',
    );
  });

  it('L3: the s.10(3) extension letter is a s.17(1) notice: the exemption and why it applies, why more time, the decision expected by Wed 11 Mar 2026 (s.17(2)) and the rights; FOISA has no such letter', async () => {
    const foi = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(foi.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        effectiveOn: '2026-02-05',
        payload: {
          exemptions: ['s.43(2)'],
          exemptionReasons: 's.43(2): the unit prices would prejudice the supplier at re-tender.',
          extensionReason: 'We are consulting the supplier about the prices.',
        },
      },
    ]);
    const extended = await desk.view(foi.id);
    expect(extended.due).toEqual({ response: '2026-03-11' });
    expect(extended.state.context.letters.at(-1)).toEqual({
      template: 'public-interest-extension',
      on: '2026-02-05',
    });
    const text = await desk.letter(foi.id, 'public-interest-extension', '2026-02-05');
    expectSections(text, [
      {
        heading: 'Refusal notice: more time to consider the public interest',
        paragraphs: [
          'This is a notice under section 17(1) of the Act. We believe that the information you asked for is covered by the following qualified exemptions, and we need more time to consider whether the public interest in maintaining them outweighs the public interest in disclosure (section 10(3)).',
        ],
      },
      {
        heading: 's.43(2) Commercial interests',
        paragraphs: [
          'the unit prices would prejudice the supplier at re-tender.',
          'Why we need more time:',
          'We are consulting the supplier about the prices.',
          'We estimate that we will reach a decision on the public interest by 11 March 2026 (section 17(2)).',
        ],
      },
      { heading: 'Your rights', paragraphs: [] },
    ]);
    expect(flat(text)).toContain('you will have a right to appeal to the Information Commissioner');

    const foisa = await createCase(desk.api, desk.officer, { workflowId: 'foisa', receivedOn: '2026-01-14' });
    await desk.send(foisa.id, 'START_RESPONSE', '2026-01-15');
    expect((await desk.view(foisa.id)).events).not.toContain('EXTEND_FOR_PUBLIC_INTEREST');
    const refused = await desk.api.graphql(
      PREVIEW,
      { id: foisa.id, kind: 'public-interest-extension', on: '2026-01-20' },
      desk.officer,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('R1: the outcome that stands, in the statistics: a s.12 refusal as such (in time), a refusal overturned on review as the fresh response, a s.14 refusal as such', async () => {
    const received = '2025-10-01';
    const costLimit = await createCase(desk.api, desk.officer, { receivedOn: received });
    await desk.play(costLimit.id, [
      {
        type: 'EXCEEDS_COST_LIMIT',
        effectiveOn: '2025-10-06',
        payload: { estimatedHours: 30, costEstimate: 'Thirty boxes of paper files, an hour each.' },
      },
      {
        type: 'SEND_COST_LIMIT_REFUSAL',
        effectiveOn: '2025-10-07',
        payload: { adviceAndAssistance: 'Asking for one year would bring the request within the limit.' },
      },
    ]);
    const refusedCost = await desk.view(costLimit.id);
    expect(refusedCost.stage).toBe('review-window');
    expect(refusedCost.record).toMatchObject({
      outcome: 'cost-limit-refusal',
      timeliness: 'in-time',
      refusalBasis: 'cost-limit',
    });

    const overturned = await createCase(desk.api, desk.officer, { receivedOn: received });
    await desk.play(overturned.id, [
      { type: 'START_RESPONSE', effectiveOn: '2025-10-02' },
      ...responds(
        {
          outcome: 'refused-in-full',
          held: true,
          answers: answered('The parking contract', 'Withheld: see below.'),
          exemptions: ['s.43(2)'],
          exemptionReasons: 's.43(2): the prices would prejudice the supplier.',
          publicInterestReasons: 's.43(2): fair competition outweighs transparency.',
        },
        '2025-10-08',
      ),
      {
        type: 'REQUEST_INTERNAL_REVIEW',
        effectiveOn: '2025-10-13',
        payload: { reviewGrounds: 'The contract has ended.' },
      },
      {
        type: 'REVIEW_DECIDED',
        effectiveOn: '2025-11-03',
        payload: {
          reviewOutcome: 'overturned',
          reviewReasons: 'The contract has ended; nothing is now sensitive.',
        },
      },
      ...responds(
        { ...granted, answers: answered('The parking contract', 'The contract is attached.') },
        '2025-11-05',
      ),
    ]);
    const fresh = await desk.view(overturned.id);
    expect(fresh.stage).toBe('regulator-window');
    expect(fresh.record).toMatchObject({ outcome: 'granted-in-full', freshResponseTimeliness: 'in-time' });

    const vexatious = await createCase(desk.api, desk.officer, { receivedOn: received });
    await desk.play(vexatious.id, [
      { type: 'START_RESPONSE', effectiveOn: '2025-10-02' },
      ...responds(
        {
          outcome: 'refused-in-full',
          held: true,
          refusalBasis: 'vexatious',
          answers: answered('Every parking e-mail since 2010', 'Not answered.'),
          exemptionReasons: 'The fourteenth request on the subject in six months.',
        },
        '2025-10-08',
      ),
    ]);

    const statistics = await desk.api.graphql<{
      statistics: {
        answered: number;
        inTime: number;
        late: number;
        outcomes: { key: string; count: number }[];
        reviews: { requested: number; decided: number; outcomes: { key: string; count: number }[] };
      };
    }>(STATISTICS, { from: '2025-10-01', to: '2025-10-31', regime: 'foi' }, desk.officer);
    expect(statistics.errors).toBeUndefined();
    const figures = statistics.data?.statistics;
    expect(figures).toMatchObject({ answered: 3, inTime: 3, late: 0 });
    expect(figures?.outcomes).toHaveLength(3);
    expect(figures?.outcomes).toEqual(
      expect.arrayContaining([
        { key: 'cost-limit-refusal', count: 1 },
        { key: 'granted-in-full', count: 1 },
        { key: 'vexatious-refusal', count: 1 },
      ]),
    );
    expect(figures?.reviews).toEqual({
      requested: 1,
      decided: 1,
      outcomes: [{ key: 'overturned', count: 1 }],
    });
  });
});

describe.concurrent('EIR and FOISA: charges, refusals, reviews and their letters (E1, E2, E3, S3, S5, S6, L5, L7)', () => {
  const scottishRights = [
    'you can require us to review our actions and decisions (section 20 of the Act)',
    'We will reply within 20 working days of receiving it (section 21).',
    'you can apply to the Scottish Information Commissioner for a decision (section 47(1)). You must generally apply within six months',
    "If you are dissatisfied with the Commissioner's decision, you can appeal to the Court of Session on a point of law only (section 56), within 42 days of receiving the decision.",
  ];
  const englandOnly = /Information Commissioner's Office|Wilmslow|First-tier Tribunal/;
  const started = async (workflowId: string, receivedOn = '2026-01-14') => {
    const created = await createCase(desk.api, desk.officer, { workflowId, receivedOn });
    await desk.send(created.id, 'START_RESPONSE', '2026-01-15');
    return created;
  };

  it('E1: an EIR charge notified on Mon 2 Feb 2026 is to be paid within 60 working days, by Thu 30 Apr (not three months); the days to payment on Mon 16 Feb do not count: due Thu 26 Feb', async () => {
    const eir = await createCase(desk.api, desk.officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
    await desk.send(eir.id, 'ISSUE_FEES_NOTICE', '2026-02-02', {
      feeAmount: 40,
      feeBreakdown: 'Twenty A1 flood maps at £2 each, from our schedule of charges.',
    });
    const charged = await desk.view(eir.id);
    expect(charged.stage).toBe('fees');
    expect(charged.due).toEqual({ response: null, chargePaymentBy: '2026-04-30' });
    expect(charged.state.context.timers.feeLapse?.fireOn).toBe('2026-05-01');
    const text = flat(await desk.letter(eir.id, 'fees-notice', '2026-02-02'));
    expect(text).toContain('# Charge for environmental information');
    expect(text).toContain(
      'there is a charge of £40 (regulation 8 of the Regulations), which we require to be paid in advance (regulation 8(3))',
    );
    expect(text).toContain(
      'If the charge is not paid within 60 working days of the date of this notice, we are not obliged to make the information available (regulation 8(5))',
    );
    expect(text).not.toMatch(/three months|section 9|Fees notice/);

    await desk.send(eir.id, 'FEE_PAID', '2026-02-16');
    const paid = await desk.view(eir.id);
    expect(paid.stage).toBe('response');
    // 12 working days counted before the notice, 8 after the payment: 2 to 16 Feb are disregarded (reg 8(6)).
    expect(paid.due).toEqual({ response: '2026-02-26' });
  });

  it('E2: EIR has no s.14: a manifestly unreasonable request is refused under reg 12(4)(b) with the public interest weighed, in a reg 14 notice with the reg 11 right', async () => {
    const eir = await started('eir');
    const submit = (await desk.view(eir.id)).allowedEvents.find((e) => e.type === 'SUBMIT_FOR_APPROVAL');
    expect(submit?.inputSchema.properties.refusalBasis?.enum).toEqual([
      'exemption',
      'neither-confirm-nor-deny',
      'manifestly-unreasonable',
    ]);
    const refusal = {
      outcome: 'refused-in-full',
      held: true,
      answers: answered('Every planning file for the river corridor since 1990', 'Refused: see below.'),
      refusalBasis: 'manifestly-unreasonable',
    };
    expect(
      await desk.refusal(eir.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...refusal,
        refusalBasis: 'vexatious',
      }),
    ).toMatch(/^VALIDATION_FAILED/);
    expect(await desk.refusal(eir.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', refusal)).toContain(
      'a refusal must cite the exemptions it relies on (EIR reg 14(3)): cite reg 12(4)(b)',
    );
    await desk.play(eir.id, [
      ...responds(
        {
          ...refusal,
          exemptions: ['reg 12(4)(b)'],
          exemptionReasons: 'reg 12(4)(b): finding 36 years of files would take some 400 hours.',
          publicInterestReasons:
            'reg 12(4)(b): the public interest in the corridor is met by the published plan; 400 hours would divert the team from other requests.',
        },
        '2026-01-20',
        '2026-01-21',
      ),
    ]);
    const sent = await desk.sentLetter(eir.id, 'response');
    expect(sent).toContain('This letter is a refusal notice under regulation 14 of the Regulations.');
    expect(sent).toContain(
      'We are refusing your request because it is manifestly unreasonable (regulation 12(4)(b) of the Regulations).',
    );
    expect(sent).toContain('finding 36 years of files would take some 400 hours.');
    // reg 14(3)(b): the matters considered in weighing the public interest.
    expect(sent).toContain('the public interest in the corridor is met by the published plan');
    expect(sent).toContain('you can make representations to us under regulation 11 of the Regulations');
    expect(sent).not.toMatch(/section 14|section 17|vexatious|Act 2000/);
    expect((await desk.view(eir.id)).record).toMatchObject({
      outcome: 'refused-in-full',
      refusalBasis: 'manifestly-unreasonable',
    });
  });

  it('E3: EIR "not held" is the reg 12(4)(a) exception: it must be cited, and the letter is a reg 14 refusal notice that withholds nothing', async () => {
    const eir = await started('eir');
    const notHeld = {
      outcome: 'not-held',
      held: false,
      answers: answered('Noise readings at the depot in 2019', 'We hold no readings for 2019.'),
    };
    expect(await desk.refusal(eir.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', notHeld)).toContain(
      'a refusal must cite the exemptions it relies on (EIR reg 14(3)): cite reg 12(4)(a)',
    );
    await desk.play(eir.id, [
      ...responds(
        {
          ...notHeld,
          exemptions: ['reg 12(4)(a)'],
          exemptionReasons:
            'reg 12(4)(a): the monitors were removed in 2018; the archive and the team’s drives hold nothing for 2019.',
          publicInterestReasons: 'reg 12(4)(a): with nothing held there is nothing to weigh.',
        },
        '2026-01-20',
        '2026-01-21',
      ),
    ]);
    const sent = await desk.sentLetter(eir.id, 'response');
    expect(sent).toContain(
      'London Borough of Example does not hold the information requested. This is an exception under regulation 12(4)(a) of the Regulations (information not held when the request was received), and this letter is our refusal notice under regulation 14.',
    );
    expect(sent).toContain('the monitors were removed in 2018');
    expect(sent).toContain('you can make representations to us under regulation 11 of the Regulations');
    expect(sent).not.toMatch(/withheld|holds the information requested|section 17/);
  });

  it('S3/S5: FOISA advice and assistance is s.15, and the s.12 notice (s.16(4)) gives the s.19 particulars: review by Thu 9 Apr 2026, the Commissioner within six months, the Court of Session', async () => {
    const costly = await createCase(desk.api, desk.officer, {
      workflowId: 'foisa',
      receivedOn: '2026-01-14',
    });
    await desk.play(costly.id, [
      {
        type: 'EXCEEDS_COST_LIMIT',
        effectiveOn: '2026-01-20',
        payload: {
          estimatedHours: 45,
          costEstimate: 'Forty-five boxes of files to locate and copy, an hour each.',
        },
      },
      {
        type: 'SEND_COST_LIMIT_REFUSAL',
        effectiveOn: '2026-01-21',
        payload: { adviceAndAssistance: 'Asking for 2025 alone would bring the request within the limit.' },
      },
    ]);
    expect((await desk.view(costly.id)).due).toEqual({ reviewRequestBy: '2026-04-09' });
    const notice = flat(await desk.letter(costly.id, 'section-12-refusal', '2026-01-21'));
    expect(notice).toContain('This letter is a notice under section 16(4) of the Act.');
    expect(notice).toContain('# Section 15: advice and assistance Asking for 2025 alone');
    expect(notice).toContain('It must reach us within 40 working days, that is by 9 April 2026');
    for (const line of scottishRights) expect(notice).toContain(line);
    expect(notice).not.toMatch(/section 16: advice|Section 16:|under section 16 we/i);
    expect(notice).not.toMatch(englandOnly);

    const unclear = await createCase(desk.api, desk.officer, {
      workflowId: 'foisa',
      receivedOn: '2026-01-14',
    });
    await desk.send(unclear.id, 'REQUEST_CLARIFICATION', '2026-01-16', {
      clarificationQuestion: 'Which of our 14 depots do you mean?',
      clarificationAdvice: 'Our depots are listed by council ward on our website.',
    });
    const clarification = flat(await desk.letter(unclear.id, 'clarification-request', '2026-01-16'));
    expect(clarification).toContain('Under section 15 of the Act we must advise and assist you.');
    expect(clarification).toContain('Our depots are listed by council ward on our website.');
    expect(clarification).not.toContain('section 16');
  });

  it('S5/S1: a FOISA "not held" notice (s.17) as sent gives the review date Thu 9 Apr 2026 and the s.19 particulars; the review outcome (s.21(5)) gives the Commissioner and the Court of Session', async () => {
    const foisa = await started('foisa');
    await desk.play(foisa.id, [
      ...responds(
        {
          outcome: 'not-held',
          held: false,
          answers: answered('The 2019 depot noise survey', 'No survey was carried out in 2019.'),
        },
        '2026-01-20',
        '2026-01-21',
      ),
    ]);
    expect((await desk.view(foisa.id)).due).toEqual({ reviewRequestBy: '2026-04-09' });
    const sent = await desk.sentLetter(foisa.id, 'response');
    expect(sent).toContain(
      'London Borough of Example does not hold the information requested. This letter is a notice under section 17(1) of the Act.',
    );
    expect(sent).toContain('It must reach us within 40 working days, that is by 9 April 2026');
    for (const line of scottishRights) expect(sent).toContain(line);
    expect(sent).not.toMatch(englandOnly);

    await desk.play(foisa.id, [
      {
        type: 'REQUEST_REVIEW',
        effectiveOn: '2026-02-02',
        payload: { reviewGrounds: 'A survey was mentioned in the 2019 minutes.' },
      },
    ]);
    expect((await desk.view(foisa.id)).due).toEqual({ reviewDue: '2026-03-02' });
    await desk.send(foisa.id, 'REVIEW_DECIDED', '2026-02-20', {
      reviewOutcome: 'upheld',
      reviewReasons: 'The minutes refer to a survey that was planned and never commissioned.',
    });
    const outcome = flat(await desk.letter(foisa.id, 'internal-review-outcome', '2026-02-20'));
    expect(outcome).toContain('This is our notice under section 21(5) of the Act');
    expect(outcome).toContain(
      'you can apply to the Scottish Information Commissioner for a decision (section 47(1) of the Act). You must generally apply within six months of receiving this notice.',
    );
    expect(outcome).toContain(
      'you can appeal to the Court of Session on a point of law only (section 56), within 42 days',
    );
    expect(outcome).not.toMatch(englandOnly);
  });

  it('S6: a FOISA review of a failure to respond (s.20(1)): possible from Thu 12 Feb 2026, due Mon 16 Mar by statute (s.21(1)), and a decision where none was reached (s.21(4)(c)) due Mon 30 Mar', async () => {
    const foisa = await started('foisa');
    expect(
      await desk.refusal(foisa.id, 'REQUEST_REVIEW', '2026-02-11', { reviewGrounds: 'No answer yet.' }),
    ).toBe(
      'EVENT_NOT_ALLOWED: "REQUEST_REVIEW" is not allowed now: it is only possible after 2026-02-11 (Response due (FOISA s.10(1))).',
    );
    await desk.send(foisa.id, 'REQUEST_REVIEW', '2026-02-16', {
      reviewGrounds: 'No answer in 20 working days.',
    });
    const reviewing = await desk.view(foisa.id);
    expect(reviewing.stage).toBe('internal-review');
    expect(reviewing.deadlines.find((d) => d.name === 'reviewDue')).toMatchObject({
      due: '2026-03-16',
      statutory: true,
    });
    const acknowledgement = flat(await desk.letter(foisa.id, 'review-acknowledgement', '2026-02-16'));
    expect(acknowledgement).toContain(
      'We will send you our decision no later than 16 March 2026 (20 working days after receiving your requirement, section 21(1)).',
    );
    await desk.send(foisa.id, 'REVIEW_DECIDED', '2026-03-02', {
      reviewOutcome: 'overturned',
      reviewReasons: 'We failed to respond; we will now reach a decision on your request.',
    });
    const deciding = await desk.view(foisa.id);
    expect(deciding.stage).toBe('fresh-response');
    // Scottish working days: St Patrick's Day (17 Mar) counts.
    expect(deciding.due.freshResponseDue).toBe('2026-03-30');
  });

  it('S6: a FOISA neither-confirm-nor-deny refusal only for the exemptions s.18(1) lists; a vexatious requirement for review gets a s.21(9) notice with the s.21(10) particulars', async () => {
    const ncnd = {
      outcome: 'refused-in-full',
      held: true,
      refusalBasis: 'neither-confirm-nor-deny',
      answers: answered('Any investigation into the depot manager', 'See below.'),
    };
    const foisa = await started('foisa');
    expect(
      await desk.refusal(foisa.id, 'SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...ncnd,
        exemptions: ['s.38(1)(b)'],
        exemptionReasons: 's.38(1)(b): it would be personal data of the manager.',
      }),
    ).toContain(
      'neither confirm nor deny is only for exemptions under s.28, s.29, s.30, s.31, s.32, s.33, s.34, s.35, s.39, s.41 (FOISA s.18(1)), not s.38(1)(b).',
    );
    await desk.play(foisa.id, [
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: '2026-01-20',
        payload: {
          ...ncnd,
          exemptions: ['s.35(1)'],
          exemptionReasons:
            's.35(1): revealing whether an investigation exists would prejudice law enforcement.',
          publicInterestReasons:
            's.35(1): the public interest favours not revealing whether there is an inquiry.',
        },
      },
      { type: 'APPROVE_RESPONSE', effectiveOn: '2026-01-21' },
    ]);
    const text = flat(await desk.letter(foisa.id, 'response', '2026-01-21'));
    expect(text).toContain(
      'We can neither confirm nor deny whether we hold the information you asked for, or whether it exists (section 18(1) of the Act)',
    );
    expect(text).not.toMatch(/does not hold|holds the information/);

    // A requirement for review the authority need not comply with (s.21(8)): a notice within the 20 working days.
    const repeated = await started('foisa');
    await desk.play(repeated.id, [
      ...responds(granted, '2026-01-20', '2026-01-21'),
      {
        type: 'REQUEST_REVIEW',
        effectiveOn: '2026-02-02',
        payload: { reviewGrounds: 'The same complaint as my last nine.' },
      },
      {
        type: 'REVIEW_DECIDED',
        effectiveOn: '2026-02-10',
        payload: {
          reviewOutcome: 'not-obliged',
          reviewReasons: 'This is the tenth requirement for review of the same answer in three months.',
        },
      },
    ]);
    const refused = await desk.view(repeated.id);
    expect(refused.stage).toBe('regulator-window');
    expect(refused.record).toMatchObject({ reviewOutcome: 'not-obliged', reviewTimeliness: 'in-time' });
    const notice = flat(await desk.letter(repeated.id, 'internal-review-outcome', '2026-02-10'));
    expect(notice).toContain(
      'This is our notice under section 21(9) of the Act: we are not obliged to comply with your requirement for review (section 21(8)).',
    );
    expect(notice).toContain('This is the tenth requirement for review of the same answer in three months.');
    expect(notice).toContain(
      'you can apply to the Scottish Information Commissioner for a decision (section 47(1) of the Act)',
    );
    expect(notice).toContain('you can appeal to the Court of Session on a point of law only (section 56)');
  });

  it('L5: each regime’s response letter cites its own law, rights and regulator', async () => {
    const approved = async (workflowId: string) => {
      const created = await started(workflowId);
      await desk.play(created.id, [
        { type: 'SUBMIT_FOR_APPROVAL', effectiveOn: '2026-01-20', payload: granted },
        { type: 'APPROVE_RESPONSE', effectiveOn: '2026-01-21' },
      ]);
      return flat(await desk.letter(created.id, 'response', '2026-01-21'));
    };
    const [foi, eir, foisa, eisr, sar] = await Promise.all(
      ['foi', 'eir', 'foisa', 'eisr', 'sar'].map(approved),
    );
    expect(foi).toContain('We have processed this request under the Freedom of Information Act 2000.');
    expect(foi).toContain(
      'you can request a review within the next 40 working days, that is by 19 March 2026',
    );
    expect(foi).toContain("The Information Commissioner's Office, Wycliffe House");
    expect(foi).not.toMatch(/regulation|Article|Scottish|Court of Session/);

    expect(eir).toContain('under the Environmental Information Regulations 2004.');
    expect(eir).toContain('you can make representations to us under regulation 11 of the Regulations');
    expect(eir).toContain('who enforces the Regulations (regulation 18)');
    expect(eir).not.toMatch(/section \d|Act 2000|Scottish/);

    expect(foisa).toContain('under the Freedom of Information (Scotland) Act 2002.');
    // The review window runs from the end of the 20 working days, not from the letter (s.20(5)).
    expect(foisa).toContain('It must reach us within 40 working days, that is by 9 April 2026');
    for (const line of scottishRights) expect(foisa).toContain(line);
    expect(foisa).not.toMatch(englandOnly);

    expect(eisr).toContain('under the Environmental Information (Scotland) Regulations 2004.');
    expect(eisr).toContain('you can ask us to review our decision (regulation 16 of the Regulations)');
    expect(eisr).toContain('Kinburn Castle');
    expect(eisr).toContain('you can appeal to the Court of Session on a point of law only');
    expect(eisr).not.toMatch(/regulation 11 |Wilmslow|First-tier Tribunal/);

    expect(sar).toContain('Thank you for your subject access request received on');
    expect(sar).toContain('A copy of it is enclosed (Article 15(3) of the UK GDPR)');
    expect(sar).toContain('the right to seek a judicial remedy by applying to a court (Article 79');
    expect(sar).not.toMatch(/review|appeal|Tribunal|Freedom of Information|request for information/i);
  });

  it('L7/S5: the fees notices: FOIA three months (s.9(2)), EIR 60 working days (reg 8(5)), FOISA three months (s.9(4)) with the s.19 particulars, EISR 60 working days, SAR the month from the fee (Art 12A)', async () => {
    const charged = async (workflowId: string) => {
      const created = await createCase(desk.api, desk.officer, { workflowId, receivedOn: '2026-01-14' });
      const [type, payload] =
        workflowId === 'sar'
          ? [
              'REQUEST_FEE',
              { feeAmount: 10, feeBreakdown: 'Further copies of data already provided (Art 15(3)).' },
            ]
          : [
              'ISSUE_FEES_NOTICE',
              {
                feeAmount: 25,
                feeBreakdown: 'Printing 250 pages at 10p.',
                // FOISA: the estimate the fee is checked against (20 h at £15 and £50 of copies: at most £25).
                ...(workflowId === 'foisa' ? { feeHours: 20, feeHourlyRate: 15, feeDisbursements: 50 } : {}),
              },
            ];
      await desk.send(created.id, type as string, '2026-01-16', payload as Record<string, unknown>);
      return flat(await desk.letter(created.id, 'fees-notice', '2026-01-16'));
    };
    const [foi, eir, foisa, eisr, sar] = await Promise.all(
      ['foi', 'eir', 'foisa', 'eisr', 'sar'].map(charged),
    );
    expect(foi).toContain(
      'If the fee is not paid within three months beginning with the day this notice is given, we are not obliged to comply with your request (section 9(2))',
    );
    expect(foi).toContain('are paused from the date of this notice until we receive payment (section 10(2))');
    expect(eir).toContain('If the charge is not paid within 60 working days of the date of this notice');
    expect(eir).not.toMatch(/three months|section 9/);
    expect(foisa).toContain(
      'If the fee is not paid within three months beginning with the day this notice is given, we are not obliged to comply with your request (section 9(4))',
    );
    for (const line of scottishRights) expect(foisa).toContain(line);
    // While the fee is unpaid the time for responding does not run, so the window's end is not yet known (s.20(5)).
    expect(foisa).toContain(
      'It must reach us within 40 working days after the time we have to respond to your request ends (section 20(5)),',
    );
    expect(eisr).toContain('If the charge is not paid within 60 working days of the date of this notice');
    expect(eisr).toContain('you can appeal to the Court of Session on a point of law only');
    expect(eisr).not.toMatch(/three months/);
    expect(sar).toContain(
      'The one month we have to respond starts on the day we receive the fee (Article 12A).',
    );
    expect(sar).not.toMatch(/three months|section 9|working days/);
  });
});

describe.concurrent('SAR: the ICO, the response, refusals and requests for identity or clarification (A2, A4, A5, A7)', () => {
  const article15 = {
    processingPurposes: 'To manage your council tenancy and repairs.',
    dataCategories: 'Contact details, tenancy records, repair requests.',
    recipients: 'Our repairs contractor, Example Building Services Ltd.',
    retention: 'Six years after the tenancy ends.',
    dataSource: 'You, and our repairs contractor.',
    automatedDecisionMaking: 'None.',
    transfers: 'None outside the UK.',
  };
  const housingFile = {
    outcome: 'granted-in-full',
    held: true,
    answers: answered('All the personal data you hold about me', 'Your housing file is enclosed.'),
    ...article15,
  };
  const dataSubjectRights = [
    'You have the right to ask us to correct personal data about you that is inaccurate (rectification, Article 16), to erase it (Article 17), to restrict how we use it (Article 18) and to object to our using it (Article 21).',
    'you can complain to us by writing to the Information Management Team',
    'We will acknowledge your complaint within 30 days.',
    "You also have the right to complain to the Information Commissioner (Article 77) at: The Information Commissioner's Office",
    'and the right to seek a judicial remedy by applying to a court (Article 79; section 167 of the Data Protection Act 2018).',
  ];
  const foiWords =
    /request for information|answers to your questions|internal review|request a review|appeal|decision notice|Tribunal|Freedom of Information|section 14|section 17/i;
  const started = async (receivedOn = '2026-03-02') => {
    const sar = await createCase(desk.api, desk.officer, { workflowId: 'sar', receivedOn });
    await desk.send(sar.id, 'START_RESPONSE', '2026-03-03');
    return sar;
  };

  it('A4: the SAR response as sent carries the Art 15(1)-(2) information, the data subject’s rights, the ICO and the judicial remedy, and none of FOIA’s words', async () => {
    const sar = await started();
    await desk.play(sar.id, responds(housingFile, '2026-03-20'));
    const sent = await desk.sentLetter(sar.id, 'response');
    expect(sent).toContain('Thank you for your subject access request received on 2 March 2026');
    expect(sent).toContain(
      'We hold personal data about you. A copy of it is enclosed (Article 15(3) of the UK GDPR), and the information Article 15(1) and (2) require us to give you is set out below.',
    );
    for (const line of [
      'Why we use it (Article 15(1)(a)): To manage your council tenancy and repairs.',
      'The categories of personal data (Article 15(1)(b)): Contact details, tenancy records, repair requests.',
      'Who we have disclosed it to or will disclose it to (Article 15(1)(c)): Our repairs contractor',
      'How long we keep it (Article 15(1)(d)): Six years after the tenancy ends.',
      'Where it came from (Article 15(1)(g)): You, and our repairs contractor.',
      'Automated decision-making, including profiling (Article 15(1)(h)): None.',
      'Transfers outside the UK and their safeguards (Article 15(2)): None outside the UK.',
      ...dataSubjectRights,
    ])
      expect(sent).toContain(line);
    expect(sent).not.toMatch(foiWords);
  });

  it('A2: a complaint to the ICO (Art 77) ends in an ICO outcome, not a decision notice: no compliance date, no requester appeal; an enforcement notice on Tue 1 Sep 2026 gives the controller until Tue 29 Sep to appeal (DPA s.162) and a further response due Thu 1 Oct', async () => {
    const sar = await started();
    await desk.play(sar.id, responds(housingFile, '2026-03-20'));
    const answeredView = await desk.view(sar.id);
    expect(answeredView.stage).toBe('complaints');
    // Sat 20 Jun moves to Mon 22 Jun.
    expect(answeredView.due).toEqual({ complaintBy: '2026-06-22' });
    await desk.send(sar.id, 'REGULATOR_COMPLAINT_RECEIVED', '2026-06-15', {
      regulatorReference: 'IC-500001',
    });
    const atIco = await desk.view(sar.id);
    expect(atIco.stage).toBe('regulator');
    expect(atIco.events).toContain('ICO_OUTCOME_RECEIVED');
    expect(atIco.events).not.toEqual(expect.arrayContaining(['DECISION_NOTICE_ISSUED']));
    expect(atIco.events).not.toContain('APPEAL_LODGED');
    expect(atIco.due).toEqual({});
    expect(
      await desk.refusal(sar.id, 'DECISION_NOTICE_ISSUED', '2026-09-01', {
        decisionNoticeReference: 'IC-500001-DN',
        decision: 'complaint-upheld',
      }),
    ).toMatch(/^EVENT_NOT_ALLOWED/);
    const outcomes = atIco.allowedEvents.find((e) => e.type === 'ICO_OUTCOME_RECEIVED')?.inputSchema
      .properties.icoOutcome?.enum;
    expect(outcomes).toEqual(['no-further-action', 'steps-required', 'enforcement-notice']);

    await desk.send(sar.id, 'ICO_OUTCOME_RECEIVED', '2026-09-01', {
      icoOutcome: 'enforcement-notice',
      icoOutcomeDetails: 'Search the repairs mailbox backups and provide what is found.',
    });
    const enforced = await desk.view(sar.id);
    expect(enforced.stage).toBe('fresh-response');
    expect(enforced.due).toEqual({ enforcementAppealBy: '2026-09-29', freshResponseDue: '2026-10-01' });
    expect(enforced.deadlines.find((d) => d.name === 'enforcementAppealBy')?.label).toContain(
      '(DPA 2018 s.162)',
    );
    expect(enforced.dueDate).toBe('2026-09-29');
    expect(enforced.deadlines.map((d) => d.label).join(' ')).not.toMatch(/decision notice|complianceDue/i);
    expect(enforced.events).not.toContain('APPEAL_LODGED');
  });

  it('A4/A5: SAR refusals are on Art 12(5)(b) grounds, never FOIA’s; a manifestly excessive request gets an Art 12(4) notice with the ICO and the court; "not held" says no personal data is processed', async () => {
    const sar = await started();
    const submit = (await desk.view(sar.id)).allowedEvents.find((e) => e.type === 'SUBMIT_FOR_APPROVAL');
    expect(submit?.inputSchema.properties.refusalBasis?.enum).toEqual([
      'exemption',
      'manifestly-unfounded',
      'manifestly-excessive',
    ]);
    const exemptions = (
      (submit?.inputSchema.properties.exemptions?.['x-options'] ?? []) as { value: string }[]
    ).map((o) => o.value);
    expect(exemptions).toEqual(
      expect.arrayContaining(['DPA Sch 2 para 16', 'DPA Sch 2 para 7', 'DPA Sch 4']),
    );
    expect(exemptions).not.toContain('DPA Sch 2 para 5');
    const refusal = {
      outcome: 'refused-in-full',
      held: true,
      answers: answered('Every record you hold about me', 'Refused: see below.'),
    };
    for (const basis of ['vexatious', 'neither-confirm-nor-deny'])
      expect(
        await desk.refusal(sar.id, 'SUBMIT_FOR_APPROVAL', '2026-03-10', { ...refusal, refusalBasis: basis }),
      ).toMatch(/^VALIDATION_FAILED/);
    await desk.play(sar.id, [
      ...responds(
        {
          ...refusal,
          refusalBasis: 'manifestly-excessive',
          exemptionReasons: 'This is the ninth identical request this year; each was answered in full.',
        },
        '2026-03-10',
        '2026-03-11',
      ),
    ]);
    const sent = await desk.sentLetter(sar.id, 'response');
    expect(sent).toContain(
      'We are not able to provide the personal data you asked for. Article 12(4) of the UK GDPR requires us to tell you why.',
    );
    expect(sent).toContain(
      'We are refusing your request because it is manifestly excessive (Article 12(5)(b) of the UK GDPR).',
    );
    expect(sent).toContain('This is the ninth identical request this year');
    for (const line of dataSubjectRights) expect(sent).toContain(line);
    expect(sent).not.toMatch(foiWords);
    expect(sent).not.toMatch(/vexatious/i);

    const none = await started();
    await desk.play(none.id, [
      {
        type: 'SUBMIT_FOR_APPROVAL',
        effectiveOn: '2026-03-10',
        payload: {
          outcome: 'not-held',
          held: false,
          answers: answered(
            'All the personal data you hold about me',
            'We searched housing, council tax and benefits.',
          ),
        },
      },
      { type: 'APPROVE_RESPONSE', effectiveOn: '2026-03-11' },
    ]);
    const nothing = flat(await desk.letter(none.id, 'response', '2026-03-11'));
    expect(nothing).toContain(
      'We have searched our records and we do not process any personal data about you (Article 15(1) of the UK GDPR).',
    );
    expect(nothing).not.toMatch(/About the personal data we hold|does not hold the information/);
  });

  it('A7: asking for identity or a third party’s authority says the month starts on receipt (Art 12A); asking to clarify says the month is paused, and it is: asked Mon 9 Mar, answered Mon 16 Mar, due Fri 10 Apr 2026', async () => {
    const identity = await createCase(desk.api, desk.officer, {
      workflowId: 'sar',
      receivedOn: '2026-03-02',
    });
    await desk.send(identity.id, 'REQUEST_IDENTITY', '2026-03-02', {
      identityRequested: 'A copy of a recent utility bill.',
    });
    const asked = flat(await desk.letter(identity.id, 'clarification-request', '2026-03-02'));
    expect(asked).toContain(
      'Before we can deal with it, we need to be sure of your identity (Article 12(6) of the UK GDPR). Please send us: > A copy of a recent utility bill.',
    );
    expect(asked).toContain(
      'The one month we have to respond starts on the day we receive this information (Article 12A).',
    );
    expect(asked).not.toMatch(/paused|starts again|section 1\(3\)/);
    await desk.send(identity.id, 'IDENTITY_RECEIVED', '2026-03-16', {
      identityEvidence: 'Council tax bill.',
    });
    expect((await desk.view(identity.id)).due).toEqual({ response: '2026-04-16' });

    const authority = await createCase(desk.api, desk.officer, {
      workflowId: 'sar',
      receivedOn: '2026-03-02',
    });
    await desk.send(authority.id, 'REQUEST_AUTHORITY', '2026-03-05', {
      authorityRequested: 'The data subject’s signed consent to your acting for them.',
    });
    const authorised = flat(await desk.letter(authority.id, 'clarification-request', '2026-03-05'));
    expect(authorised).toContain(
      'the person making the request is authorised to act for the person whose data it is',
    );
    expect(authorised).toContain(
      'The one month we have to respond starts on the day we receive this (Article 12A).',
    );

    const unclear = await createCase(desk.api, desk.officer, { workflowId: 'sar', receivedOn: '2026-03-02' });
    expect(
      await desk.refusal(unclear.id, 'REQUEST_CLARIFICATION', '2026-03-09', {
        clarificationQuestion: 'Which services?',
      }),
    ).toMatch(/^VALIDATION_FAILED.*clarificationReason/);
    await desk.send(unclear.id, 'REQUEST_CLARIFICATION', '2026-03-09', {
      clarificationQuestion: 'Which of our services does your request concern?',
      clarificationReason: 'We hold twenty years of records about you across fourteen services.',
    });
    const clarify = flat(await desk.letter(unclear.id, 'clarification-request', '2026-03-09'));
    expect(clarify).toContain('please tell us: > Which of our services does your request concern?');
    expect(clarify).toContain(
      'The time we have to respond is paused from the day we asked until the day we receive your reply, and then continues (Article 12A).',
    );
    expect(clarify).not.toMatch(/starts again|starts on the day/);
    await desk.send(unclear.id, 'CLARIFICATION_RECEIVED', '2026-03-16', { clarification: 'Housing only.' });
    // 2 Apr, plus the eight days from the request to the reply (9 to 16 Mar), which are not counted.
    expect((await desk.view(unclear.id)).due).toEqual({ response: '2026-04-10' });
  });
});

describe('review timetables, lapses and lawful variations of the time limits (F11, E1, C6)', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await desk.api.signIn(['admin']);
  });
  const fireTimers = (on: string) => desk.api.app.get(TimersService).fireDue(on);

  it('F11: an FOI internal review is due in 20 working days by the Code (not statute), can be extended to 40 (Thu 16 Apr 2026), is marked overdue the day after and recorded late; a review of no response withdrawn leaves the request to answer', async () => {
    const foi = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(foi.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'REQUEST_INTERNAL_REVIEW',
        effectiveOn: '2026-02-16',
        payload: { reviewGrounds: 'No answer in 20 working days.' },
      },
    ]);
    const reviewing = await desk.view(foi.id);
    expect(reviewing.stage).toBe('internal-review');
    expect(reviewing.deadlines.find((d) => d.name === 'reviewDue')).toEqual({
      name: 'reviewDue',
      due: '2026-03-16',
      label: 'Internal review due (Code of Practice: 20 working days)',
      statutory: false,
    });
    expect(flat(await desk.letter(foi.id, 'review-acknowledgement', '2026-02-16'))).toContain(
      'We aim to send you the outcome by 16 March 2026.',
    );
    expect(reviewing.events).toEqual(expect.arrayContaining(['EXTEND_REVIEW', 'REVIEW_DECIDED', 'WITHDRAW']));
    await desk.send(foi.id, 'EXTEND_REVIEW', '2026-03-10', {
      reviewExtensionReason: 'Forty files to re-examine.',
    });
    // 40 working days from Mon 16 Feb: St Patrick's Day, Good Friday and Easter Monday are not counted.
    expect((await desk.view(foi.id)).deadlines.find((d) => d.name === 'reviewDue')).toMatchObject({
      due: '2026-04-16',
      statutory: false,
    });
    await fireTimers('2026-04-17');
    expect((await desk.view(foi.id)).record.reviewOverdue).toBe(true);
    await desk.send(foi.id, 'REVIEW_DECIDED', '2026-04-20', {
      reviewOutcome: 'upheld',
      reviewReasons: 'The delay is regretted.',
    });
    expect((await desk.view(foi.id)).record.reviewTimeliness).toBe('late');

    const withdrawn = await createCase(desk.api, desk.officer, { receivedOn: '2026-01-14' });
    await desk.play(withdrawn.id, [
      { type: 'START_RESPONSE', effectiveOn: '2026-01-15' },
      {
        type: 'REQUEST_INTERNAL_REVIEW',
        effectiveOn: '2026-02-16',
        payload: { reviewGrounds: 'No answer yet.' },
      },
      {
        type: 'WITHDRAW',
        effectiveOn: '2026-02-18',
        payload: { withdrawalNote: 'The requester withdrew the complaint about the delay.' },
      },
    ]);
    // Withdrawing the complaint about the delay does not discharge the duty to answer (s.1, s.10).
    const stillOwed = await desk.view(withdrawn.id);
    expect(stillOwed).toMatchObject({ status: 'open', stage: 'response' });
    expect(stillOwed.due).toEqual({ response: '2026-02-11' });
  });

  it('E1: an EIR charge notified on Mon 2 Feb 2026 and unpaid lapses on Fri 1 May, after the 60 working days, with a reg 8(5) letter', async () => {
    const eir = await createCase(desk.api, desk.officer, { workflowId: 'eir', receivedOn: '2026-01-14' });
    await desk.send(eir.id, 'ISSUE_FEES_NOTICE', '2026-02-02', {
      feeAmount: 40,
      feeBreakdown: 'Twenty A1 flood maps at £2 each.',
    });
    await fireTimers('2026-04-30');
    expect((await desk.view(eir.id)).stage).toBe('fees');
    await fireTimers('2026-05-01');
    const lapsed = await desk.view(eir.id);
    expect(lapsed).toMatchObject({ status: 'closed', outcome: 'lapsed' });
    expect(lapsed.state.context.letters.at(-1)).toEqual({ template: 'lapse-notice', on: '2026-05-01' });
    const text = flat(await desk.letter(eir.id, 'lapse-notice', '2026-05-01'));
    expect(text).toContain(
      'The charge we notified about your request received on 14 January 2026 was not paid within 60 working days of the notice, so we are not obliged to make the information available (regulation 8(5) of the Regulations)',
    );
    expect(text).not.toMatch(/three months|section 9/);
  });

  it('C6: a workflow may use a lawful variation of the time limit only by declaring it: an archive’s 30 working days (due Wed 25 Feb 2026), a school’s 60 (Mon 13 Apr), the Keeper of the Records’ 30-day review (Mon 30 Mar)', async () => {
    const builtIn = async (id: string) => {
      const result = await desk.api.graphql<{
        workflow: { versions: { definition: Record<string, unknown> }[] };
      }>('query($id: ID!) { workflow(id: $id) { versions { definition } } }', { id }, admin);
      return result.data?.workflow.versions.at(-1)?.definition as {
        onCreate: { name: string; params: Record<string, unknown> }[];
        stages: { id: string; onEntry: { name: string; params: Record<string, unknown> }[] }[];
      } & Record<string, unknown>;
    };
    const withLimit = (
      definition: Awaited<ReturnType<typeof builtIn>>,
      workingDays: number,
      variation?: string,
    ) => ({
      ...definition,
      ...(variation ? { complianceVariation: variation } : {}),
      onCreate: definition.onCreate.map((a) =>
        a.name === 'clock.start' ? { ...a, params: { ...a.params, workingDays } } : a,
      ),
    });
    const publish = async (id: string, name: string, regime: string, definition: Record<string, unknown>) => {
      const created = await desk.api.graphql(
        'mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }',
        { input: { id, name, regime, definition } },
        admin,
      );
      if (created.errors) return `${created.errors[0]?.extensions?.code}: ${created.errors[0]?.message}`;
      const published = await desk.api.graphql(
        'mutation($id: ID!) { publishWorkflow(input: { workflowId: $id, revision: 1 }) { version } }',
        { id },
        admin,
      );
      expect(published.errors).toBeUndefined();
      return 'published';
    };
    const foi = await builtIn('foi');
    expect(await publish('foi-archive-bare', 'FOI archive', 'foi', withLimit(foi, 30))).toMatch(
      /^VALIDATION_FAILED: .*A school, archive or armed-forces body with a longer lawful limit declares it with complianceVariation\./,
    );
    expect(
      await publish(
        'foi-archive-long',
        'FOI archive',
        'foi',
        withLimit(foi, 31, 'transferred-public-records'),
      ),
    ).toMatch(/^VALIDATION_FAILED: .*or up to 30 with the declared variation \(SI 2004\/3364 reg 4/);
    expect(
      await publish('foi-archive', 'FOI archive', 'foi', withLimit(foi, 30, 'transferred-public-records')),
    ).toBe('published');
    const archived = await createCase(desk.api, desk.officer, {
      workflowId: 'foi-archive',
      receivedOn: '2026-01-14',
    });
    expect(archived.dueDate).toBe('2026-02-25');
    expect(await publish('foi-school', 'FOI school', 'foi', withLimit(foi, 60, 'maintained-school'))).toBe(
      'published',
    );
    const school = await createCase(desk.api, desk.officer, {
      workflowId: 'foi-school',
      receivedOn: '2026-01-14',
    });
    expect(school.dueDate).toBe('2026-04-13');

    const foisa = await builtIn('foisa');
    const keeper = {
      ...foisa,
      complianceVariation: 'keeper-of-the-records',
      stages: foisa.stages.map((stage) =>
        stage.id === 'internal-review'
          ? {
              ...stage,
              onEntry: stage.onEntry.map((a) =>
                a.name === 'deadline.set' && a.params.name === 'reviewDue'
                  ? {
                      ...a,
                      params: {
                        ...a.params,
                        workingDays: 30,
                        label: 'Review due (s.21(2): 30 working days)',
                      },
                    }
                  : a,
              ),
            }
          : stage,
      ),
    };
    expect(await publish('foisa-keeper', 'FOISA Keeper', 'foisa', keeper)).toBe('published');
    const record = await createCase(desk.api, desk.officer, {
      workflowId: 'foisa-keeper',
      receivedOn: '2026-01-14',
    });
    expect(record.dueDate).toBe('2026-02-11');
    await desk.send(record.id, 'REQUEST_REVIEW', '2026-02-16', { reviewGrounds: 'No answer.' });
    expect((await desk.view(record.id)).due.reviewDue).toBe('2026-03-30');
  });
});
